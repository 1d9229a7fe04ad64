using DualRandomGraph.GraphQL.Validation;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.GraphQL.Http;

public static class GraphQLHttpExtensions
{
    /// <summary>
    /// Registers the GraphQL-over-HTTP transport: its options (from <c>GraphQL:Http</c>), the document
    /// cache (from <c>GraphQL:DocumentCache</c>) as a GraphQL.NET execution step, and the cache of validation
    /// results for cached documents (from <c>GraphQL:ValidationCache</c>). The schema, the
    /// System.Text.Json serializer and any <c>ConfigureExecutionOptions</c> come from <c>AddGraphQL</c>.
    /// </summary>
    public static IServiceCollection AddGraphQLHttp(this IServiceCollection services)
    {
        services.AddOptions<GraphQLHttpOptions>()
            .BindConfiguration(GraphQLHttpOptions.SectionName)
            .Validate(o => o.MaxRequestBodySize > 0, "GraphQL:Http:MaxRequestBodySize must be positive.")
            .Validate(o => o.MaxBatchSize > 0, "GraphQL:Http:MaxBatchSize must be positive.")
            .Validate(o => o.ExecutionTimeout >= TimeSpan.Zero, "GraphQL:Http:ExecutionTimeout must not be negative.")
            .Validate(o => o.IdePath is null || o.IdePath.StartsWith('/'), "GraphQL:Http:IdePath must start with '/'.")
            .ValidateOnStart();

        services.AddOptions<DocumentCacheOptions>()
            .BindConfiguration(DocumentCacheOptions.SectionName)
            .Validate(o => o.MaxTotalQueryLength > 0, "GraphQL:DocumentCache:MaxTotalQueryLength must be positive.")
            .ValidateOnStart();

        // A cached document's requests are validated with HttpOperationTypeRule and whatever else declared itself
        // cacheable; the verdict for the same variables is then remembered too.
        services.AddOptions<ValidationCacheOptions>()
            .BindConfiguration(ValidationCacheOptions.SectionName)
            .Configure(o => o.CacheableRules.Add(typeof(HttpOperationTypeRule)))
            .Validate(o => o.VariantsPerDocument >= 0 && o.MaxVariableValues >= 0, "GraphQL:ValidationCache: the bounds must not be negative.")
            .ValidateOnStart();
        services.Replace(ServiceDescriptor.Singleton<IDocumentValidator, ValidationResultCache>());

        // GraphQL.NET's DocumentExecuter runs every registered IConfigureExecution, in SortOrder.
        services.TryAddSingleton<GraphQLDocumentCache>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureExecution, GraphQLDocumentCache>(
            sp => sp.GetRequiredService<GraphQLDocumentCache>()));
        return services;
    }

    /// <summary>
    /// Honours idempotency keys on mutations (<see cref="IdempotentExecution"/>), keeping them in
    /// <typeparamref name="TStore"/>; options from <c>GraphQL:Idempotency</c>. Without this call the keys are ignored.
    /// </summary>
    public static IServiceCollection AddGraphQLIdempotency<TStore>(this IServiceCollection services)
        where TStore : class, IIdempotencyStore
    {
        services.AddOptions<IdempotencyOptions>()
            .BindConfiguration(IdempotencyOptions.SectionName)
            .Validate(o => o.Expiration > TimeSpan.Zero, "GraphQL:Idempotency:Expiration must be positive.")
            .Validate(o => o.MaxKeyLength is > 0 and <= 255, "GraphQL:Idempotency:MaxKeyLength must be between 1 and 255.")
            .Validate<IOptions<GraphQLHttpOptions>>(
                (o, http) => o.PendingTimeout > TimeSpan.Zero && (http.Value.ExecutionTimeout == TimeSpan.Zero || o.PendingTimeout > http.Value.ExecutionTimeout),
                "GraphQL:Idempotency:PendingTimeout must be positive and longer than GraphQL:Http:ExecutionTimeout.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIdempotencyStore, TStore>();
        services.TryAddSingleton<IdempotentExecution>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureExecution, IdempotentExecution>(
            sp => sp.GetRequiredService<IdempotentExecution>()));
        return services;
    }

    /// <summary>
    /// Serves GraphQL at <paramref name="path"/> exactly. Place it after <c>UseAuthentication</c> so that
    /// resolvers see the user; requests to other paths (the IDE's included) pass through.
    /// </summary>
    public static IApplicationBuilder UseGraphQLHttp(this IApplicationBuilder app, string path = "/graphql")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        // Fail at start-up, not at the first request, when the host forgot a registration.
        if (app.ApplicationServices.GetService<IGraphQLTextSerializer>() is null)
            throw new InvalidOperationException("UseGraphQLHttp needs GraphQL.NET's System.Text.Json serializer: services.AddGraphQL(b => b.AddSystemTextJson()).");
        if (app.ApplicationServices.GetService<GraphQLDocumentCache>() is null)
            throw new InvalidOperationException("UseGraphQLHttp needs services.AddGraphQLHttp().");

        return app.UseMiddleware<GraphQLHttpMiddleware>(new PathString(path.TrimEnd('/')));
    }
}
