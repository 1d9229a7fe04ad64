using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using DualRandomGraph.GraphQL.Data.Paging;
using DualRandomGraph.GraphQL.Data.Projection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>
/// Runs a <see cref="DataRequest"/> against a root query: one SELECT for the page (filter, cursor, order,
/// limit and projection in one statement) and, only when <c>totalCount</c> is selected, one COUNT.
/// </summary>
internal static class DataExecutor
{
    private delegate Task<object> Executor(IQueryable source, DataRequest request, RowProjection? projection, CancellationToken cancellationToken);

    private static readonly MethodInfo ExecuteMethod = typeof(DataExecutor).GetMethod(nameof(ExecuteUntypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    // One delegate per entity type, made once: reflection on every request showed in the profile.
    private static readonly ConcurrentDictionary<Type, Executor> Executors = new();

    public static Task<object> ExecuteAsync(IQueryable source, DataRequest request, RowProjection? projection, CancellationToken cancellationToken)
        => Executors.GetOrAdd(request.EntityType, type => ExecuteMethod.MakeGenericMethod(type).CreateDelegate<Executor>())(source, request, projection, cancellationToken);

    private static Task<object> ExecuteUntypedAsync<T>(IQueryable source, DataRequest request, RowProjection? projection, CancellationToken cancellationToken)
        where T : class
        => ExecuteTypedAsync((IQueryable<T>)source, request, projection, cancellationToken);

    private static async Task<object> ExecuteTypedAsync<T>(IQueryable<T> source, DataRequest request, RowProjection? projection, CancellationToken cancellationToken)
        where T : class
    {
        var isEf = source.Provider is IAsyncQueryProvider;
        int? totalCount = null;
        if (request.CountSelected)
        {
            var count = source.Provider.CreateQuery<T>(Prepare(QueryShaper.Filtered(source.Expression, request, queryable: true), isEf));
            totalCount = isEf ? await count.CountAsync(cancellationToken) : count.Count();
        }

        List<T> rows = [];
        if (request.RowsSelected)
        {
            var shaped = QueryShaper.Shape(source.Expression, request, queryable: true);
            if (projection != null)
            {
                // Nested collections read only the children of this page's rows (see ProjectionBuilder).
                shaped = ExpressionHelpers.CallLinq(true, nameof(Queryable.Select), [typeof(T), typeof(T)], shaped, projection.For(shaped));
            }

            var query = source.Provider.CreateQuery<T>(Prepare(shaped, isEf));

            // One statement per page even where the host made split queries the default.
            query = isEf ? query.AsSingleQuery() : query;
            rows = isEf ? await query.ToListAsync(cancellationToken) : query.ToList();
        }

        return BuildResult(request, rows.Cast<object>().ToList(), totalCount);
    }

    private static Expression Prepare(Expression expression, bool isEf) => isEf ? expression : ExpressionHelpers.ForMemory(expression);

    /// <summary>
    /// Turns the fetched rows (in fetch order, at most one more than the page) into the field's value: a
    /// connection, a collection segment, or the plain list.
    /// </summary>
    public static object BuildResult(DataRequest request, IReadOnlyList<object> fetched, int? totalCount)
    {
        switch (request.Definition.Paging)
        {
            case PagingKind.Cursor:
                var hasMore = fetched.Count > request.PageSize;
                var page = fetched.Take(request.PageSize).ToList();
                if (request.Backward)
                {
                    page.Reverse();
                }

                // One delegate for the page: a method group passed per edge would allocate a delegate per row.
                Func<object, string> encodeCursor = row => KeysetCursor.Encode(request.CursorFingerprint, request.Order, row);
                var first = page.Count > 0 ? new DataEdge(encodeCursor, page[0]) : null;
                var last = page.Count > 1 ? new DataEdge(encodeCursor, page[^1]) : first;

                // As HotChocolate: the side we read towards knows from the extra row; the other side only
                // knows that a cursor was given (checking would cost another statement).
                var pageInfo = new DataPageInfo(
                    hasNextPage: request.Backward ? request.Before != null : hasMore,
                    hasPreviousPage: request.Backward ? hasMore : request.After != null,
                    first,
                    last);
                return new DataConnection(page, encodeCursor, pageInfo, totalCount);
            case PagingKind.Offset:
                var items = fetched.Take(request.PageSize).ToList();
                return new DataCollectionSegment(items, new DataSegmentInfo(fetched.Count > request.PageSize, request.Skip > 0), totalCount);
            default:
                return fetched;
        }
    }
}
