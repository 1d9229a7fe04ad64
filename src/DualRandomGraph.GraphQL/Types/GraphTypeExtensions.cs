using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Types;

public static class GraphTypeExtensions
{
    /// <summary>
    /// Marks auto-registered fields non-null whose CLR member is nullable only for the ORM's sake (a navigation
    /// that is always loaded when read, a required reference).
    /// </summary>
    public static void MarkNonNull(this IComplexGraphType type, params string[] fieldNames)
    {
        foreach (var name in fieldNames)
        {
            var field = type.GetField(name) ?? throw new InvalidOperationException($"{type.Name} has no field '{name}'.");
            if (field.Type is { } clrGraphType && !typeof(NonNullGraphType).IsAssignableFrom(clrGraphType))
            {
                field.Type = typeof(NonNullGraphType<>).MakeGenericType(clrGraphType);
            }
        }
    }
}
