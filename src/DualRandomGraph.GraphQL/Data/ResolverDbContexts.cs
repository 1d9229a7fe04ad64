using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>
/// The DbContexts handed out to the resolvers of one request (one service scope); they go back to the
/// pool when the scope is disposed. Register with <see cref="DataServiceCollectionExtensions.AddResolverDbContexts"/>.
/// </summary>
public sealed class ResolverDbContexts(IServiceProvider services) : IAsyncDisposable
{
    private readonly ConcurrentBag<DbContext> _leased = [];

    public TContext Create<TContext>() where TContext : DbContext => (TContext)Create(typeof(TContext));

    public DbContext Create(Type contextType)
    {
        var context = FactoryCalls.GetOrAdd(contextType, CompileFactoryCall)(services);
        _leased.Add(context);
        return context;
    }

    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, DbContext>> FactoryCalls = new();

    private static Func<IServiceProvider, DbContext> CompileFactoryCall(Type contextType)
    {
        var method = typeof(ResolverDbContexts).GetMethod(nameof(CreateFromFactory), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(contextType);
        return method.CreateDelegate<Func<IServiceProvider, DbContext>>();
    }

    private static DbContext CreateFromFactory<TContext>(IServiceProvider services) where TContext : DbContext
        => services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        while (_leased.TryTake(out var context))
        {
            await context.DisposeAsync();
        }
    }
}
