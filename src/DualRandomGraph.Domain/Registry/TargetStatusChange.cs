namespace DualRandomGraph.Domain.Registry;

/// <summary>A dated status change; targets are retired this way, never deleted.</summary>
public sealed class TargetStatusChange
{
    public int Id { get; init; }

    public int TargetId { get; init; }

    public TargetStatus Status { get; init; }

    public DateOnly EffectiveFrom { get; init; }

    public required string Reason { get; init; }
}
