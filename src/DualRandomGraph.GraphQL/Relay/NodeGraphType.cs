using System.Linq.Expressions;
using DualRandomGraph.GraphQL.Loading;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// Resolves the reference <paramref name="navigation"/> from the loaded entity when it is there (list fields
    /// project it in their one SQL statement) and otherwise by its foreign key, batched per request through the
    /// referenced node type's <see cref="INodeGraphType.LoadNodesAsync"/>. Single records read outside a list
    /// (payloads, <c>node</c>, lookups) thereby show references at any depth without loading them up front.
    /// </summary>
    protected void ResolveReference<TReference>(Expression<Func<TEntity, TReference?>> navigation, Func<TEntity, int?> foreignKey)
        where TReference : class
    {
        var name = ((MemberExpression)navigation.Body).Member.Name;
        var field = GetField(name) ?? throw new InvalidOperationException($"{Name} has no field '{name}'.");
        var loaded = navigation.Compile();
        field.Resolver = new FuncFieldResolver<object>(context =>
        {
            var entity = (TEntity)context.Source!;
            if (loaded(entity) is { } reference)
            {
                return reference;
            }

            if (foreignKey(entity) is not { } key || key == 0)
            {
                return null;
            }

            var target = (INodeGraphType)context.FieldDefinition.ResolvedType!.GetNamedType();
            var loaders = context.RequestServices!.GetRequiredService<BatchLoaders>();
            return loaders.GetOrAdd<int, object>(target, (keys, _) => target.LoadNodesAsync(context, keys)).Load(key);
        });
    }

    /// <summary>Loads the entities with these keys (one query, no tracking).</summary>
    protected abstract Task<IReadOnlyList<TEntity>> LoadAsync(IResolveFieldContext context, IReadOnlyCollection<int> keys);

    private static Expression<Func<TEntity, object?>> Box(Expression<Func<TEntity, int>> key)
        => Expression.Lambda<Func<TEntity, object?>>(Expression.Convert(key.Body, typeof(object)), key.Parameters);
}
