using System.Linq.Expressions;
using DualRandomGraph.GraphQL.Data.Sorting;

namespace DualRandomGraph.GraphQL.Data.Paging;

/// <summary>
/// Builds "the row comes after this cursor in this order" as a WHERE clause that matches the ORDER BY that
/// <see cref="SortApplier"/> emits, nulls included:
/// (k1 &gt; v1) OR (k1 = v1 AND k2 &gt; v2) OR ... with "&gt;" meaning "later in the key's direction".
/// "Before" is "after" in the reversed order. Cursor values enter as parameters, never as constants.
/// </summary>
internal static class KeysetPredicate
{
    public static LambdaExpression After(Type entityType, IReadOnlyList<SortKey> keys, IReadOnlyList<object?> values)
    {
        var parameter = Expression.Parameter(entityType, "x");
        Expression? predicate = null;
        Expression equalSoFar = Expression.Constant(true);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var member = ExpressionHelpers.Inline(key.Selector, parameter);
            var later = Later(member, key, values[i]);
            if (later != null)
            {
                var disjunct = i == 0 ? later : Expression.AndAlso(equalSoFar, later);
                predicate = predicate == null ? disjunct : Expression.OrElse(predicate, disjunct);
            }

            var equal = Equal(member, key, values[i]);
            equalSoFar = i == 0 ? equal : Expression.AndAlso(equalSoFar, equal);
        }

        return Expression.Lambda(predicate ?? Expression.Constant(false), parameter);
    }

    private static Expression Equal(Expression member, SortKey key, object? value)
        => value == null
            ? Expression.Equal(member, Expression.Constant(null, key.ValueType))
            : Compare(ExpressionType.Equal, member, QueryParameter.For(value, key.ValueType));

    /// <summary>Rows strictly later than <paramref name="value"/> on this key, or null when there are none.</summary>
    private static Expression? Later(Expression member, SortKey key, object? value)
    {
        if (value == null)
        {
            // Null is the smallest value: after it ascending come all non-nulls; descending, nothing.
            return key.Descending ? null : Expression.NotEqual(member, Expression.Constant(null, key.ValueType));
        }

        var parameter = QueryParameter.For(value, key.ValueType);
        if (!key.Descending)
        {
            return Compare(ExpressionType.GreaterThan, member, parameter);
        }

        var smaller = Compare(ExpressionType.LessThan, member, parameter);
        return key.IsNullable ? Expression.OrElse(smaller, Expression.Equal(member, Expression.Constant(null, key.ValueType))) : smaller;
    }

    private static Expression Compare(ExpressionType comparison, Expression left, Expression right)
    {
        if (comparison == ExpressionType.Equal)
        {
            return Expression.Equal(left, right);
        }

        var type = Nullable.GetUnderlyingType(left.Type) ?? left.Type;
        if (type == typeof(string))
        {
            // EF translates string.Compare(a, b) > 0 to a > b.
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right);
            return Expression.MakeBinary(comparison, compare, Expression.Constant(0));
        }

        if (type == typeof(bool))
        {
            // Expression trees define no order on bool; false < true, so "greater than v" is "true while v is false".
            var value = Expression.Convert(right, typeof(bool));
            return comparison == ExpressionType.GreaterThan
                ? Expression.AndAlso(Expression.Equal(left, Expression.Constant(true, left.Type)), Expression.Not(value))
                : Expression.AndAlso(Expression.Equal(left, Expression.Constant(false, left.Type)), value);
        }

        if (type.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(type);
            var target = left.Type == type ? underlying : typeof(Nullable<>).MakeGenericType(underlying);
            left = Expression.Convert(left, target);
            right = Expression.Convert(right, target);
        }

        return Expression.MakeBinary(comparison, left, right);
    }
}
