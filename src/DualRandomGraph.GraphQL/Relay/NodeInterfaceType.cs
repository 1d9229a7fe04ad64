using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Relay;

/// <summary>The Relay <c>Node</c> interface: anything with a global <c>id</c> that <c>node(id:)</c> can fetch.</summary>
public sealed class NodeInterfaceType : InterfaceGraphType
{
    public NodeInterfaceType()
    {
        Name = "Node";
        Description = "An object with a globally unique, opaque ID.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The ID of the object.");
    }
}
