namespace DualRandomGraph.GraphQL.Data.Paging;

/// <summary>The value a cursor-paged field resolves to; <see cref="ConnectionGraphType{TName, TNodeGraphType}"/> reads it.</summary>
public sealed class DataConnection(IReadOnlyList<object> nodes, Func<object, string> encodeCursor, DataPageInfo pageInfo, int? totalCount)
{
    private IReadOnlyList<DataEdge>? _edges;

    /// <summary>Made when a query selects them: most pages ask for <c>nodes</c> only. The page info's edges are reused.</summary>
    public IReadOnlyList<DataEdge> Edges => _edges ??= MakeEdges();

    public IReadOnlyList<object> Nodes { get; } = nodes;

    public DataPageInfo PageInfo { get; } = pageInfo;

    /// <summary>Null when <c>totalCount</c> was not selected, so no COUNT ran.</summary>
    public int? TotalCount { get; } = totalCount;

    private List<DataEdge> MakeEdges()
    {
        var edges = new List<DataEdge>(Nodes.Count);
        for (var i = 0; i < Nodes.Count; i++)
        {
            edges.Add(i == 0 && PageInfo.First is { } first ? first
                : i == Nodes.Count - 1 && PageInfo.Last is { } last ? last
                : new DataEdge(encodeCursor, Nodes[i]));
        }

        return edges;
    }
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

    public string? StartCursor => First?.Cursor;

    public string? EndCursor => Last?.Cursor;

    internal DataEdge? First { get; } = first;

    internal DataEdge? Last { get; } = last;
}

/// <summary>The value an offset-paged field resolves to.</summary>
public sealed class DataCollectionSegment(IReadOnlyList<object> items, DataSegmentInfo pageInfo, int? totalCount)
{
    public IReadOnlyList<object> Items { get; } = items;
    public DataSegmentInfo PageInfo { get; } = pageInfo;
    public int? TotalCount { get; } = totalCount;
}

public sealed record DataSegmentInfo(bool HasNextPage, bool HasPreviousPage);
