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

public sealed record DataEdge(string Cursor, object Node);

public sealed record DataPageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>The value an offset-paged field resolves to.</summary>
public sealed class DataCollectionSegment(IReadOnlyList<object> items, DataSegmentInfo pageInfo, int? totalCount)
{
    public IReadOnlyList<object> Items { get; } = items;
    public DataSegmentInfo PageInfo { get; } = pageInfo;
    public int? TotalCount { get; } = totalCount;
}

public sealed record DataSegmentInfo(bool HasNextPage, bool HasPreviousPage);
