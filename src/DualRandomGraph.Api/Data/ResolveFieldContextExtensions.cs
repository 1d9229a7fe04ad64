using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Data;

internal static class ResolveFieldContextExtensions
{
    /// <summary>A context of the resolver's own, from the pool; dispose it when done.</summary>
    public static AppDbContext CreateDbContext(this IResolveFieldContext context)
        => context.RequestServices!.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
}
