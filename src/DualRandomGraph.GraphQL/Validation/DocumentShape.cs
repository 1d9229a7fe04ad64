using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace DualRandomGraph.GraphQL.Validation;

/// <summary>
/// Measures a parsed document against the limits that protect GraphQL.NET's validator, before it runs: the number
/// of definitions and syntax nodes, the nesting depth through fragment spreads, and how often one response name
/// repeats in a selection set. Every walk here is either bounded by the parser's depth limit (within one
/// definition) or iterative (across fragments), so that measuring cannot itself exhaust the stack.
/// </summary>
internal static class DocumentShape
{
    /// <summary>The first limit <paramref name="document"/> breaks, or null.</summary>
    public static RequestLimitError? Check(GraphQLDocument document, RequestLimitsOptions limits, CancellationToken cancellationToken)
    {
        var source = document.Source;
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().Count();
        if (limits.MaxOperations is { } maxOperations && operations > maxOperations)
        {
            return new RequestLimitError(RequestLimitErrorCodes.MaxOperationsExceeded,
                $"The document defines {operations} operations; at most {maxOperations} are allowed.",
                source, null, ("operations", operations), ("maxOperations", maxOperations));
        }

        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().Count();
        if (limits.MaxFragments is { } maxFragments && fragments > maxFragments)
        {
            return new RequestLimitError(RequestLimitErrorCodes.MaxFragmentsExceeded,
                $"The document defines {fragments} fragments; at most {maxFragments} are allowed.",
                source, null, ("fragments", fragments), ("maxFragments", maxFragments));
        }

        var definitions = document.Definitions.OfType<GraphQLExecutableDefinition>().Select(d => Measure(d, cancellationToken)).ToList();
        var nodes = 1 + definitions.Sum(d => d.Nodes);
        if (limits.MaxNodes is { } maxNodes && nodes > maxNodes)
        {
            return new RequestLimitError(RequestLimitErrorCodes.MaxNodesExceeded,
                $"The document holds {nodes} syntax nodes; at most {maxNodes} are allowed.",
                source, null, ("nodes", nodes), ("maxNodes", maxNodes));
        }

        var fragmentIndex = FragmentIndex(document);
        var depth = ExpandedDepth(definitions, fragmentIndex);
        if (limits.MaxDocumentDepth is { } maxDepth && depth.Depth > maxDepth)
        {
            return new RequestLimitError(RequestLimitErrorCodes.MaxDepthExceeded,
                $"The document nests {depth.Depth} syntax nodes deep, counting through its fragments; at most {maxDepth} are allowed.",
                source, depth.Definition, ("documentDepth", depth.Depth), ("maxDocumentDepth", maxDepth));
        }

        // Only now, with the depth through fragments known to be bounded, may the walks below recurse through spreads.
        if (limits.MaxRepeatedFields is { } maxRepeated && MostRepeatedField(document, fragmentIndex) is { } repeated && repeated.Count > maxRepeated)
        {
            return new RequestLimitError(RequestLimitErrorCodes.MaxRepeatedFieldsExceeded,
                $"The response name '{repeated.Name}' is selected {repeated.Count} times in one selection set; at most {maxRepeated} are allowed.",
                source, repeated.SelectionSet, ("responseName", repeated.Name), ("repeated", repeated.Count), ("maxRepeatedFields", maxRepeated));
        }

        return null;
    }

    /// <summary>The fragment definitions by name; the first of duplicates wins (validation reports the others).</summary>
    public static Dictionary<string, GraphQLFragmentDefinition> FragmentIndex(GraphQLDocument document)
    {
        var index = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            index.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }

        return index;
    }

    /// <summary>Adds counts that can grow exponentially through fragments without overflowing.</summary>
    public static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static DefinitionMeasure Measure(GraphQLExecutableDefinition definition, CancellationToken cancellationToken)
    {
        var walk = new Walk(cancellationToken);
        // The parser refused anything deeper than its own limit, so this recursion is bounded.
        Walker.Instance.VisitAsync(definition, walk).AsTask().GetAwaiter().GetResult();
        return new DefinitionMeasure(definition, walk.Nodes, walk.MaxDepth, walk.Spreads);
    }

    /// <summary>
    /// The deepest nesting of any definition with fragment spreads followed into the fragments they name, computed
    /// bottom-up over the spread graph with an explicit stack. A spread that closes a cycle adds nothing here;
    /// validation reports the cycle itself.
    /// </summary>
    private static (long Depth, ASTNode? Definition) ExpandedDepth(List<DefinitionMeasure> definitions, Dictionary<string, GraphQLFragmentDefinition> fragmentIndex)
    {
        var byNode = new Dictionary<ASTNode, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < definitions.Count; i++)
        {
            byNode[definitions[i].Definition] = i;
        }

        int? Target(string name) => fragmentIndex.TryGetValue(name, out var fragment) && byNode.TryGetValue(fragment, out var i) ? i : null;

        var state = new VisitState[definitions.Count];
        var expanded = new long[definitions.Count];
        var stack = new Stack<(int Definition, int NextSpread)>();
        for (var root = 0; root < definitions.Count; root++)
        {
            if (state[root] != VisitState.Unvisited)
            {
                continue;
            }

            state[root] = VisitState.InProgress;
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (current, next) = stack.Pop();
                var spreads = definitions[current].Spreads;
                if (next < spreads.Count)
                {
                    stack.Push((current, next + 1));
                    if (Target(spreads[next].Name) is { } target && state[target] == VisitState.Unvisited)
                    {
                        state[target] = VisitState.InProgress;
                        stack.Push((target, 0));
                    }

                    continue;
                }

                var depth = (long)definitions[current].MaxDepth;
                foreach (var (name, at) in spreads)
                {
                    if (Target(name) is { } target && state[target] == VisitState.Done)
                    {
                        depth = Math.Max(depth, SaturatingAdd(at, expanded[target]));
                    }
                }

                expanded[current] = depth;
                state[current] = VisitState.Done;
            }
        }

        var deepest = 0;
        for (var i = 1; i < definitions.Count; i++)
        {
            if (expanded[i] > expanded[deepest])
            {
                deepest = i;
            }
        }

        return definitions.Count == 0 ? (0, null) : (expanded[deepest], definitions[deepest].Definition);
    }

    private static (string Name, long Count, GraphQLSelectionSet SelectionSet)? MostRepeatedField(
        GraphQLDocument document, Dictionary<string, GraphQLFragmentDefinition> fragmentIndex)
    {
        var fragmentNames = new Dictionary<string, Dictionary<string, long>?>(StringComparer.Ordinal);
        (string Name, long Count, GraphQLSelectionSet SelectionSet)? most = null;

        // The response names GraphQL would merge in one selection set: its own fields and those of the inline
        // fragments and fragment spreads in it, as often as each is spread.
        Dictionary<string, long> Collect(GraphQLSelectionSet selectionSet)
        {
            var names = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var name = (field.Alias?.Name ?? field.Name).StringValue;
                        names[name] = SaturatingAdd(names.GetValueOrDefault(name), 1);
                        break;
                    case GraphQLInlineFragment inline:
                        Merge(names, Collect(inline.SelectionSet));
                        break;
                    case GraphQLFragmentSpread spread:
                        Merge(names, FragmentNames(spread.FragmentName.Name.StringValue));
                        break;
                }
            }

            return names;
        }

        Dictionary<string, long>? FragmentNames(string fragment)
        {
            if (fragmentNames.TryGetValue(fragment, out var known))
            {
                return known; // null while in progress: a cycle, which validation reports
            }

            if (!fragmentIndex.TryGetValue(fragment, out var definition))
            {
                return null;
            }

            fragmentNames[fragment] = null;
            return fragmentNames[fragment] = Collect(definition.SelectionSet);
        }

        void Scope(GraphQLSelectionSet selectionSet)
        {
            foreach (var (name, count) in Collect(selectionSet))
            {
                if (most is null || count > most.Value.Count)
                {
                    most = (name, count, selectionSet);
                }
            }

            Nested(selectionSet);
        }

        // Each field's selection set is a scope of its own; inline fragments belong to the scope around them.
        void Nested(GraphQLSelectionSet selectionSet)
        {
            foreach (var selection in selectionSet.Selections)
            {
                if (selection is GraphQLField { SelectionSet: { } children })
                {
                    Scope(children);
                }
                else if (selection is GraphQLInlineFragment inline)
                {
                    Nested(inline.SelectionSet);
                }
            }
        }

        foreach (var definition in document.Definitions.OfType<GraphQLExecutableDefinition>())
        {
            Scope(definition.SelectionSet);
        }

        return most;
    }

    private static void Merge(Dictionary<string, long> into, Dictionary<string, long>? from)
    {
        foreach (var (name, count) in from ?? [])
        {
            into[name] = SaturatingAdd(into.GetValueOrDefault(name), count);
        }
    }

    private enum VisitState
    {
        Unvisited,
        InProgress,
        Done,
    }

    private sealed record DefinitionMeasure(GraphQLExecutableDefinition Definition, long Nodes, int MaxDepth, List<(string Name, int Depth)> Spreads);

    private sealed class Walk(CancellationToken cancellationToken) : IASTVisitorContext
    {
        public CancellationToken CancellationToken => cancellationToken;

        public long Nodes { get; set; }

        public int Depth { get; set; }

        public int MaxDepth { get; set; }

        public List<(string Name, int Depth)> Spreads { get; } = [];
    }

    /// <summary>Counts nodes and notes each fragment spread with the depth it sits at.</summary>
    private sealed class Walker : ASTVisitor<Walk>
    {
        public static readonly Walker Instance = new();

        public override async ValueTask VisitAsync(ASTNode? node, Walk walk)
        {
            if (node is null)
            {
                return;
            }

            walk.Nodes++;
            walk.Depth++;
            walk.MaxDepth = Math.Max(walk.MaxDepth, walk.Depth);
            await base.VisitAsync(node, walk);
            walk.Depth--;
        }

        protected override ValueTask VisitFragmentSpreadAsync(GraphQLFragmentSpread fragmentSpread, Walk walk)
        {
            walk.Spreads.Add((fragmentSpread.FragmentName.Name.StringValue, walk.Depth));
            return base.VisitFragmentSpreadAsync(fragmentSpread, walk);
        }
    }
}
