using System.Reflection;
using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>
/// Base of <c>[UsePaging]</c>, <c>[UseOffsetPaging]</c>, <c>[UseProjection]</c>, <c>[UseFiltering]</c> and
/// <c>[UseSorting]</c>. Each only records its wish in the field's <see cref="DataFieldDefinition"/>; one
/// resolver then runs filter, sort, page and projection in that fixed order, whatever order the attributes
/// are written in (HotChocolate users are used to a required order; here there is none to get wrong).
/// </summary>
public abstract class DataFieldAttribute : GraphQLAttribute
{
    private protected abstract void Configure(DataFieldDefinition definition);

    public override void Modify(FieldType fieldType, bool isInputType, IGraphType graphType, MemberInfo memberInfo, ref bool ignore)
    {
        if (isInputType)
        {
            throw new InvalidOperationException($"{GetType().Name} is for output fields; {memberInfo.Name} is on an input type.");
        }

        var returnType = memberInfo switch
        {
            MethodInfo method => method.ReturnType,
            PropertyInfo property => property.PropertyType,
            FieldInfo field => field.FieldType,
            _ => null,
        };
        DataFieldConfigurator.Configure(fieldType, returnType, Configure);
    }
}

/// <summary>Cursor paging: <c>first after last before</c>, a <c>{Field}Connection</c> with keyset cursors.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
public sealed class UsePagingAttribute : DataFieldAttribute
{
    public int DefaultPageSize { get; set; } = 10;
    public int MaxPageSize { get; set; } = 100;

    /// <summary>
    /// Overrides the name the connection and edge types are built from (HotChocolate's <c>ConnectionName</c>):
    /// <c>"Targets"</c> gives <c>TargetsConnection</c> and <c>TargetsEdge</c>.
    /// </summary>
    public string? ConnectionName { get; set; }

    /// <summary>
    /// Accepted for HotChocolate compatibility and ignored: <c>totalCount</c> is always offered, and the
    /// COUNT runs only when a query selects it.
    /// </summary>
    public bool IncludeTotalCount { get; set; } = true;

    private protected override void Configure(DataFieldDefinition definition)
    {
        definition.Paging = PagingKind.Cursor;
        definition.DefaultPageSize = DefaultPageSize;
        definition.MaxPageSize = MaxPageSize;
        definition.TypeNamePrefix = ConnectionName;
    }
}

/// <summary>Offset paging for table UIs with page numbers: <c>skip take</c> and a <c>{Field}CollectionSegment</c>.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
public sealed class UseOffsetPagingAttribute : DataFieldAttribute
{
    public int DefaultPageSize { get; set; } = 10;
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Overrides the name the collection segment type is built from.</summary>
    public string? CollectionSegmentName { get; set; }

    private protected override void Configure(DataFieldDefinition definition)
    {
        definition.Paging = PagingKind.Offset;
        definition.DefaultPageSize = DefaultPageSize;
        definition.MaxPageSize = MaxPageSize;
        definition.TypeNamePrefix = CollectionSegmentName;
    }
}

/// <summary>Reads only the columns the query selects (plus keys and what computed fields declare they need).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
public sealed class UseProjectionAttribute : DataFieldAttribute
{
    private protected override void Configure(DataFieldDefinition definition) => definition.Projection = true;
}

/// <summary>Adds <c>where: {Type}FilterInput</c>.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
public sealed class UseFilteringAttribute : DataFieldAttribute
{
    private protected override void Configure(DataFieldDefinition definition) => definition.Filtering = true;
}

/// <summary>Adds <c>order: [{Type}SortInput!]</c>.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
public sealed class UseSortingAttribute : DataFieldAttribute
{
    private protected override void Configure(DataFieldDefinition definition) => definition.Sorting = true;
}
