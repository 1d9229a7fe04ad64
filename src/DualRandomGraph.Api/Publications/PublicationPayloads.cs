using DualRandomGraph.Api.Common;
using DualRandomGraph.Api.Draws;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Publications;
using DualRandomGraph.GraphQL.Mutations;

namespace DualRandomGraph.Api.Publications;

public sealed record PublishResultsPayload(
    Publication? Publication,
    [property: Errors(
        typeof(NotFoundError), typeof(UnknownAgencyError), typeof(TasksNotRecordedError), typeof(NothingToPublishError), typeof(RevisionReasonRequiredError),
        typeof(CalendarYearNotCoveredError), typeof(ConcurrencyConflictError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);

/// <summary>A plan whose spot-check work is complete and whose results are past their R5 deadline, unpublished.</summary>
public sealed record OverduePlan(SamplingPlan Plan, DateOnly WorkCompletedOn, DateOnly Deadline);
