using GraphQL;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>
/// The errors the data middleware reports. Codes are HotChocolate's where it has one for the same
/// situation, so that clients written against HotChocolate keep recognising them.
/// </summary>
public static class DataErrors
{
    /// <summary>HotChocolate: the maximum allowed items per page were exceeded.</summary>
    public const string MaxPaginationItems = "HC0051";

    /// <summary>HotChocolate: the requested number of items per page must be at least 0.</summary>
    public const string MinPaginationItems = "HC0079";

    /// <summary>HotChocolate: the cursor format is invalid.</summary>
    public const string InvalidCursor = "HC0078";

    /// <summary>HotChocolate's "exactly one slicing argument" code, used when both <c>first</c> and <c>last</c> are given.</summary>
    public const string OneSlicingArgumentRequired = "HC0082";

    /// <summary>A cursor made under another <c>order:</c> (or for another field); HotChocolate has no code for it.</summary>
    public const string CursorOrderMismatch = "CURSOR_ORDER_MISMATCH";

    /// <summary>An explicit <c>null</c> where the filter cannot give it a meaning.</summary>
    public const string FilterNullValue = "FILTER_NULL_VALUE";

    /// <summary>A filter value that cannot be used, e.g. an undecodable global id.</summary>
    public const string FilterInvalidValue = "FILTER_INVALID_VALUE";

    /// <summary>A sort input object with more or fewer than one field set.</summary>
    public const string SortInvalidInput = "SORT_INVALID_INPUT";

    /// <summary>A nested paged list selected twice (aliases) with different arguments under one projection.</summary>
    public const string NestedArgumentsDiffer = "NESTED_ARGUMENTS_DIFFER";

    /// <summary>HotChocolate: the operation complexity was exceeded.</summary>
    public const string CostExceeded = "HC0047";

    /// <summary>The query is nested deeper than allowed.</summary>
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";

    internal static ExecutionError Create(string code, string message, params (string Key, object? Value)[] extensions)
    {
        var error = new ExecutionError(message) { Code = code };
        if (extensions.Length > 0)
        {
            error.Extensions = extensions.ToDictionary(e => e.Key, e => e.Value);
        }

        return error;
    }

    internal static ExecutionError MaxPageSize(string field, int requestedItems, int maxAllowedItems)
        => Create(
            MaxPaginationItems,
            $"The maximum allowed items per page were exceeded: {requestedItems} requested, at most {maxAllowedItems} allowed.",
            ("field", field), ("requestedItems", requestedItems), ("maxAllowedItems", maxAllowedItems));

    internal static ExecutionError MinPageSize(string field, int requestedItems)
        => Create(
            MinPaginationItems,
            $"The requested number of items per page must be at least 0, but {requestedItems} was requested.",
            ("field", field), ("requestedItems", requestedItems));

    internal static ExecutionError FirstAndLast(string field)
        => Create(
            OneSlicingArgumentRequired,
            "Use either `first` or `last`, not both: together they have no clear meaning for a page.",
            ("field", field));

    internal static ExecutionError BadCursor(string argument, string cursor)
        => Create(
            InvalidCursor,
            $"The cursor given as `{argument}` is not a valid cursor of this field.",
            ("argument", argument), ("cursor", cursor));

    internal static ExecutionError CursorFromOtherOrder(string argument, string cursor)
        => Create(
            CursorOrderMismatch,
            $"The cursor given as `{argument}` was made for another `order:`; request the first page again with this order.",
            ("argument", argument), ("cursor", cursor));

    internal static ExecutionError NullNotAllowed(string inputType, string operation)
        => Create(
            FilterNullValue,
            $"`{operation}` of `{inputType}` cannot be null.",
            ("inputType", inputType), ("operation", operation));
}
