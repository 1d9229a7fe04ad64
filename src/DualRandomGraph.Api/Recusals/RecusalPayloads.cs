using DualRandomGraph.Api.Common;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Mutations;

namespace DualRandomGraph.Api.Recusals;

public sealed record DeclareRecusalPayload(
    Recusal? Recusal,
    [property: Errors(typeof(NotFoundError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);

public sealed record EndRecusalPayload(
    Recusal? Recusal,
    [property: Errors(typeof(NotFoundError), typeof(ConcurrencyConflictError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);
