using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Relay;

/// <summary>An object type that <c>node(id:)</c>/<c>nodes(ids:)</c> can load by key.</summary>
public interface INodeGraphType : IObjectGraphType
{
    /// <summary>Loads the records with these keys in one round trip; missing keys are simply absent.</summary>
    Task<IReadOnlyDictionary<int, object>> LoadNodesAsync(IResolveFieldContext context, IReadOnlyCollection<int> keys);
}
