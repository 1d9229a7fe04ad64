using GraphQL;
using GraphQL.DI;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DualRandomGraph.GraphQL.Validation;

public static class RequestLimitsBuilderExtensions
{
    /// <summary>
    /// Enforces <see cref="RequestLimitsOptions"/> (bound from <c>GraphQL:Limits</c>, then adjusted by
    /// <paramref name="configure"/>): the document's size and nesting are measured before GraphQL.NET validates it,
    /// the executed operation's aliases and root fields and the request's variables by validation rules that also run
    /// for cached documents. Each refusal is a validation error (400) whose code is one of <see cref="RequestLimitErrorCodes"/>.
    /// <para>
    /// Introspection (<c>__schema</c>, <c>__type</c>) is bounded by <see cref="IntrospectionLimitsRule"/> instead of the
    /// complexity analyzer. It also makes GraphQL.NET's complexity analyzer, when one is added, run for cached documents: GraphQL.NET adds
    /// it for new documents only, yet the operation a request picks and the variables that size its pages change
    /// between requests of the same cached text, so without this the depth and cost limits held only the first time.
    /// </para>
    /// </summary>
    public static IGraphQLBuilder AddRequestLimits(this IGraphQLBuilder builder, Action<RequestLimitsOptions>? configure = null)
    {
        if (builder.Services is not IServiceCollection services)
            throw new InvalidOperationException("AddRequestLimits needs GraphQL.MicrosoftDI's builder: services.AddGraphQL(b => b.AddRequestLimits()).");

        var options = services.AddOptions<RequestLimitsOptions>()
            .BindConfiguration(RequestLimitsOptions.Section)
            .Validate(o => o.MaxDocumentDepth is > 0 and <= MaxSafeDocumentDepth,
                $"GraphQL:Limits:MaxDocumentDepth must be between 1 and {MaxSafeDocumentDepth}: it keeps GraphQL.NET's validator from overflowing the stack.")
            .Validate(o => o.MaxIntrospectionRecursion is null or (> 0 and <= 15), "GraphQL:Limits:MaxIntrospectionRecursion must be between 1 and 15.")
            .Validate(o => new[] { o.MaxOperations, o.MaxFragments, o.MaxNodes, o.MaxRepeatedFields, o.MaxAliases, o.MaxRootFields, o.MaxVariableValues, o.MaxVariableDepth, o.MaxValidationErrors }
                .All(limit => limit is null or > 0), "GraphQL:Limits: every request limit must be positive, or null for none.")
            .ValidateOnStart();
        if (configure is not null)
            options.Configure(configure);

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureExecution, DocumentLimitsExecution>());

        // Their verdicts depend on the document, the operation and the variables only (and the complexity
        // analyzer's on its options), so a cached document's result may be remembered (ValidationResultCache).
        services.Configure<ValidationCacheOptions>(cache =>
        {
            cache.CacheableRules.Add(typeof(OperationLimitsRule));
            cache.CacheableRules.Add(typeof(VariablesLimitsRule));
            cache.CacheableRules.Add(typeof(IntrospectionLimitsRule));
            cache.CacheableRules.Add(typeof(ComplexityValidationRule));
        });
        builder.AddValidationRule<OperationLimitsRule>(useForCachedDocuments: true);
        builder.AddValidationRule<VariablesLimitsRule>(useForCachedDocuments: true);
        builder.AddValidationRule<IntrospectionLimitsRule>(useForCachedDocuments: true);

        // Introspection answers from the schema in memory; what makes it expensive is recursion, which the rule above
        // bounds. Charged like data, the query every IDE sends to load the schema cost 1.7 million and was refused.
        services.PostConfigure<ComplexityOptions>(complexity =>
        {
            var charge = complexity.DefaultComplexityImpactDelegate;
            complexity.DefaultComplexityImpactDelegate = field =>
                field.FieldDefinition.Name is "__schema" or "__type" ? new FieldComplexityResult(0, 0) : charge(field);
        });
        builder.ConfigureExecutionOptions(execution =>
        {
            if (execution.RequestServices?.GetService<ComplexityValidationRule>() is { } complexity
                && execution.CachedDocumentValidationRules?.Contains(complexity) != true)
            {
                execution.CachedDocumentValidationRules = [.. execution.CachedDocumentValidationRules ?? [], complexity];
            }
        });
        return builder;
    }

    /// <summary>Far below the nesting at which the validator's recursion exhausted a thread pool thread's stack (several thousand).</summary>
    public const int MaxSafeDocumentDepth = 1_000;
}
