using System.Reflection;

namespace DualRandomGraph.GraphQL.Data.Projection;

internal abstract record ProjectionMember;

/// <summary>A column (or a value the provider reads whole, such as a primitive collection).</summary>
internal sealed record ValueMember : ProjectionMember
{
    public static readonly ValueMember Instance = new();
}

internal sealed record ReferenceMember(ProjectionNode Node, bool IsNullable) : ProjectionMember;

/// <summary>A collection navigation; <see cref="Request"/> is set when the nested field filters, sorts or pages.</summary>
internal sealed record CollectionMember(ProjectionNode Node, DataRequest? Request) : ProjectionMember;

/// <summary>The members to read of one entity in the projection, in the order they were first needed.</summary>
internal sealed class ProjectionNode(Type entityType)
{
    private readonly List<(PropertyInfo Property, ProjectionMember Member)> _members = [];

    public Type EntityType { get; } = entityType;

    public IEnumerable<(PropertyInfo Property, ProjectionMember Member)> Members => _members;

    public bool Has(PropertyInfo property) => _members.Any(m => m.Property == property);

    /// <summary>Whether a collection is read here or below a reference of this node.</summary>
    public bool HasCollections => _members.Any(m => m.Member is CollectionMember || (m.Member is ReferenceMember reference && reference.Node.HasCollections));

    public void Set(PropertyInfo property, ProjectionMember member)
    {
        var index = _members.FindIndex(m => m.Property == property);
        if (index < 0)
        {
            _members.Add((property, member));
        }
        else
        {
            _members[index] = (property, member);
        }
    }

    /// <summary>Reads a member path, e.g. Region.Name, through nested nodes; a whole member wins over parts of it.</summary>
    public void AddPath(IReadOnlyList<PropertyInfo> path)
    {
        if (path.Count == 0 || path[0].SetMethod == null)
        {
            return;
        }

        if (path.Count == 1)
        {
            Set(path[0], ValueMember.Instance);
            return;
        }

        var existing = _members.FirstOrDefault(m => m.Property == path[0]).Member;
        if (existing is ValueMember)
        {
            return;
        }

        var nullable = new NullabilityInfoContext().Create(path[0]).ReadState == NullabilityState.Nullable;
        Reference(path[0], path[0].PropertyType, nullable).AddPath([.. path.Skip(1)]);
    }

    public ProjectionNode Reference(PropertyInfo property, Type type, bool isNullable)
    {
        var existing = _members.FirstOrDefault(m => m.Property == property).Member;
        if (existing is ReferenceMember reference)
        {
            return reference.Node;
        }

        var node = new ProjectionNode(type);
        Set(property, new ReferenceMember(node, isNullable));
        return node;
    }

    public ProjectionNode Collection(PropertyInfo property, Type elementType)
    {
        var existing = _members.FirstOrDefault(m => m.Property == property).Member;
        if (existing is CollectionMember collection)
        {
            return collection.Node;
        }

        var node = new ProjectionNode(elementType);
        Set(property, new CollectionMember(node, null));
        return node;
    }
}
