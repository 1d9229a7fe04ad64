using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Planning;

/// <summary>
/// 回避: a declared conflict of interest between an inspector and a target. A draw leaves the inspector off the
/// target's team when the recusal is valid on any day of the plan's quarter.
/// </summary>
public sealed class Recusal : IVersioned
{
    public int Id { get; init; }

    public int InspectorId { get; init; }

    public Inspector? Inspector { get; init; }

    public int TargetId { get; init; }

    public InspectionTarget? Target { get; init; }

    public required string Reason { get; init; }

    public DateOnly ValidFrom { get; init; }

    /// <summary>The last day of validity; null while open-ended.</summary>
    public DateOnly? ValidTo { get; set; }

    /// <summary>UTC.</summary>
    public DateTime DeclaredAt { get; init; }

    public required string DeclaredBy { get; init; }

    /// <summary>When <see cref="ValidTo"/> was set by ending the recusal. UTC.</summary>
    public DateTime? EndedAt { get; set; }

    public string? EndedBy { get; set; }

    public string? EndReason { get; set; }

    public int Version { get; set; }
}
