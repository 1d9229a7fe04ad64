using DualRandomGraph.Api.Common;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Mutations;

namespace DualRandomGraph.Api.Policies;

public sealed record SetSamplingPolicyPayload(
    SamplingPolicy? Policy,
    [property: Errors(typeof(UnknownAgencyError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);
