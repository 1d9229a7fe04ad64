using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Mutations;

namespace DualRandomGraph.Api.Plans;

/// <summary>The agency has a plan for that quarter already; there is one plan per agency and quarter.</summary>
public sealed record DuplicatePlanError(string Message, int Year, int Quarter) : IUserError
{
    public string Code => "DUPLICATE_PLAN";
}

/// <summary>No sampling policy of the agency is in force on the quarter's first day; set one with <c>setSamplingPolicy</c>.</summary>
public sealed record NoSamplingPolicyError(string Message, DateOnly QuarterStart) : IUserError
{
    public string Code => "NO_SAMPLING_POLICY";
}

/// <summary>Only a draft can be published.</summary>
public sealed record PlanNotDraftError(string Message, PlanStatus Status) : IUserError
{
    public string Code => "PLAN_NOT_DRAFT";
}
