using DualRandomGraph.GraphQL.Mutations;

namespace DualRandomGraph.Api.Common;

/// <summary>An input value breaks a rule; <see cref="Field"/> names the input field.</summary>
public sealed record ValidationError(string Field, string Message) : IUserError
{
    public string Code => "VALIDATION";
}

/// <summary>The record an id points to does not exist (or the caller may not see it: the two answer alike).</summary>
public sealed record NotFoundError(string Field, string Id, string Message) : IUserError
{
    public string Code => "NOT_FOUND";
}

/// <summary>The record was changed by someone else since the caller read <c>version</c>; read it again.</summary>
public sealed record ConcurrencyConflictError(string Message, int ExpectedVersion, int ActualVersion) : IUserError
{
    public string Code => "CONCURRENCY_CONFLICT";
}

public sealed record UnknownRegionError(string Message, string RegionId) : IUserError
{
    public string Code => "UNKNOWN_REGION";
}

public sealed record UnknownAgencyError(string Message, string AgencyId) : IUserError
{
    public string Code => "UNKNOWN_AGENCY";
}
