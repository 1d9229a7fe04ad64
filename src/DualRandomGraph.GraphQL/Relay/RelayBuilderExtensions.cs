using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Loading;
using GraphQL;
using GraphQL.DI;

namespace DualRandomGraph.GraphQL.Relay;

public static class RelayBuilderExtensions
{
    /// <summary>Registers the <c>Node</c> interface that <see cref="NodeGraphType{TEntity}"/> types implement.</summary>
    public static IGraphQLBuilder AddRelayNodes(this IGraphQLBuilder builder)
    {
        builder.Services.TryRegister<NodeInterfaceType, NodeInterfaceType>(ServiceLifetime.Singleton);
        builder.Services.TryRegister<IGlobalIdCodec, RelayGlobalIdCodec>(ServiceLifetime.Singleton);
        builder.Services.TryRegister<BatchLoaders, BatchLoaders>(ServiceLifetime.Scoped);
        return builder;
    }
}
