using DualRandomGraph.Api.Common;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Mutations;

namespace DualRandomGraph.Api.Targets;

public sealed record CreateTargetPayload(
    InspectionTarget? Target,
    [property: Errors(typeof(InvalidCreditCodeError), typeof(DuplicateCreditCodeError), typeof(UnknownRegionError), typeof(UnknownAgencyError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);

public sealed record UpdateTargetPayload(
    InspectionTarget? Target,
    [property: Errors(typeof(NotFoundError), typeof(UnknownRegionError), typeof(ConcurrencyConflictError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);

public sealed record ChangeTargetCategoryPayload(
    InspectionTarget? Target,
    [property: Errors(typeof(NotFoundError), typeof(CategoryChangeOutOfOrderError), typeof(ConcurrencyConflictError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);

public sealed record RetireTargetPayload(
    InspectionTarget? Target,
    [property: Errors(typeof(NotFoundError), typeof(ConcurrencyConflictError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);
