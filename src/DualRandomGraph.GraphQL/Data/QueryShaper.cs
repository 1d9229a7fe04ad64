using System.Linq.Expressions;
using DualRandomGraph.GraphQL.Data.Paging;
using DualRandomGraph.GraphQL.Data.Sorting;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>
/// Applies a <see cref="DataRequest"/> to a sequence expression: WHERE (filter, then cursor), ORDER BY, then
/// OFFSET/LIMIT. The same code shapes a root <see cref="IQueryable{T}"/> and a collection navigation inside a
/// projection, so nested lists filter, sort and page exactly like root lists.
/// </summary>
internal static class QueryShaper
{
    public static Expression Shape(Expression source, DataRequest request, bool queryable)
    {
        var type = request.EntityType;
        source = Filtered(source, request, queryable);
        if (request.Definition.Paging == PagingKind.Cursor && (request.After != null || request.Before != null))
        {
            var fingerprint = request.CursorFingerprint;
            if (request.After != null)
            {
                var values = KeysetCursor.Decode(request.After, "after", fingerprint, request.Order);
                source = Where(source, type, KeysetPredicate.After(type, request.Order, values), queryable);
            }

            if (request.Before != null)
            {
                var values = KeysetCursor.Decode(request.Before, "before", fingerprint, request.Order);
                var reversed = request.Order.Select(k => k.Reversed()).ToList();
                source = Where(source, type, KeysetPredicate.After(type, reversed, values), queryable);
            }
        }

        var order = request.Backward ? request.Order.Select(k => k.Reversed()).ToList() : request.Order;
        source = SortApplier.Apply(source, type, order, queryable);
        if (request.Definition.Paging == PagingKind.Offset && request.Skip > 0)
        {
            source = ExpressionHelpers.CallLinq(queryable, nameof(Queryable.Skip), [type], source, QueryParameter.For(request.Skip));
        }

        if (request.Definition.Paging != PagingKind.None)
        {
            source = ExpressionHelpers.CallLinq(queryable, nameof(Queryable.Take), [type], source, QueryParameter.For(request.PageSize + 1));
        }

        return source;
    }

    public static Expression Filtered(Expression source, DataRequest request, bool queryable)
        => request.Filter == null ? source : Where(source, request.EntityType, request.Filter, queryable);

    public static Expression Count(Expression source, DataRequest request, bool queryable)
        => ExpressionHelpers.CallLinq(queryable, nameof(Queryable.Count), [request.EntityType], Filtered(source, request, queryable));

    private static Expression Where(Expression source, Type type, LambdaExpression predicate, bool queryable)
        => ExpressionHelpers.CallLinq(queryable, nameof(Queryable.Where), [type], source, predicate);
}
