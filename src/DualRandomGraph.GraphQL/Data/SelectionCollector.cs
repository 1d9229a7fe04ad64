using GraphQL;
using GraphQL.Execution;
using GraphQLParser;
using GraphQL.Types;
using GraphQLParser.AST;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>A field selected in a query, with its definition and its argument values (variables applied).</summary>
internal sealed record SelectedField(GraphQLField Ast, FieldType Definition, IDictionary<string, ArgumentValue>? Arguments);

/// <summary>
/// Collects the fields that selection sets select on a type, through named and inline fragments, honouring
/// <c>@skip</c> and <c>@include</c>: projection and the "is totalCount selected" checks need to see further
/// down the query than GraphQL.NET's <c>SubFields</c> does.
/// </summary>
internal sealed class SelectionCollector(IResolveFieldContext context)
{
    public List<SelectedField> Collect(IComplexGraphType type, IEnumerable<GraphQLSelectionSet?> selectionSets)
    {
        var fields = new List<SelectedField>();
        foreach (var selectionSet in selectionSets)
        {
            Collect(type, selectionSet, fields, []);
        }

        return fields;
    }

    /// <summary>The selection sets of all occurrences of <paramref name="name"/> among <paramref name="fields"/>.</summary>
    public static IEnumerable<GraphQLSelectionSet?> SelectionSetsOf(IEnumerable<SelectedField> fields, string name)
        => fields.Where(f => f.Definition.Name == name).Select(f => f.Ast.SelectionSet);

    private void Collect(IComplexGraphType type, GraphQLSelectionSet? selectionSet, List<SelectedField> fields, HashSet<string> visitedFragments)
    {
        if (selectionSet == null)
        {
            return;
        }

        foreach (var selection in selectionSet.Selections)
        {
            if (!IsIncluded(selection))
            {
                continue;
            }

            switch (selection)
            {
                case GraphQLField field:
                    var definition = type.GetField(field.Name.StringValue);
                    if (definition != null)
                    {
                        fields.Add(new SelectedField(field, definition, context.ExecutionContext.GetArguments(definition, field)));
                    }

                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    var fragment = context.Document.FindFragmentDefinition(spread.FragmentName.Name);
                    if (fragment != null && visitedFragments.Add(name) && Applies(type, fragment.TypeCondition.Type.Name.StringValue))
                    {
                        Collect(type, fragment.SelectionSet, fields, visitedFragments);
                    }

                    break;
                case GraphQLInlineFragment inline:
                    if (inline.TypeCondition == null || Applies(type, inline.TypeCondition.Type.Name.StringValue))
                    {
                        Collect(type, inline.SelectionSet, fields, visitedFragments);
                    }

                    break;
            }
        }
    }

    private static bool Applies(IComplexGraphType type, string typeCondition)
        => type.Name == typeCondition
            || (type is IImplementInterfaces implementing && implementing.ResolvedInterfaces.Any(i => i.Name == typeCondition));

    private bool IsIncluded(ASTNode node)
    {
        var directives = context.ExecutionContext.GetDirectives(node);
        if (directives == null)
        {
            return true;
        }

        if (directives.TryGetValue("skip", out var skip) && skip.GetArgument("if", false))
        {
            return false;
        }

        return !directives.TryGetValue("include", out var include) || include.GetArgument("if", true);
    }
}
