using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DualRandomGraph.Domain.Audit;

/// <summary>The hash chain of the audit log: how an entry's hash is computed and where a stored chain first breaks.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>
    /// SHA-256 (lowercase hex) of the UTF-8 JSON array <c>[previousHash, sequence, at, actor, actorRoles, operation,
    /// operationName, inputDigest, outcome]</c>. A JSON array rather than a joined string, so no choice of field
    /// values can make two different entries serialise alike; <c>at</c> as ISO 8601 UTC to the millisecond.
    /// </summary>
    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(entry.PreviousHash);
            json.WriteNumberValue(entry.Sequence);
            json.WriteStringValue(entry.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteStringValue(entry.Actor);
            json.WriteStringValue(entry.ActorRoles);
            json.WriteStringValue(entry.Operation);
            if (entry.OperationName is null)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteStringValue(entry.OperationName);
            }

            json.WriteStringValue(entry.InputDigest);
            json.WriteStringValue(entry.Outcome);
            json.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }

    /// <summary>SHA-256 (lowercase hex) of UTF-8 text, e.g. of the canonical JSON of a mutation's arguments.</summary>
    public static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// The first sequence number at which the log is not what the chain says it must be, or null when it is intact:
    /// the entry standing there has another sequence (a row removed, inserted or renumbered: the position of the gap
    /// is reported), a previous hash that is not the previous entry's hash, or a hash that does not match its fields
    /// (a row edited).
    /// </summary>
    /// <param name="entries">The whole log, in sequence order.</param>
    public static int? FindFirstBrokenLink(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var expectedSequence = 1;
        var expectedPrevious = GenesisHash;
        foreach (var entry in entries)
        {
            if (entry.Sequence != expectedSequence
                || !string.Equals(entry.PreviousHash, expectedPrevious, StringComparison.Ordinal)
                || !string.Equals(entry.Hash, ComputeHash(entry), StringComparison.Ordinal))
            {
                return expectedSequence;
            }

            expectedSequence = entry.Sequence + 1;
            expectedPrevious = entry.Hash;
        }

        return null;
    }

    /// <summary>The entry that follows <paramref name="previous"/> (null for the first), with its hash computed.</summary>
    public static AuditEntry Append(AuditEntry? previous, DateTime at, string actor, string actorRoles, string operation,
        string? operationName, string inputDigest, string outcome)
    {
        var unhashed = new AuditEntry
        {
            Sequence = (previous?.Sequence ?? 0) + 1,
            At = TruncateToMilliseconds(at.ToUniversalTime()),
            Actor = actor,
            ActorRoles = actorRoles,
            Operation = operation,
            OperationName = operationName,
            InputDigest = inputDigest,
            Outcome = outcome,
            PreviousHash = previous?.Hash ?? GenesisHash,
            Hash = "",
        };
        return new AuditEntry
        {
            Sequence = unhashed.Sequence,
            At = unhashed.At,
            Actor = actor,
            ActorRoles = actorRoles,
            Operation = operation,
            OperationName = operationName,
            InputDigest = inputDigest,
            Outcome = outcome,
            PreviousHash = unhashed.PreviousHash,
            Hash = ComputeHash(unhashed),
        };
    }

    private static DateTime TruncateToMilliseconds(DateTime value)
        => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
