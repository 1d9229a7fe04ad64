using DualRandomGraph.GraphQL.Authorization;
using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Relay;

/// <summary>
/// The Relay root fields <c>node(id:)</c> and <c>nodes(ids:)</c>. The type named inside an id is checked against
/// that type's access rule before anything is read, so a caller learns nothing about records it may not see; an
/// unknown or malformed id resolves to null.
/// </summary>
public sealed class NodeQueries
{
    [OutputType(typeof(NodeInterfaceType))]
    public static async Task<object?> Node(IResolveFieldContext context, [Id] string id)
        => (await LoadAsync(context, [id]))[0];

    [OutputType(typeof(NonNullGraphType<ListGraphType<NodeInterfaceType>>))]
    public static Task<object?[]> Nodes(IResolveFieldContext context, [Id] string[] ids)
        => LoadAsync(context, ids);

    private static async Task<object?[]> LoadAsync(IResolveFieldContext context, IReadOnlyList<string> ids)
    {
        var results = new object?[ids.Count];
        var wanted = new Dictionary<INodeGraphType, HashSet<int>>();
        var parsed = new (INodeGraphType Type, int Key)?[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            if (GlobalId.TryParse(ids[i], out var typeName, out var key)
                && context.Schema.AllTypes[typeName] is INodeGraphType type)
            {
                parsed[i] = (type, key);
                (wanted.TryGetValue(type, out var keys) ? keys : wanted[type] = []).Add(key);
            }
        }

        foreach (var (type, keys) in wanted)
        {
            if (FieldAccessRule.ForType(type) is { } rule)
            {
                await AccessDenial.ThrowIfDeniedAsync(rule, context, context);
            }

            var loaded = await type.LoadNodesAsync(context, keys);
            for (var i = 0; i < ids.Count; i++)
            {
                if (parsed[i] is { } p && p.Type == type && loaded.TryGetValue(p.Key, out var node))
                {
                    results[i] = node;
                }
            }
        }

        return results;
    }
}
