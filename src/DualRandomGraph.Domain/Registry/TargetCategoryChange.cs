namespace DualRandomGraph.Domain.Registry;

/// <summary>A dated category assignment; the first one is the category the target was registered with.</summary>
public sealed class TargetCategoryChange
{
    public int Id { get; init; }

    public int TargetId { get; init; }

    public TargetCategory Category { get; init; }

    public DateOnly EffectiveFrom { get; init; }

    public string? Reason { get; init; }
}
