using GraphQL;

namespace DualRandomGraph.Api.Draws;

public sealed record DrawPlanInput
{
    [Id]
    public required string PlanId { get; init; }

    /// <summary>
    /// The seed, from outside the system (e.g. the digits of dice rolled at a public draw): at least 20 characters,
    /// no leading or trailing white space. It is published with the draw.
    /// </summary>
    public required string Seed { get; init; }

    /// <summary>Why the plan is drawn again; required from the second attempt on, which supersedes the one before.</summary>
    public string? Reason { get; init; }

    /// <summary>Why the draw is made outside its window (R4); required then, recorded with the draw, ignored inside the window.</summary>
    public string? OutsideWindowReason { get; init; }
}

public sealed record CommitDrawInput
{
    [Id]
    public required string DrawId { get; init; }
}
