using DualRandomGraph.GraphQL.Data.Filtering;
using DualRandomGraph.GraphQL.Data.Paging;
using DualRandomGraph.GraphQL.Data.Sorting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using DualRandomGraph.GraphQL.Relay;

namespace DualRandomGraph.GraphQL.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Lets resolvers take a DbContext parameter marked <see cref="FromDbContextAttribute"/>.</summary>
    public static IServiceCollection AddResolverDbContexts(this IServiceCollection services)
    {
        services.AddScoped<ResolverDbContexts>();
        return services;
    }

    /// <summary>
    /// Registers what data fields (<c>[UsePaging]</c>, <c>[UseFiltering]</c>, ...) need: the <see cref="DataModel"/>,
    /// the <see cref="DataPlanCache"/> and the generated graph types, which GraphQL.NET takes from the service provider (one instance per schema,
    /// however many fields use a type).
    /// </summary>
    public static IServiceCollection AddDataMiddleware(this IServiceCollection services, Action<DataModel>? configure = null)
    {
        var model = new DataModel();
        configure?.Invoke(model);
        services.TryAddSingleton(model);
        services.TryAddSingleton<DataPlanCache>();
        services.TryAddSingleton<IGlobalIdCodec, RelayGlobalIdCodec>();

        Type[] graphTypes =
        [
            typeof(ConnectionGraphType<,>), typeof(EdgeGraphType<,>), typeof(PageInfoGraphType),
            typeof(CollectionSegmentGraphType<,>), typeof(CollectionSegmentInfoGraphType),
            typeof(SortInputGraphType<>), typeof(SortEnumGraphType),
            typeof(FilterInputGraphType<>), typeof(ListFilterInputGraphType<>), typeof(ListOperationFilterInputGraphType<>),
            typeof(StringOperationFilterInputGraphType), typeof(ComparableOperationFilterInputGraphType<>),
            typeof(BooleanOperationFilterInputGraphType), typeof(UuidOperationFilterInputGraphType),
            typeof(EnumOperationFilterInputGraphType<>), typeof(IdOperationFilterInputGraphType),
        ];
        foreach (var type in graphTypes)
        {
            services.TryAddTransient(type);
        }

        return services;
    }
}
