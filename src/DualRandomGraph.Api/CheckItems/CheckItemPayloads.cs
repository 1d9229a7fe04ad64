using DualRandomGraph.Api.Common;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Mutations;

namespace DualRandomGraph.Api.CheckItems;

public sealed record DuplicateCheckItemCodeError(string Message, string CheckItemCode) : IUserError
{
    public string Code => "DUPLICATE_CHECK_ITEM_CODE";
}

public sealed record CreateCheckItemPayload(
    CheckItem? CheckItem,
    [property: Errors(typeof(DuplicateCheckItemCodeError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);

public sealed record UpdateCheckItemPayload(
    CheckItem? CheckItem,
    [property: Errors(typeof(NotFoundError), typeof(ConcurrencyConflictError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);

public sealed record RetireCheckItemPayload(
    CheckItem? CheckItem,
    [property: Errors(typeof(NotFoundError), typeof(ConcurrencyConflictError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);
