using DualRandomGraph.Domain.Registry;
using GraphQL;

namespace DualRandomGraph.Api.CheckItems;

public sealed record CreateCheckItemInput
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    public string? LegalBasis { get; init; }

    public required IReadOnlyList<TargetCategory> Categories { get; init; }
}

/// <summary>Changes the given fields and leaves omitted (null) ones alone.</summary>
public sealed record UpdateCheckItemInput
{
    [Id]
    public required string Id { get; init; }

    public int? ExpectedVersion { get; init; }

    public string? Title { get; init; }

    public string? LegalBasis { get; init; }

    public IReadOnlyList<TargetCategory>? Categories { get; init; }
}

public sealed record RetireCheckItemInput
{
    [Id]
    public required string CheckItemId { get; init; }
}
