using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Data.Cost;

public static class CostLimitExtensions
{
    /// <summary>
    /// Turns on GraphQL.NET's complexity analyzer with the limits of <see cref="GraphQLLimitsOptions"/>, read from
    /// the <c>GraphQL:Limits</c> configuration section when an <see cref="IConfiguration"/> is registered and then
    /// adjusted by <paramref name="configure"/>. Paged lists count as many items as the page asks for. An operation
    /// over a limit fails validation with HotChocolate's error shape: code <c>HC0047</c> with <c>fieldCost</c> and
    /// <c>maxFieldCost</c>, or <see cref="DataErrors.MaxDepthExceeded"/> with <c>detectedExecutionDepth</c> and
    /// <c>allowedExecutionDepth</c>.
    /// </summary>
    public static IGraphQLBuilder AddDataCostLimits(this IGraphQLBuilder builder, Action<GraphQLLimitsOptions>? configure = null)
        => builder.AddComplexityAnalyzer((complexity, services) =>
        {
            var limits = new GraphQLLimitsOptions();
            services.GetService<IConfiguration>()?.GetSection(GraphQLLimitsOptions.Section).Bind(limits);
            configure?.Invoke(limits);
            Apply(complexity, limits);
        });

    internal static void Apply(ComplexityOptions complexity, GraphQLLimitsOptions limits)
    {
        complexity.MaxComplexity = limits.MaxComplexity;
        complexity.MaxDepth = limits.MaxDepth;
        complexity.DefaultListImpactMultiplier = limits.UnpagedListSize;
        complexity.ValidateComplexityDelegate = context =>
        {
            if (limits.MaxComplexity is { } maxCost && context.TotalImpact > maxCost)
            {
                context.Error = new CostLimitError(
                    DataErrors.CostExceeded,
                    $"The maximum allowed field cost was exceeded: this operation costs {context.TotalImpact}, at most {maxCost} is allowed.",
                    ("fieldCost", context.TotalImpact), ("maxFieldCost", maxCost));
            }
            else if (limits.MaxDepth is { } maxDepth && context.MaxDepth > maxDepth)
            {
                context.Error = new CostLimitError(
                    DataErrors.MaxDepthExceeded,
                    $"The GraphQL document has an execution depth of {context.MaxDepth} which exceeds the max allowed execution depth of {maxDepth}.",
                    ("detectedExecutionDepth", context.MaxDepth), ("allowedExecutionDepth", maxDepth));
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// The cost of the items of a page (<c>nodes</c>, <c>edges</c>, <c>items</c>): the page size is the child
    /// multiplier, taken from the paged field's <c>first</c>, <c>last</c> or <c>take</c>, else its default.
    /// </summary>
    internal static FieldComplexityResult PageItems(FieldImpactContext context)
    {
        var paged = context.Parent;
        var definition = paged?.FieldDefinition.GetMetadata<DataFieldDefinition?>(DataFieldDefinition.MetadataKey);
        if (paged == null || definition == null)
        {
            return context.Configuration.DefaultComplexityImpactDelegate(context);
        }

        var arguments = paged.Value.Arguments;
        var size = Size(arguments, "first") ?? Size(arguments, "last") ?? Size(arguments, "take") ?? definition.DefaultPageSize;
        return new FieldComplexityResult(context.Configuration.DefaultObjectImpact, size);
    }

    private static int? Size(IDictionary<string, global::GraphQL.Execution.ArgumentValue>? arguments, string name)
        => arguments != null && arguments.TryGetValue(name, out var value) && value.Value is int size ? size : null;
}

/// <summary>A validation error for an operation over a cost or depth limit, with the figures in its extensions.</summary>
public sealed class CostLimitError : ValidationError
{
    public CostLimitError(string code, string message, params (string Key, object? Value)[] extensions)
        : base(message)
    {
        Code = code;
        Extensions = extensions.ToDictionary(e => e.Key, e => e.Value);
    }
}
