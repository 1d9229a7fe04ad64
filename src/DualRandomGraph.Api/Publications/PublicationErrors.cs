using DualRandomGraph.GraphQL.Mutations;

namespace DualRandomGraph.Api.Publications;

/// <summary>Results are published once every task of the plan is recorded.</summary>
public sealed record TasksNotRecordedError(string Message, int Unrecorded) : IUserError
{
    public string Code => "TASKS_NOT_RECORDED";
}

/// <summary>The quarter has no random or imported record to publish.</summary>
public sealed record NothingToPublishError(string Message) : IUserError
{
    public string Code => "NOTHING_TO_PUBLISH";
}

/// <summary>The quarter is published already; a new revision needs a reason.</summary>
public sealed record RevisionReasonRequiredError(string Message, int PreviousRevision) : IUserError
{
    public string Code => "REVISION_REASON_REQUIRED";
}
