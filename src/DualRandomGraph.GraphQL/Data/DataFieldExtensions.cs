using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>
/// Fluent counterparts of the data attributes for fields declared in code, e.g. a collection navigation of an
/// entity whose class cannot carry GraphQL attributes:
/// <code>GetField("inspections")!.UsePaging().UseFiltering().UseSorting();</code>
/// and the way a computed field says which entity members its resolver reads, so that projection loads them:
/// <code>Field&lt;NonNullGraphType&lt;IdGraphType&gt;&gt;("id").Resolve(...).Requires&lt;InspectionTarget&gt;(x =&gt; x.Id);</code>
/// </summary>
public static class DataFieldExtensions
{
    internal const string RequiresKey = "DualRandomGraph.Data.Requires";
    internal const string MemberKey = "DualRandomGraph.Data.Member";
    internal const string NotFilterableKey = "DualRandomGraph.Data.NotFilterable";
    internal const string NotSortableKey = "DualRandomGraph.Data.NotSortable";
    internal const string GlobalIdTypeKey = "DualRandomGraph.Data.GlobalIdType";

    public static FieldType UsePaging(this FieldType field, int defaultPageSize = 10, int maxPageSize = 100, string? connectionName = null)
        => Configure(field, d =>
        {
            d.Paging = PagingKind.Cursor;
            d.DefaultPageSize = defaultPageSize;
            d.MaxPageSize = maxPageSize;
            d.TypeNamePrefix = connectionName;
        });

    public static FieldType UseOffsetPaging(this FieldType field, int defaultPageSize = 10, int maxPageSize = 100, string? collectionSegmentName = null)
        => Configure(field, d =>
        {
            d.Paging = PagingKind.Offset;
            d.DefaultPageSize = defaultPageSize;
            d.MaxPageSize = maxPageSize;
            d.TypeNamePrefix = collectionSegmentName;
        });

    public static FieldType UseProjection(this FieldType field) => Configure(field, d => d.Projection = true);

    public static FieldType UseFiltering(this FieldType field) => Configure(field, d => d.Filtering = true);

    public static FieldType UseSorting(this FieldType field) => Configure(field, d => d.Sorting = true);

    /// <summary>The entity members (paths such as <c>x =&gt; x.Region.Name</c>) this field's resolver reads.</summary>
    public static FieldType Requires<TEntity>(this FieldType field, params Expression<Func<TEntity, object?>>[] members)
    {
        var existing = field.GetMetadata<LambdaExpression[]?>(RequiresKey) ?? [];
        field.WithMetadata(RequiresKey, existing.Concat(members).ToArray());
        return field;
    }

    /// <inheritdoc cref="Requires{TEntity}(FieldType, Expression{Func{TEntity, object?}}[])"/>
    public static FieldBuilder<TSource, TReturn> Requires<TSource, TReturn>(this FieldBuilder<TSource, TReturn> builder, params Expression<Func<TSource, object?>>[] members)
    {
        builder.FieldType.Requires(members);
        return builder;
    }

    /// <summary>
    /// Declares that this field shows the entity key as a global id of <paramref name="typeName"/>: the filter input
    /// gets a field of the same name taking HotChocolate's <c>IdOperationFilterInput</c> (<c>eq neq in nin</c> on global
    /// ids, decoded with the registered <see cref="IGlobalIdCodec"/>), and projection reads the key.
    /// </summary>
    public static FieldType FilterAsGlobalId(this FieldType field, string typeName)
    {
        field.WithMetadata(GlobalIdTypeKey, typeName);
        return field;
    }

    /// <inheritdoc cref="FilterAsGlobalId(FieldType, string)"/>
    public static FieldBuilder<TSource, TReturn> FilterAsGlobalId<TSource, TReturn>(this FieldBuilder<TSource, TReturn> builder, string typeName)
    {
        builder.FieldType.FilterAsGlobalId(typeName);
        return builder;
    }

    /// <summary>Keeps the entity member this field shows out of <c>where:</c> (the field itself stays).</summary>
    public static FieldType NotFilterable(this FieldType field)
    {
        field.WithMetadata(NotFilterableKey, true);
        return field;
    }

    /// <summary>Keeps the entity member this field shows out of <c>order:</c> (the field itself stays).</summary>
    public static FieldType NotSortable(this FieldType field)
    {
        field.WithMetadata(NotSortableKey, true);
        return field;
    }

    /// <summary>Names the entity property a renamed field reads (fields are otherwise matched to properties by name).</summary>
    public static FieldType MapsTo(this FieldType field, string propertyName)
    {
        field.WithMetadata(MemberKey, propertyName);
        return field;
    }

    private static FieldType Configure(FieldType field, Action<DataFieldDefinition> configure)
    {
        DataFieldConfigurator.Configure(field, null, configure);
        return field;
    }
}
