using GraphQLParser.AST;

namespace DualRandomGraph.GraphQL.Validation;

/// <summary>
/// Counts over one operation with its fragments expanded as often as they are spread, each fragment counted once
/// and remembered, so that a fragment spread many times costs nothing extra and counts saturate instead of overflowing.
/// Recursion through spreads is bounded by <see cref="RequestLimitsOptions.MaxDocumentDepth"/>, checked before
/// validation; a spread that closes a cycle counts nothing (validation reports the cycle).
/// </summary>
internal sealed class OperationShape(GraphQLDocument document)
{
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = DocumentShape.FragmentIndex(document);
    private readonly Dictionary<string, long?> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long?> _rootFields = new(StringComparer.Ordinal);

    /// <summary>Aliased fields anywhere under <paramref name="selectionSet"/>.</summary>
    public long Aliases(GraphQLSelectionSet selectionSet)
    {
        long count = 0;
        foreach (var selection in selectionSet.Selections)
        {
            count = DocumentShape.SaturatingAdd(count, selection switch
            {
                GraphQLField field => DocumentShape.SaturatingAdd(field.Alias is null ? 0 : 1, field.SelectionSet is { } children ? Aliases(children) : 0),
                GraphQLInlineFragment inline => Aliases(inline.SelectionSet),
                GraphQLFragmentSpread spread => Fragment(spread, _aliases, Aliases),
                _ => 0,
            });
        }

        return count;
    }

    /// <summary>Fields at the level of <paramref name="selectionSet"/>, through inline fragments and spreads at that level.</summary>
    public long Fields(GraphQLSelectionSet selectionSet)
    {
        long count = 0;
        foreach (var selection in selectionSet.Selections)
        {
            count = DocumentShape.SaturatingAdd(count, selection switch
            {
                GraphQLField => 1,
                GraphQLInlineFragment inline => Fields(inline.SelectionSet),
                GraphQLFragmentSpread spread => Fragment(spread, _rootFields, Fields),
                _ => 0,
            });
        }

        return count;
    }

    private long Fragment(GraphQLFragmentSpread spread, Dictionary<string, long?> memo, Func<GraphQLSelectionSet, long> count)
    {
        var name = spread.FragmentName.Name.StringValue;
        if (memo.TryGetValue(name, out var known))
        {
            return known ?? 0; // null while in progress: a cycle
        }

        if (!_fragments.TryGetValue(name, out var fragment))
        {
            return 0;
        }

        memo[name] = null;
        var result = count(fragment.SelectionSet);
        memo[name] = result;
        return result;
    }
}
