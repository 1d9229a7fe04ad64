using System.Linq.Expressions;

namespace DualRandomGraph.GraphQL.Data.Sorting;

/// <summary>Emits ORDER BY for a list of <see cref="SortKey"/>s, nulls explicitly placed (see <see cref="SortKey"/>).</summary>
internal static class SortApplier
{
    public static Expression Apply(Expression source, Type entityType, IReadOnlyList<SortKey> keys, bool queryable)
    {
        var first = true;
        foreach (var key in keys)
        {
            if (key.IsNullable)
            {
                var parameter = key.Selector.Parameters[0];
                var isNull = Expression.Lambda(Expression.Equal(key.Selector.Body, Expression.Constant(null, key.ValueType)), parameter);

                // Ascending puts nulls first: order by "is null" descending (true before false).
                source = Order(source, entityType, isNull, descending: !key.Descending, first, queryable);
                first = false;
            }

            source = Order(source, entityType, key.Selector, key.Descending, first, queryable);
            first = false;
        }

        return source;
    }

    private static Expression Order(Expression source, Type entityType, LambdaExpression selector, bool descending, bool first, bool queryable)
    {
        var name = (first ? "OrderBy" : "ThenBy") + (descending ? "Descending" : "");
        return ExpressionHelpers.CallLinq(queryable, name, [entityType, selector.ReturnType], source, selector);
    }
}
