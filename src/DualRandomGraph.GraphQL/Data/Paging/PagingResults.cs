namespace DualRandomGraph.GraphQL.Data.Paging;

/// <summary>The value a cursor-paged field resolves to; <see cref="ConnectionGraphType{TName, TNodeGraphType}"/> reads it.</summary>
public sealed class DataConnection(IReadOnlyList<DataEdge> edges, DataPageInfo pageInfo, int? totalCount)
{
    public IReadOnlyList<DataEdge> Edges { get; } = edges;
    public IEnumerable<object> Nodes => Edges.Select(e => e.Node);
    public DataPageInfo PageInfo { get; } = pageInfo;

    /// <summary>Null when <c>totalCount</c> was not selected, so no COUNT ran.</summary>
    public int? TotalCount { get; } = totalCount;
}

/// <summary>
/// One edge. Its cursor is encoded only when a query selects it: most pages ask for <c>nodes</c> and at most the
/// end cursor, and encoding every row's keys is a good part of a page's cost otherwise.
/// </summary>
public sealed class DataEdge(Func<object, string> encodeCursor, object node)
{
    private string? _cursor;

    public object Node { get; } = node;

    public string Cursor => _cursor ??= encodeCursor(Node);
}

public sealed class DataPageInfo(bool hasNextPage, bool hasPreviousPage, DataEdge? first, DataEdge? last)
{
    public bool HasNextPage { get; } = hasNextPage;

    public bool HasPreviousPage { get; } = hasPreviousPage;

    public string? StartCursor => first?.Cursor;

    public string? EndCursor => last?.Cursor;
}

/// <summary>The value an offset-paged field resolves to.</summary>
public sealed class DataCollectionSegment(IReadOnlyList<object> items, DataSegmentInfo pageInfo, int? totalCount)
{
    public IReadOnlyList<object> Items { get; } = items;
    public DataSegmentInfo PageInfo { get; } = pageInfo;
    public int? TotalCount { get; } = totalCount;
}

public sealed record DataSegmentInfo(bool HasNextPage, bool HasPreviousPage);
