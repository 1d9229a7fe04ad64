using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Mutations;

/// <summary>The <c>Error</c> interface every typed mutation error implements, so clients can select message and code once.</summary>
public sealed class ErrorInterfaceType : InterfaceGraphType
{
    public ErrorInterfaceType()
    {
        Name = "Error";
        Description = "A mistake in the request that the caller can fix; nothing was changed.";
        Field<NonNullGraphType<StringGraphType>>("message");
        Field<NonNullGraphType<StringGraphType>>("code");
    }
}
