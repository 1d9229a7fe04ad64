using DualRandomGraph.Api.Common;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Mutations;

namespace DualRandomGraph.Api.Agencies;

public sealed record DuplicateCodeError(string Message, string Value) : IUserError
{
    public string Code => "DUPLICATE_CODE";
}

public sealed record CreateRegionPayload(
    Region? Region,
    [property: Errors(typeof(DuplicateCodeError), typeof(UnknownRegionError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);

public sealed record CreateAgencyPayload(
    Agency? Agency,
    [property: Errors(typeof(DuplicateCodeError), typeof(UnknownRegionError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);
