using System.Collections;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.GraphQL.Validation;

/// <summary>
/// <see cref="RequestLimitsOptions.MaxVariableValues"/> and <see cref="RequestLimitsOptions.MaxVariableDepth"/> on the
/// request's variables as they arrived (before coercion, which is where their size would cost). Variables change
/// with every request, so the rule runs for cached documents too.
/// </summary>
public sealed class VariablesLimitsRule(IOptions<RequestLimitsOptions> options) : IValidationRule
{
    private readonly RequestLimitsOptions _limits = options.Value;

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Variables is not { Count: > 0 } variables)
        {
            return default;
        }

        var (values, depth) = Measure(variables.Values);
        if (_limits.MaxVariableValues is { } maxValues && values > maxValues)
        {
            context.ReportError(new RequestLimitError(RequestLimitErrorCodes.MaxVariableValuesExceeded,
                $"The variables hold {values} values; at most {maxValues} are allowed.",
                context.Document.Source, context.Operation, ("variableValues", values), ("maxVariableValues", maxValues)));
        }

        if (_limits.MaxVariableDepth is { } maxDepth && depth > maxDepth)
        {
            context.ReportError(new RequestLimitError(RequestLimitErrorCodes.MaxVariableDepthExceeded,
                $"The variables nest {depth} levels deep; at most {maxDepth} are allowed.",
                context.Document.Source, context.Operation, ("variableDepth", depth), ("maxVariableDepth", maxDepth)));
        }

        return default;
    }

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;

    /// <summary>Every value (scalars, lists and objects alike) and the deepest nesting; a variable itself is depth 1.</summary>
    internal static (long Values, int Depth) Measure(IEnumerable<object?> roots)
    {
        long values = 0;
        var deepest = 0;
        var pending = new Stack<(object? Value, int Depth)>();
        foreach (var root in roots)
        {
            pending.Push((root, 1));
        }

        while (pending.Count > 0)
        {
            var (value, depth) = pending.Pop();
            values++;
            deepest = Math.Max(deepest, depth);
            switch (value)
            {
                case IEnumerable<KeyValuePair<string, object?>> fields:
                    foreach (var field in fields)
                    {
                        pending.Push((field.Value, depth + 1));
                    }

                    break;
                case string:
                    break;
                case IEnumerable items:
                    foreach (var item in items)
                    {
                        pending.Push((item, depth + 1));
                    }

                    break;
            }
        }

        return (values, deepest);
    }
}
