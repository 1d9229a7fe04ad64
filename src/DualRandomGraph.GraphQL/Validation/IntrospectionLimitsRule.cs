using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.GraphQL.Validation;

/// <summary>
/// <see cref="RequestLimitsOptions.MaxIntrospectionRecursion"/>: under <c>__schema</c> or <c>__type</c>, how often each
/// of introspection's list fields may appear along one path. Following <c>fields { type { fields { type ... } } }</c>
/// multiplies the answer by the size of the schema at every step, which is the whole danger of introspection; the
/// query IDEs send follows each list once. (HotChocolate's default is the same: one.) Introspection is therefore not
/// charged by the cost analyzer (see <see cref="RequestLimitsBuilderExtensions.AddRequestLimits"/>).
/// </summary>
public sealed class IntrospectionLimitsRule(IOptions<RequestLimitsOptions> options) : IValidationRule
{
    private static readonly string[] ListFields = ["types", "fields", "inputFields", "interfaces", "possibleTypes", "enumValues", "args"];

    private readonly RequestLimitsOptions _limits = options.Value;

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (_limits.MaxIntrospectionRecursion is { } max
            && new Walk(context.Document, max).Find(context.Operation.SelectionSet, Path.Outside) is { } offending)
        {
            context.ReportError(new RequestLimitError(RequestLimitErrorCodes.MaxIntrospectionRecursionExceeded,
                $"Introspection field '{offending.Name.StringValue}' is nested within itself; each of {string.Join(", ", ListFields)} may appear at most {max} times along one path.",
                context.Document.Source, offending, ("field", offending.Name.StringValue), ("occurrences", max + 1), ("maxIntrospectionRecursion", max)));
        }

        return default;
    }

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;

    /// <summary>Where a walk stands: inside introspection or not, and how often each list field was passed (4 bits each).</summary>
    private readonly record struct Path(int Bits)
    {
        public static readonly Path Outside = new(0);

        public bool Inside => (Bits & 1) != 0;

        public int Count(int list) => (Bits >> (1 + (4 * list))) & 0xF;

        public Path Enter() => new(Bits | 1);

        public Path Pass(int list) => new(Bits + (1 << (1 + (4 * list))));
    }

    /// <summary>
    /// Follows fragments with memory of (fragment, path) so that fragments spread in many places cost nothing extra;
    /// with counts capped by the limit there are few paths. A spread that closes a cycle finds nothing (validation reports it).
    /// </summary>
    private sealed class Walk(GraphQLDocument document, int max)
    {
        private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = DocumentShape.FragmentIndex(document);
        private readonly Dictionary<(string Fragment, Path Path), GraphQLField?> _seen = [];

        public GraphQLField? Find(GraphQLSelectionSet selectionSet, Path path)
        {
            foreach (var selection in selectionSet.Selections)
            {
                var found = selection switch
                {
                    GraphQLField field => Field(field, path),
                    GraphQLInlineFragment inline => Find(inline.SelectionSet, path),
                    GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue, path),
                    _ => null,
                };
                if (found is not null)
                {
                    return found;
                }
            }

            return null;
        }

        private GraphQLField? Field(GraphQLField field, Path path)
        {
            var name = field.Name.StringValue;
            if (!path.Inside)
            {
                path = name is "__schema" or "__type" ? path.Enter() : path;
            }
            else if (Array.IndexOf(ListFields, name) is var list and >= 0)
            {
                if (path.Count(list) >= max)
                {
                    return field;
                }

                path = path.Pass(list);
            }

            return field.SelectionSet is { } children ? Find(children, path) : null;
        }

        private GraphQLField? Spread(string name, Path path)
        {
            if (_seen.TryGetValue((name, path), out var known) || !_fragments.TryGetValue(name, out var fragment))
            {
                return known;
            }

            _seen[(name, path)] = null;
            return _seen[(name, path)] = Find(fragment.SelectionSet, path);
        }
    }
}
