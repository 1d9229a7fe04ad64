namespace DualRandomGraph.Domain.Registry;

/// <summary>检查地区: an administrative area, nested under its parent (province → prefecture → county → zone).</summary>
public sealed class Region
{
    public int Id { get; init; }

    /// <summary>Administrative division code (行政区划代码), or a local code for a zone that has none.</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }

    public int? ParentId { get; init; }

    public Region? Parent { get; init; }
}
