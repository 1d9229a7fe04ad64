namespace DualRandomGraph.Domain.Registry;

/// <summary>监管部门: the bureau that owns registries, plans and publications for its jurisdiction.</summary>
public sealed class Agency
{
    public int Id { get; init; }

    /// <summary>Short stable code; the draw's scope prefix starts with it (e.g. <c>KETDZ-EPB/2022Q3</c>).</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }

    public int RegionId { get; init; }

    public Region? Region { get; init; }
}
