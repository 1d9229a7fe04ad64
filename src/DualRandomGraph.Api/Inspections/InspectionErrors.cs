using DualRandomGraph.GraphQL.Mutations;

namespace DualRandomGraph.Api.Inspections;

/// <summary>The inspection date lies outside the quarter of the task's plan.</summary>
public sealed record DateOutsideQuarterError(string Message, DateOnly InspectedOn, DateOnly QuarterStart, DateOnly QuarterEnd) : IUserError
{
    public string Code => "DATE_OUTSIDE_QUARTER";
}

/// <summary>
/// An inspector records only the tasks of the teams they are on. Only a task they can see gets this answer (one of a
/// plan whose results are published); any other answers NOT_FOUND, exactly as an unknown id does.
/// </summary>
public sealed record NotOnTeamError(string Message) : IUserError
{
    public string Code => "NOT_ON_TEAM";
}

/// <summary>Every visit due of the task has its record; amend a record, or add a follow-up visit.</summary>
public sealed record TaskAlreadyRecordedError(string Message, int Visits) : IUserError
{
    public string Code => "TASK_ALREADY_RECORDED";
}

/// <summary>R6: an on-site check of a positive-list target needs the recorded approval of the responsible person.</summary>
public sealed record OnSiteApprovalRequiredError(string Message) : IUserError
{
    public string Code => "ON_SITE_APPROVAL_REQUIRED";
}

/// <summary>A transfer to enforcement (移交执法) needs its case reference.</summary>
public sealed record CaseReferenceRequiredError(string Message) : IUserError
{
    public string Code => "CASE_REFERENCE_REQUIRED";
}

/// <summary>An off-site check names the sources it relied on.</summary>
public sealed record EvidenceRequiredError(string Message) : IUserError
{
    public string Code => "EVIDENCE_REQUIRED";
}

/// <summary>No target of the agency has that credit code (in an import, at the given index).</summary>
public sealed record UnknownTargetError(string Message, string CreditCode, int Index) : IUserError
{
    public string Code => "UNKNOWN_TARGET";
}
