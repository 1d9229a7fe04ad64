using System.Collections;
using DualRandomGraph.GraphQL.Data.Projection;
using GraphQL;
using GraphQL.Resolvers;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>
/// The resolver of a data field: runs the field's own resolver (which returns an <see cref="IQueryable{T}"/>
/// or, for a nested field, the collection the parent's projection loaded) and applies the request to it.
/// It is an ordinary resolver, so field middleware such as authorization still wraps it.
/// </summary>
internal sealed class DataResolver(IFieldResolver inner, DataFieldDefinition definition) : IFieldResolver
{
    // One delegate for the field's lifetime: a method group passed per call would allocate one per row.
    private Func<IResolveFieldContext, bool, DataPlan>? _plan;

    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        var source = await inner.ResolveAsync(context);
        if (source == null)
        {
            return null;
        }

        var plans = context.RequestServices?.GetService<DataPlanCache>()
            ?? throw new InvalidOperationException("Data fields need services.AddDataMiddleware() and ExecutionOptions.RequestServices.");
        if (source is IProjectedCollection projected)
        {
            var nested = plans.For(context, withProjection: false, _plan ??= Plan);
            return DataExecutor.BuildResult(nested.Request, projected.Rows, projected.TotalCount);
        }

        // A collection nobody projected for us (e.g. loaded by the host): same pipeline, in memory.
        var query = source as IQueryable ?? ((IEnumerable)source).AsQueryable();
        var plan = plans.For(context, definition.Projection && query.Provider is not EnumerableQuery, _plan ??= Plan);
        return await DataExecutor.ExecuteAsync(query, plan.Request, plan.Projection, context.CancellationToken);
    }

    private DataPlan Plan(IResolveFieldContext context, bool withProjection)
    {
        var services = context.RequestServices;
        var model = services?.GetService<DataModel>()
            ?? throw new InvalidOperationException("Data fields need services.AddDataMiddleware() and ExecutionOptions.RequestServices.");
        var selections = new SelectionCollector(context);
        var coordinate = $"{context.ParentType.Name}.{context.FieldDefinition.Name}";
        var request = DataRequest.Create(selections, model, services, coordinate, context.FieldDefinition, definition, [context.FieldAst], context.Arguments);
        return new DataPlan(request, withProjection ? new ProjectionBuilder(selections, model, services).Build(request) : null);
    }
}
