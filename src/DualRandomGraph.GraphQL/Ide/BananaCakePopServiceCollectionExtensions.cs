using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DualRandomGraph.GraphQL.Ide;

public static class BananaCakePopServiceCollectionExtensions
{
    /// <summary>
    /// Registers what <see cref="BananaCakePopEndpointRouteBuilderExtensions.MapBananaCakePop"/> needs and
    /// binds <see cref="BananaCakePopOptions"/> from the configuration section <c>GraphQL:Ide</c>.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Applied after the configuration section, e.g. by tests.</param>
    public static IServiceCollection AddBananaCakePop(this IServiceCollection services, Action<BananaCakePopOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<BananaCakePopOptions>()
            .BindConfiguration(BananaCakePopOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Title), "GraphQL:Ide:Title must not be empty.")
            .Validate(o => o.AssetCacheMaxAge >= TimeSpan.Zero, "GraphQL:Ide:AssetCacheMaxAge must not be negative.")
            .Validate(
                o => o.GraphQLEndpoint is null || Uri.TryCreate(o.GraphQLEndpoint, UriKind.RelativeOrAbsolute, out _),
                "GraphQL:Ide:GraphQLEndpoint must be an absolute URL or a URL relative to the IDE page.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<BananaCakePopRequestHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, BananaCakePopMatcherPolicy>());
        return services;
    }
}
