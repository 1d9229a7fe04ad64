namespace DualRandomGraph.GraphQL.Data.Projection;

/// <summary>
/// A nested collection that the parent's projection has already filtered, ordered and cut to the page (plus
/// one row, to tell whether another page follows), with its total count when that was selected. The nested
/// field's resolver only has to slice it; it must not filter or page it again.
/// </summary>
internal interface IProjectedCollection
{
    IReadOnlyList<object> Rows { get; }
    int? TotalCount { get; }
}

/// <summary>A <see cref="List{T}"/>, so that it fits the entity's collection property it is assigned to.</summary>
internal sealed class ProjectedList<T> : List<T>, IProjectedCollection
    where T : class
{
    private ProjectedList(List<T> rows, int? totalCount)
        : base(rows) => TotalCount = totalCount;

    public int? TotalCount { get; }

    IReadOnlyList<object> IProjectedCollection.Rows => this;

    /// <summary>Called by the materializer EF Core compiles for the projection.</summary>
    public static ProjectedList<T> Create(List<T> rows, int? totalCount) => new(rows, totalCount);
}
