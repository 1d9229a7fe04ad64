using GraphQL;

namespace DualRandomGraph.Api.Agencies;

public sealed record CreateRegionInput
{
    /// <summary>Administrative division code (行政区划代码), or a local code for a zone without one.</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    [Id]
    public string? ParentId { get; init; }
}

public sealed record CreateAgencyInput
{
    /// <summary>Short stable code, e.g. <c>KETDZ-EPB</c>: upper-case letters, digits and hyphens.</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    [Id]
    public required string RegionId { get; init; }
}
