namespace DualRandomGraph.Domain.Audit;

/// <summary>
/// One line of the append-only audit log: who ran which mutation when, a digest of what they sent, and how it ended.
/// Each entry's <see cref="Hash"/> covers the previous entry's hash, so changing or removing any stored entry breaks
/// the chain at that point (<see cref="AuditChain.FindFirstBrokenLink"/>).
/// </summary>
public sealed class AuditEntry
{
    public int Id { get; init; }

    /// <summary>1, 2, 3, … without gaps; unique in the database, so two writers can never both append entry n.</summary>
    public int Sequence { get; init; }

    /// <summary>When the mutation finished (UTC, whole milliseconds so that it hashes alike after a round trip).</summary>
    public DateTime At { get; init; }

    /// <summary>The token's <c>sub</c> claim; <c>anonymous</c> without a token.</summary>
    public required string Actor { get; init; }

    /// <summary>The caller's roles, sorted and comma-separated; empty without any.</summary>
    public required string ActorRoles { get; init; }

    /// <summary>The mutation field, e.g. <c>createTarget</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>The request's operation name, when it gave one.</summary>
    public string? OperationName { get; init; }

    /// <summary>SHA-256 (hex) of the canonical JSON of the field's arguments: what was asked, without keeping it in clear.</summary>
    public required string InputDigest { get; init; }

    /// <summary><c>OK</c>, <c>ERRORS:CODE1,CODE2</c> (payload errors), <c>DENIED:AUTH_…</c> or <c>FAILED:code</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>The previous entry's <see cref="Hash"/>; <see cref="AuditChain.GenesisHash"/> for the first.</summary>
    public required string PreviousHash { get; init; }

    /// <summary><see cref="AuditChain.ComputeHash"/> of this entry.</summary>
    public required string Hash { get; init; }
}
