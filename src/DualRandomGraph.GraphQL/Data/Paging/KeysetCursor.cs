using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DualRandomGraph.GraphQL.Data.Sorting;
using GraphQL;

namespace DualRandomGraph.GraphQL.Data.Paging;

/// <summary>
/// Opaque keyset cursors: base64 of a JSON array holding a fingerprint of the order followed by the row's
/// value for each sort key (the entity key last). The fingerprint lets a cursor from another <c>order:</c>
/// be refused with a clear error instead of silently skipping or repeating rows.
/// </summary>
internal static class KeysetCursor
{
    // SHA-256 through OpenSSL showed as ~3% of a page request; the orders a schema allows are few, and the cap
    // keeps a client from growing the cache without bound with endless order combinations.
    private const int MaxCachedFingerprints = 4096;
    private static readonly ConcurrentDictionary<string, string> Fingerprints = new(StringComparer.Ordinal);

    public static string Fingerprint(IReadOnlyList<SortKey> keys)
    {
        var order = keys[0].EntityType.Name + "|" + string.Join(',', keys);
        if (Fingerprints.TryGetValue(order, out var cached))
        {
            return cached;
        }

        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(order)).AsSpan(0, 4));
        if (Fingerprints.Count < MaxCachedFingerprints)
        {
            Fingerprints.TryAdd(order, fingerprint);
        }

        return fingerprint;
    }

    public static string Encode(string fingerprint, IReadOnlyList<SortKey> keys, object row)
    {
        var values = new object?[keys.Count + 1];
        values[0] = fingerprint;
        for (var i = 0; i < keys.Count; i++)
        {
            values[i + 1] = keys[i].ValueOf(row);
        }

        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(values));
    }

    /// <summary>The sort-key values the cursor carries, typed as the keys are.</summary>
    public static object?[] Decode(string cursor, string argument, string fingerprint, IReadOnlyList<SortKey> keys)
    {
        JsonElement[] elements;
        try
        {
            elements = JsonSerializer.Deserialize<JsonElement[]>(Convert.FromBase64String(cursor))
                ?? throw DataErrors.BadCursor(argument, cursor);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw DataErrors.BadCursor(argument, cursor);
        }

        if (elements.Length == 0 || elements[0].ValueKind != JsonValueKind.String)
        {
            throw DataErrors.BadCursor(argument, cursor);
        }

        if (elements[0].GetString() != fingerprint || elements.Length != keys.Count + 1)
        {
            throw DataErrors.CursorFromOtherOrder(argument, cursor);
        }

        var values = new object?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            values[i] = ReadValue(elements[i + 1], keys[i], argument, cursor);
        }

        return values;
    }

    private static object? ReadValue(JsonElement element, SortKey key, string argument, string cursor)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return key.IsNullable ? null : throw DataErrors.BadCursor(argument, cursor);
        }

        try
        {
            return element.Deserialize(key.ValueType);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new ExecutionError(DataErrors.BadCursor(argument, cursor).Message, e) { Code = DataErrors.InvalidCursor };
        }
    }
}
