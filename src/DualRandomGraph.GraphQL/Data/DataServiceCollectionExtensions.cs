using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Lets resolvers take a DbContext parameter marked <see cref="FromDbContextAttribute"/>.</summary>
    public static IServiceCollection AddResolverDbContexts(this IServiceCollection services)
    {
        services.AddScoped<ResolverDbContexts>();
        return services;
    }
}
