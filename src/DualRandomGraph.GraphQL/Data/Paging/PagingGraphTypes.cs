using DualRandomGraph.GraphQL.Data.Cost;
using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Data.Paging;

// Names, field order and descriptions follow HotChocolate v14, so that its users find what they expect
// in the schema and in Banana Cake Pop.

/// <summary><c>{Field}Connection</c>, e.g. <c>TargetsConnection</c>.</summary>
public sealed class ConnectionGraphType<TName, TNodeGraphType> : ObjectGraphType<DataConnection>
    where TNodeGraphType : IGraphType
{
    public ConnectionGraphType()
    {
        Name = TypeNameTag.NameOf(typeof(TName)) + "Connection";
        Description = "A connection to a list of items.";
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Description("Information to aid in pagination.")
            .Resolve(context => context.Source.PageInfo);
        Field<ListGraphType<NonNullGraphType<EdgeGraphType<TName, TNodeGraphType>>>>("edges")
            .Description("A list of edges.")
            .Resolve(context => context.Source.Edges)
            .WithComplexityImpact(CostLimitExtensions.PageItems);
        Field<ListGraphType<NonNullGraphType<TNodeGraphType>>>("nodes")
            .Description("A flattened list of the nodes.")
            .Resolve(context => context.Source.Nodes)
            .WithComplexityImpact(CostLimitExtensions.PageItems);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Identifies the total count of items in the connection.")
            .Resolve(context => context.Source.TotalCount);
    }
}

/// <summary><c>{Field}Edge</c>, e.g. <c>TargetsEdge</c>.</summary>
public sealed class EdgeGraphType<TName, TNodeGraphType> : ObjectGraphType<DataEdge>
    where TNodeGraphType : IGraphType
{
    public EdgeGraphType()
    {
        Name = TypeNameTag.NameOf(typeof(TName)) + "Edge";
        Description = "An edge in a connection.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("A cursor for use in pagination.")
            .Resolve(context => context.Source.Cursor);
        Field<NonNullGraphType<TNodeGraphType>>("node")
            .Description("The item at the end of the edge.")
            .Resolve(context => context.Source.Node);
    }
}

public sealed class PageInfoGraphType : ObjectGraphType<DataPageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Information about pagination in a connection.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage")
            .Description("Indicates whether more edges exist following the set defined by the clients arguments.")
            .Resolve(context => context.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage")
            .Description("Indicates whether more edges exist prior the set defined by the clients arguments.")
            .Resolve(context => context.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor")
            .Description("When paginating backwards, the cursor to continue.")
            .Resolve(context => context.Source.StartCursor);
        Field<StringGraphType>("endCursor")
            .Description("When paginating forwards, the cursor to continue.")
            .Resolve(context => context.Source.EndCursor);
    }
}

/// <summary><c>{Field}CollectionSegment</c>, e.g. <c>TargetsCollectionSegment</c>.</summary>
public sealed class CollectionSegmentGraphType<TName, TNodeGraphType> : ObjectGraphType<DataCollectionSegment>
    where TNodeGraphType : IGraphType
{
    public CollectionSegmentGraphType()
    {
        Name = TypeNameTag.NameOf(typeof(TName)) + "CollectionSegment";
        Description = "A segment of a collection.";
        Field<NonNullGraphType<CollectionSegmentInfoGraphType>>("pageInfo")
            .Description("Information to aid in pagination.")
            .Resolve(context => context.Source.PageInfo);
        Field<ListGraphType<NonNullGraphType<TNodeGraphType>>>("items")
            .Description("A flattened list of the items.")
            .Resolve(context => context.Source.Items)
            .WithComplexityImpact(CostLimitExtensions.PageItems);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Resolve(context => context.Source.TotalCount);
    }
}

public sealed class CollectionSegmentInfoGraphType : ObjectGraphType<DataSegmentInfo>
{
    public CollectionSegmentInfoGraphType()
    {
        Name = "CollectionSegmentInfo";
        Description = "Information about the offset pagination.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage")
            .Description("Indicates whether more items exist following the set defined by the clients arguments.")
            .Resolve(context => context.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage")
            .Description("Indicates whether more items exist prior the set defined by the clients arguments.")
            .Resolve(context => context.Source.HasPreviousPage);
    }
}
