using GraphQL;

namespace DualRandomGraph.Api.Plans;

public sealed record CreatePlanInput
{
    [Id]
    public required string AgencyId { get; init; }

    public required int Year { get; init; }

    /// <summary>1–4.</summary>
    public required int Quarter { get; init; }

    /// <summary>The plan's spot-check items; every item not retired when omitted.</summary>
    [Id]
    public IReadOnlyList<string>? CheckItemIds { get; init; }
}

public sealed record PublishPlanInput
{
    [Id]
    public required string PlanId { get; init; }
}
