using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>
/// Gives the resolver its own <see cref="DbContext"/> from the registered <see cref="IDbContextFactory{TContext}"/>.
/// GraphQL.NET resolves sibling fields in parallel, and one DbContext cannot run two queries at once,
/// so no resolver shares a context with another. The context is disposed when the request's service
/// scope ends, which lets a resolver return an <see cref="IQueryable{T}"/> that middleware executes later.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromDbContextAttribute : GraphQLAttribute
{
    public override void Modify<TParameterType>(ArgumentInformation argumentInformation)
    {
        if (!typeof(DbContext).IsAssignableFrom(typeof(TParameterType)))
        {
            throw new InvalidOperationException(
                $"[FromDbContext] is on parameter '{argumentInformation.ParameterInfo.Name}' of type {typeof(TParameterType).Name}, which is not a DbContext.");
        }

        argumentInformation.SetDelegate(context => (TParameterType)(object)CreateContext<TParameterType>(context));
    }

    private static DbContext CreateContext<TParameterType>(IResolveFieldContext context)
    {
        var services = context.RequestServices
            ?? throw new InvalidOperationException("ExecutionOptions.RequestServices must be set to resolve a DbContext.");
        return services.GetRequiredService<ResolverDbContexts>().Create(typeof(TParameterType));
    }
}
