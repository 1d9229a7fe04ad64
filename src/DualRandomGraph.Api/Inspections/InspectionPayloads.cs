using DualRandomGraph.Api.Common;
using DualRandomGraph.Domain.Inspections;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Mutations;

namespace DualRandomGraph.Api.Inspections;

public sealed record RecordInspectionPayload(
    InspectionRecord? Record,
    [property: Errors(
        typeof(NotFoundError), typeof(NotOnTeamError), typeof(TaskAlreadyRecordedError), typeof(DateOutsideQuarterError), typeof(EvidenceRequiredError),
        typeof(OnSiteApprovalRequiredError), typeof(CaseReferenceRequiredError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);

public sealed record AddFollowUpVisitPayload(
    InspectionTask? Task,
    [property: Errors(typeof(NotFoundError), typeof(ConcurrencyConflictError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);

public sealed record RecordTargetedInspectionPayload(
    InspectionRecord? Record,
    [property: Errors(typeof(NotFoundError), typeof(EvidenceRequiredError), typeof(OnSiteApprovalRequiredError), typeof(CaseReferenceRequiredError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);

public sealed record ImportInspectionHistoryPayload(
    IReadOnlyList<InspectionRecord>? Records,
    [property: Errors(
        typeof(UnknownAgencyError), typeof(UnknownTargetError), typeof(EvidenceRequiredError), typeof(OnSiteApprovalRequiredError),
        typeof(CaseReferenceRequiredError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);

public sealed record AmendInspectionPayload(
    InspectionRecord? Record,
    [property: Errors(typeof(NotFoundError), typeof(DateOutsideQuarterError), typeof(CaseReferenceRequiredError), typeof(ConcurrencyConflictError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);
