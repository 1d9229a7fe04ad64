namespace DualRandomGraph.GraphQL.Mutations;

/// <summary>
/// A mistake the caller can fix, returned as data in a mutation payload's <c>errors</c> list (HotChocolate's
/// mutation conventions) rather than as a top-level error.
/// </summary>
public interface IUserError
{
    string Message { get; }

    /// <summary>A stable, machine-readable code, e.g. <c>DUPLICATE_CREDIT_CODE</c>.</summary>
    string Code { get; }
}
