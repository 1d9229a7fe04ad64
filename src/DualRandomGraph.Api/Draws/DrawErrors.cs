using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Mutations;
using GraphQL;

namespace DualRandomGraph.Api.Draws;

/// <summary>A draft plan cannot be drawn: it is drawn only after it was published beforehand (事前公开).</summary>
public sealed record PlanNotPublishedError(string Message, PlanStatus Status) : IUserError
{
    public string Code => "PLAN_NOT_PUBLISHED";
}

/// <summary>The plan has a committed draw; it cannot be drawn or committed again.</summary>
public sealed record DrawAlreadyCommittedError(string Message, [property: Id] string CommittedDrawId) : IUserError
{
    public string Code => "DRAW_ALREADY_COMMITTED";
}

/// <summary>A later attempt superseded this draw; only the latest attempt can be committed.</summary>
public sealed record DrawSupersededError(string Message, int Attempt, int LatestAttempt) : IUserError
{
    public string Code => "DRAW_SUPERSEDED";
}

/// <summary>The seed is shorter than drg-1 allows.</summary>
public sealed record SeedTooShortError(string Message, int Length, int MinimumLength) : IUserError
{
    public string Code => "SEED_TOO_SHORT";
}

/// <summary>R4: today is outside the plan's draw window and no reason for drawing outside it was given.</summary>
public sealed record DrawWindowClosedError(string Message, DateOnly WindowStart, DateOnly WindowEnd, DateOnly Today) : IUserError
{
    public string Code => "DRAW_WINDOW_CLOSED";
}

/// <summary>The working-day calendar lacks the year of the draw window; an administrator adds it with addHolidayCalendar.</summary>
public sealed record CalendarYearNotCoveredError(string Message, int Year) : IUserError
{
    public string Code => "CALENDAR_YEAR_NOT_COVERED";
}

/// <summary>R7: the plan was drawn before; drawing it again needs a reason, recorded with the new attempt.</summary>
public sealed record RedrawReasonRequiredError(string Message, int PreviousAttempts) : IUserError
{
    public string Code => "REDRAW_REASON_REQUIRED";
}

/// <summary>Nothing to draw: the quotas over the agency's active targets add up to zero.</summary>
public sealed record EmptyPoolError(string Message, int PoolSize) : IUserError
{
    public string Code => "EMPTY_POOL";
}

/// <summary>The inspector pool cannot fill even one team under the policy; nothing was drawn.</summary>
public sealed record InspectorPoolTooSmallError(string Message, int OfficersNeeded, int OfficersAvailable, int AssistantsNeeded, int AssistantsAvailable) : IUserError
{
    public string Code => "INSPECTOR_POOL_TOO_SMALL";
}

/// <summary>
/// Some selections of the draw have no full team (exclusions and the per-inspector cap left too few candidates);
/// add inspectors or change the policy, then draw again with a reason.
/// </summary>
public sealed record UnstaffedSelectionsError(string Message, IReadOnlyList<string> TargetKeys) : IUserError
{
    public string Code => "UNSTAFFED_SELECTIONS";
}
