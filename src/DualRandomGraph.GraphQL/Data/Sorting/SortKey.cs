using System.Linq.Expressions;
using System.Reflection;

namespace DualRandomGraph.GraphQL.Data.Sorting;

/// <summary>
/// One ORDER BY key: a member path of the entity (through single navigations) and a direction.
/// Nulls sort as the smallest value: first ascending, last descending. Both SQLite and PostgreSQL are made
/// to agree by ordering on <c>x IS NULL</c> explicitly (PostgreSQL on its own puts nulls last ascending).
/// </summary>
internal sealed class SortKey
{
    public SortKey(Type entityType, IReadOnlyList<PropertyInfo> members, bool descending, bool nullable)
    {
        EntityType = entityType;
        Members = members;
        Descending = descending;
        IsNullable = nullable;
        Path = string.Join('.', members.Select(m => char.ToLowerInvariant(m.Name[0]) + m.Name[1..]));
        var parameter = Expression.Parameter(entityType, "x");
        var body = ExpressionHelpers.Path(parameter, members);
        Selector = Expression.Lambda(nullable ? ExpressionHelpers.AsNullable(body) : body, parameter);
    }

    public Type EntityType { get; }
    public IReadOnlyList<PropertyInfo> Members { get; }
    public string Path { get; }
    public bool Descending { get; }
    public bool IsNullable { get; }

    /// <summary>x =&gt; x.A.B, made nullable when the member or a navigation on the way can be null.</summary>
    public LambdaExpression Selector { get; }

    public Type ValueType => Selector.ReturnType;

    public SortKey Reversed() => new(EntityType, Members, !Descending, IsNullable);

    /// <summary>Reads the key of a loaded (possibly projected) entity; null when a navigation on the way is null.</summary>
    public object? ValueOf(object entity)
    {
        object? current = entity;
        foreach (var member in Members)
        {
            if (current == null)
            {
                return null;
            }

            current = member.GetValue(current);
        }

        return current;
    }

    public override string ToString() => Path + (Descending ? ":DESC" : ":ASC");
}
