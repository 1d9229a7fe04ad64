using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GraphQL;

namespace DualRandomGraph.GraphQL.Auditing;

/// <summary>
/// The canonical JSON of a field's arguments and its SHA-256: the same input always digests alike, whatever order
/// the caller wrote it in and whether it came as literals or variables, while the log never holds the input in clear.
/// </summary>
public static class CanonicalArguments
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Objects with their keys in ordinal order, arrays in their order; parsed input objects as their members.</summary>
    public static string Json(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Json(context.Arguments?.Select(a => KeyValuePair.Create(a.Key, a.Value.Value)));
    }

    /// <summary>The same canonical form for named values, e.g. a request's variables.</summary>
    public static string Json(IEnumerable<KeyValuePair<string, object?>>? values)
    {
        var sorted = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in values ?? [])
        {
            sorted[name] = value;
        }

        return Sorted(JsonSerializer.SerializeToNode(sorted, Options))?.ToJsonString(Options) ?? "null";
    }

    /// <summary>SHA-256 (lowercase hex) of <see cref="Json(IResolveFieldContext)"/>.</summary>
    public static string Digest(IResolveFieldContext context)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Json(context))));

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value?.DeepClone())))),
        JsonArray array => new JsonArray([.. array.Select(item => Sorted(item?.DeepClone()))]),
        _ => node?.DeepClone(),
    };
}
