using System.Collections.Concurrent;
using System.Linq.Expressions;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>
/// What the data middleware may do with each entity type: which members can be filtered and sorted on,
/// which member is the key, and which computed filter fields (global ids) exist. Entities need no
/// attributes (the domain project knows nothing of GraphQL); members are excluded here, fluently, or with
/// <see cref="NotFilterableAttribute"/>, <see cref="NotSortableAttribute"/> or GraphQL.NET's
/// <see cref="global::GraphQL.IgnoreAttribute"/> where the host owns the entity class.
/// Registered as a singleton by <see cref="DataServiceCollectionExtensions.AddDataMiddleware"/>.
/// </summary>
public sealed class DataModel
{
    private readonly Dictionary<Type, EntityConfiguration> _configurations = [];
    private readonly ConcurrentDictionary<Type, EntityDescriptor> _descriptors = new();

    /// <summary>Configures how <typeparamref name="TEntity"/> can be filtered and sorted.</summary>
    public DataModel Entity<TEntity>(Action<EntityDataBuilder<TEntity>> configure)
        where TEntity : class
    {
        if (!_configurations.TryGetValue(typeof(TEntity), out var configuration))
        {
            configuration = new EntityConfiguration();
            _configurations.Add(typeof(TEntity), configuration);
        }

        configure(new EntityDataBuilder<TEntity>(configuration));
        return this;
    }

    /// <summary>
    /// Reads the nested collections of a paged list only for the rows of the page: each collection subquery gets
    /// <c>WHERE key IN (the keys of the page's children)</c>, in the same statement. Meant for SQLite, which runs a
    /// collection subquery on the right of a LEFT JOIN once for its whole table (a page of 10 draws read all 81,700
    /// selections of the load benchmark's database: 600 ms; with this, 23 ms). PostgreSQL joins such subqueries to the
    /// page by itself and plans the extra IN worse (23 ms without, 240 ms with), so it is off unless asked for.
    /// </summary>
    public DataModel RestrictNestedCollectionsToPage(bool restrict = true)
    {
        NestedCollectionsRestrictedToPage = restrict;
        return this;
    }

    internal bool NestedCollectionsRestrictedToPage { get; private set; }

    internal EntityDescriptor Describe(Type entityType)
        => _descriptors.GetOrAdd(entityType, type => new EntityDescriptor(
            type, _configurations.GetValueOrDefault(type) ?? new EntityConfiguration()));
}

/// <summary>The fluent configuration of one entity type; see <see cref="DataModel.Entity{TEntity}"/>.</summary>
public sealed class EntityDataBuilder<TEntity>
    where TEntity : class
{
    private readonly EntityConfiguration _configuration;

    internal EntityDataBuilder(EntityConfiguration configuration) => _configuration = configuration;

    /// <summary>Neither filterable nor sortable (e.g. internal notes, anything a role may not see).</summary>
    public EntityDataBuilder<TEntity> Ignore(Expression<Func<TEntity, object?>> member)
        => NotFilterable(member).NotSortable(member);

    public EntityDataBuilder<TEntity> NotFilterable(Expression<Func<TEntity, object?>> member)
    {
        _configuration.NotFilterable.Add(MemberName(member));
        return this;
    }

    public EntityDataBuilder<TEntity> NotSortable(Expression<Func<TEntity, object?>> member)
    {
        _configuration.NotSortable.Add(MemberName(member));
        return this;
    }

    /// <summary>The member that identifies an entity and ends every sort order; <c>Id</c> unless set.</summary>
    public EntityDataBuilder<TEntity> Key(Expression<Func<TEntity, object?>> member)
    {
        _configuration.Key = MemberName(member);
        return this;
    }

    /// <summary>
    /// Adds a filter field (HotChocolate's <c>IdOperationFilterInput</c>) that takes the global ids clients
    /// see in the <paramref name="fieldName"/> output field; they are decoded with the registered
    /// <see cref="IGlobalIdCodec"/> and compared with the key.
    /// </summary>
    public EntityDataBuilder<TEntity> GlobalId(string typeName, string fieldName = "id")
    {
        _configuration.GlobalIds.Add(new GlobalIdFilterField(fieldName, typeName));
        return this;
    }

    private static string MemberName(Expression<Func<TEntity, object?>> member)
    {
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body;
        return body is MemberExpression { Expression: ParameterExpression } access
            ? access.Member.Name
            : throw new ArgumentException($"Expected a member of {typeof(TEntity).Name}, like x => x.Name; got {member}.", nameof(member));
    }
}

internal sealed class EntityConfiguration
{
    public HashSet<string> NotFilterable { get; } = [];
    public HashSet<string> NotSortable { get; } = [];
    public string Key { get; set; } = "Id";
    public List<GlobalIdFilterField> GlobalIds { get; } = [];
}

internal sealed record GlobalIdFilterField(string FieldName, string TypeName);

/// <summary>Excludes a member from <c>where:</c> inputs.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotFilterableAttribute : Attribute;

/// <summary>Excludes a member from <c>order:</c> inputs.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotSortableAttribute : Attribute;
