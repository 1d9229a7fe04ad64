using System.Collections;
using System.Reflection;
using GraphQL;

namespace DualRandomGraph.GraphQL.Data;

internal enum MemberKind
{
    Scalar,
    Reference,
    EntityCollection,
    ScalarCollection,
}

/// <summary>One public property of an entity, classified for filtering, sorting and projection.</summary>
internal sealed class MemberDescriptor
{
    public required PropertyInfo Property { get; init; }
    public required string FieldName { get; init; }
    public required MemberKind Kind { get; init; }

    /// <summary>The property type without <see cref="Nullable{T}"/>, or the element type of a collection.</summary>
    public required Type ValueType { get; init; }
    public required bool IsNullable { get; init; }
    public required bool Filterable { get; init; }
    public required bool Sortable { get; init; }
}

/// <summary>The members of an entity type as the data middleware sees them, built once per type.</summary>
internal sealed class EntityDescriptor
{
    public EntityDescriptor(Type entityType, EntityConfiguration configuration)
    {
        EntityType = entityType;
        // NullabilityInfoContext is not thread-safe, and descriptors may be built concurrently.
        var nullability = new NullabilityInfoContext();
        Members = [.. entityType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<IgnoreAttribute>() == null)
            .Select(p => Describe(p, configuration, nullability))];
        Key = Members.FirstOrDefault(m => m.Property.Name == configuration.Key && m.Kind == MemberKind.Scalar)
            ?? throw new InvalidOperationException($"{entityType.Name} has no scalar key property '{configuration.Key}'; set one with DataModel.Entity<{entityType.Name}>(e => e.Key(...)).");
        GlobalIds = configuration.GlobalIds;
    }

    public Type EntityType { get; }
    public IReadOnlyList<MemberDescriptor> Members { get; }
    public MemberDescriptor Key { get; }
    public IReadOnlyList<GlobalIdFilterField> GlobalIds { get; }

    public MemberDescriptor? FindByFieldName(string fieldName)
        => Members.FirstOrDefault(m => string.Equals(m.FieldName, fieldName, StringComparison.OrdinalIgnoreCase));

    private static MemberDescriptor Describe(PropertyInfo property, EntityConfiguration configuration, NullabilityInfoContext nullability)
    {
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type);
        var kind = Classify(type, out var valueType);
        var isNullable = underlying != null
            || (!type.IsValueType && nullability.Create(property).ReadState == NullabilityState.Nullable);
        return new MemberDescriptor
        {
            Property = property,
            FieldName = char.ToLowerInvariant(property.Name[0]) + property.Name[1..],
            Kind = kind,
            ValueType = valueType,
            IsNullable = isNullable,
            Filterable = !configuration.NotFilterable.Contains(property.Name) && property.GetCustomAttribute<NotFilterableAttribute>() == null,
            Sortable = kind is MemberKind.Scalar or MemberKind.Reference
                && !configuration.NotSortable.Contains(property.Name) && property.GetCustomAttribute<NotSortableAttribute>() == null,
        };
    }

    internal static MemberKind Classify(Type type, out Type valueType)
    {
        valueType = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(valueType))
        {
            return MemberKind.Scalar;
        }

        var element = ElementType(type);
        if (element != null)
        {
            valueType = Nullable.GetUnderlyingType(element) ?? element;
            return IsScalar(valueType) ? MemberKind.ScalarCollection : MemberKind.EntityCollection;
        }

        return MemberKind.Reference;
    }

    internal static bool IsScalar(Type type)
        => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly)
            || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(Uri);

    /// <summary>The T of a sequence type (arrays, List, ICollection, IQueryable, ...), or null.</summary>
    internal static Type? ElementType(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }
}
