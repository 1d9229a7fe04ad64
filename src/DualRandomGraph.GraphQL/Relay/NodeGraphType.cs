using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Relay;

/// <summary>
/// An auto-registered entity type that implements <c>Node</c>: its <c>id</c> field is the opaque global id made
/// from the entity's integer key, and subclasses say how to load entities by key for <c>node(id:)</c>.
/// </summary>
public abstract class NodeGraphType<TEntity> : AutoRegisteringObjectGraphType<TEntity>, INodeGraphType
    where TEntity : class
{
    private readonly Func<TEntity, int> _key;

    protected NodeGraphType(Expression<Func<TEntity, int>> key, params Expression<Func<TEntity, object?>>[] excludedProperties)
        : base([.. excludedProperties, Box(key)])
    {
        _key = key.Compile();
        Interface<NodeInterfaceType>();
        IsTypeOf = value => value is TEntity;

        var keyMember = ((MemberExpression)key.Body).Member.Name;
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("The opaque global ID of this object.")
            .Resolve(context => GlobalId.Format(Name, _key((TEntity)context.Source!)))
            .WithMetadata(KeyMemberMetadataKey, keyMember);
    }

    /// <summary>Metadata on the <c>id</c> field naming the entity member the global id is made from.</summary>
    public const string KeyMemberMetadataKey = "DualRandomGraph.NodeKeyMember";

    public async Task<IReadOnlyDictionary<int, object>> LoadNodesAsync(IResolveFieldContext context, IReadOnlyCollection<int> keys)
    {
        var entities = await LoadAsync(context, keys);
        return entities.ToDictionary(_key, entity => (object)entity);
    }

    /// <summary>Loads the entities with these keys (one query, no tracking).</summary>
    protected abstract Task<IReadOnlyList<TEntity>> LoadAsync(IResolveFieldContext context, IReadOnlyCollection<int> keys);

    private static Expression<Func<TEntity, object?>> Box(Expression<Func<TEntity, int>> key)
        => Expression.Lambda<Func<TEntity, object?>>(Expression.Convert(key.Body, typeof(object)), key.Parameters);
}
