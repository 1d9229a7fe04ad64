namespace DualRandomGraph.Domain.Registry;

/// <summary>抽查事项: one entry of the spot-check item list (随机抽查事项清单).</summary>
public sealed class CheckItem : IVersioned
{
    public int Id { get; init; }

    public required string Code { get; init; }

    public required string Title { get; set; }

    public string? LegalBasis { get; set; }

    /// <summary>The target categories this item applies to.</summary>
    public List<TargetCategory> Categories { get; set; } = [];

    public bool Retired { get; set; }

    public int Version { get; set; }
}
