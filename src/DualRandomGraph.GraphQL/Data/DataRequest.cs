using System.Linq.Expressions;
using DualRandomGraph.GraphQL.Data.Filtering;
using DualRandomGraph.GraphQL.Data.Paging;
using DualRandomGraph.GraphQL.Data.Sorting;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>
/// Everything one data field was asked for in one query: filter, order, page, and what of the result is
/// selected. Built the same way for a root field (from its resolver context) and for a nested collection
/// (from the parent's selection set, when the parent builds its projection).
/// </summary>
internal sealed class DataRequest
{
    public required DataFieldDefinition Definition { get; init; }
    public required string Coordinate { get; init; }
    public LambdaExpression? Filter { get; init; }

    /// <summary>The requested order with the key appended; always at least the key.</summary>
    public required IReadOnlyList<SortKey> Order { get; init; }

    public int? First { get; init; }
    public int? Last { get; init; }
    public string? After { get; init; }
    public string? Before { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; }

    public bool CountSelected { get; init; }

    /// <summary>False when only <c>totalCount</c> is selected: then no rows need to be read.</summary>
    public bool RowsSelected { get; init; }

    /// <summary>The object type of the elements, or null for abstract element types (not projected).</summary>
    public IObjectGraphType? NodeType { get; init; }
    public required IReadOnlyList<GraphQLSelectionSet?> NodeSelections { get; init; }

    public Type EntityType => Definition.EntityType;

    /// <summary>What cursors of this order carry to prove they were made under it; made once per plan.</summary>
    public string CursorFingerprint => _cursorFingerprint ??= KeysetCursor.Fingerprint(Order);

    private string? _cursorFingerprint;

    /// <summary>Reads backwards from the end (<c>last</c>): the order is reversed to fetch, and the rows reversed after.</summary>
    public bool Backward => Definition.Paging == PagingKind.Cursor && Last != null;

    /// <summary>The number of rows of the page; one more is fetched to learn whether there is another page.</summary>
    public int PageSize => Definition.Paging switch
    {
        PagingKind.Cursor => Last ?? First ?? Definition.DefaultPageSize,
        PagingKind.Offset => Take,
        _ => int.MaxValue,
    };

    public static DataRequest Create(
        SelectionCollector selections,
        DataModel model,
        IServiceProvider? services,
        string coordinate,
        FieldType field,
        DataFieldDefinition definition,
        IEnumerable<GraphQLField> occurrences,
        IDictionary<string, ArgumentValue>? arguments)
    {
        var fieldSelections = occurrences.Select(o => o.SelectionSet).ToList();
        var resultType = field.ResolvedType?.GetNamedType() as IComplexGraphType;
        var countSelected = false;
        var rowsSelected = true;
        IReadOnlyList<GraphQLSelectionSet?> nodeSelections = fieldSelections;
        if (definition.Paging != PagingKind.None && resultType != null)
        {
            var resultFields = selections.Collect(resultType, fieldSelections);
            countSelected = resultFields.Any(f => f.Definition.Name == "totalCount");
            rowsSelected = resultFields.Any(f => f.Definition.Name is "edges" or "nodes" or "items" or "pageInfo");
            if (definition.Paging == PagingKind.Cursor)
            {
                var edgeType = (IComplexGraphType)resultType.GetField("edges")!.ResolvedType!.GetNamedType();
                var edgeFields = selections.Collect(edgeType, SelectionCollector.SelectionSetsOf(resultFields, "edges"));
                nodeSelections = [.. SelectionCollector.SelectionSetsOf(resultFields, "nodes"), .. SelectionCollector.SelectionSetsOf(edgeFields, "node")];
                resultType = (IComplexGraphType?)resultType.GetField("nodes")!.ResolvedType!.GetNamedType();
            }
            else
            {
                nodeSelections = [.. SelectionCollector.SelectionSetsOf(resultFields, "items")];
                resultType = (IComplexGraphType?)resultType.GetField("items")!.ResolvedType!.GetNamedType();
            }
        }

        var request = new DataRequest
        {
            Definition = definition,
            Coordinate = coordinate,
            Filter = definition.Filtering ? FilterBuilder.Build(model, definition.EntityType, field.Arguments?.Find("where")?.ResolvedType, Value(arguments, "where"), services) : null,
            Order = SortParser.Parse(model, definition.EntityType, definition.Sorting ? Value(arguments, "order") : null),
            First = Value(arguments, "first") as int?,
            Last = Value(arguments, "last") as int?,
            After = Value(arguments, "after") as string,
            Before = Value(arguments, "before") as string,
            Skip = Value(arguments, "skip") as int? ?? 0,
            Take = Value(arguments, "take") as int? ?? definition.DefaultPageSize,
            CountSelected = countSelected,
            RowsSelected = rowsSelected,
            NodeType = resultType as IObjectGraphType,
            NodeSelections = nodeSelections,
        };
        request.Validate();
        return request;
    }

    private static object? Value(IDictionary<string, ArgumentValue>? arguments, string name)
        => arguments != null && arguments.TryGetValue(name, out var value) ? value.Value : null;

    private void Validate()
    {
        var max = Definition.MaxPageSize;
        if (Definition.Paging == PagingKind.Cursor)
        {
            if (First != null && Last != null)
            {
                throw DataErrors.FirstAndLast(Coordinate);
            }

            CheckSize(First, max);
            CheckSize(Last, max);
        }
        else if (Definition.Paging == PagingKind.Offset)
        {
            CheckSize(Take, max);
            if (Skip < 0)
            {
                throw DataErrors.MinPageSize(Coordinate, Skip);
            }
        }
    }

    private void CheckSize(int? requested, int max)
    {
        if (requested < 0)
        {
            throw DataErrors.MinPageSize(Coordinate, requested.Value);
        }

        if (requested > max)
        {
            throw DataErrors.MaxPageSize(Coordinate, requested.Value, max);
        }
    }
}
