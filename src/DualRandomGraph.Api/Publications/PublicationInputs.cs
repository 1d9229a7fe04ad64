using GraphQL;

namespace DualRandomGraph.Api.Publications;

/// <summary>Publishes a plan's results (planId), or an agency's quarter (agencyId, year, quarter) when it has no plan here.</summary>
public sealed record PublishResultsInput
{
    [Id]
    public string? PlanId { get; init; }

    [Id]
    public string? AgencyId { get; init; }

    public int? Year { get; init; }

    public int? Quarter { get; init; }

    /// <summary>Why the quarter is published again (required for a revision).</summary>
    public string? Reason { get; init; }
}
