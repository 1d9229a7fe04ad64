using DualRandomGraph.Domain.Audit;

namespace DualRandomGraph.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTime Start = new(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

    private static List<AuditEntry> Chain(int length)
    {
        var entries = new List<AuditEntry>();
        for (var i = 0; i < length; i++)
        {
            entries.Add(AuditChain.Append(entries.LastOrDefault(), Start.AddSeconds(i), $"user-{i % 3}", "coordinator",
                "createTarget", i % 2 == 0 ? null : "Create", AuditChain.Digest($"{{\"n\":{i}}}"), "OK"));
        }

        return entries;
    }

    private static AuditEntry Copy(AuditEntry e, int? sequence = null, string? actor = null, string? roles = null, string? operation = null,
        string? outcome = null, string? previousHash = null, string? hash = null, DateTime? at = null, string? inputDigest = null) => new()
    {
        Id = e.Id,
        Sequence = sequence ?? e.Sequence,
        At = at ?? e.At,
        Actor = actor ?? e.Actor,
        ActorRoles = roles ?? e.ActorRoles,
        Operation = operation ?? e.Operation,
        OperationName = e.OperationName,
        InputDigest = inputDigest ?? e.InputDigest,
        Outcome = outcome ?? e.Outcome,
        PreviousHash = previousHash ?? e.PreviousHash,
        Hash = hash ?? e.Hash,
    };

    [Fact]
    public void An_appended_chain_is_intact_and_starts_at_genesis()
    {
        var chain = Chain(5);
        Assert.Null(AuditChain.FindFirstBrokenLink(chain));
        Assert.Equal(AuditChain.GenesisHash, chain[0].PreviousHash);
        Assert.Equal([1, 2, 3, 4, 5], chain.Select(e => e.Sequence));
        Assert.All(chain.Skip(1).Zip(chain), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.All(chain, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
    }

    [Fact]
    public void An_empty_log_is_intact() => Assert.Null(AuditChain.FindFirstBrokenLink([]));

    [Fact]
    public void The_hash_is_stable_and_ignores_sub_millisecond_time()
    {
        var a = AuditChain.Append(null, Start.AddTicks(1234), "alice", "admin", "createRegion", null, AuditChain.Digest("{}"), "OK");
        var b = AuditChain.Append(null, Start, "alice", "admin", "createRegion", null, AuditChain.Digest("{}"), "OK");
        Assert.Equal(a.Hash, b.Hash);
        Assert.Equal(a.Hash, AuditChain.ComputeHash(a));
    }

    public static TheoryData<string, Func<AuditEntry, AuditEntry>> Edits => new()
    {
        { "actor", e => Copy(e, actor: "mallory") },
        { "roles", e => Copy(e, roles: "admin") },
        { "operation", e => Copy(e, operation: "deleteEverything") },
        { "outcome", e => Copy(e, outcome: "DENIED:AUTH_NOT_AUTHORIZED") },
        { "time", e => Copy(e, at: e.At.AddMilliseconds(1)) },
        { "input digest", e => Copy(e, inputDigest: AuditChain.Digest("other")) },
        { "previous hash", e => Copy(e, previousHash: AuditChain.GenesisHash) },
        { "hash", e => Copy(e, hash: AuditChain.GenesisHash) },
        { "sequence", e => Copy(e, sequence: 9) },
        { "recomputed hash", e => { var edited = Copy(e, actor: "mallory"); return Copy(edited, hash: AuditChain.ComputeHash(edited)); } },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Editing_any_field_breaks_the_chain_at_that_entry_or_the_next(string field, Func<AuditEntry, AuditEntry> edit)
    {
        var chain = Chain(6);
        chain[2] = edit(chain[2]);

        // A forger who recomputes the edited entry's own hash is caught one entry later, by the next previous hash.
        Assert.Equal(field == "recomputed hash" ? 4 : 3, AuditChain.FindFirstBrokenLink(chain));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 3)]
    public void Removing_an_entry_is_reported_at_its_sequence(int removed, int reported)
    {
        var chain = Chain(5);
        chain.RemoveAt(removed);
        Assert.Equal(reported, AuditChain.FindFirstBrokenLink(chain));
    }

    [Fact]
    public void Swapping_two_entries_is_reported_at_the_first_position_out_of_place()
    {
        var chain = Chain(5);
        (chain[1], chain[2]) = (chain[2], chain[1]);
        Assert.Equal(2, AuditChain.FindFirstBrokenLink(chain));
    }
}
