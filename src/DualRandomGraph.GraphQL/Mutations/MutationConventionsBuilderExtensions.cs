using GraphQL;
using GraphQL.DI;

namespace DualRandomGraph.GraphQL.Mutations;

public static class MutationConventionsBuilderExtensions
{
    /// <summary>Registers the types behind <see cref="ErrorsAttribute"/>: the <c>Error</c> interface and the error objects.</summary>
    public static IGraphQLBuilder AddMutationConventions(this IGraphQLBuilder builder)
    {
        builder.Services.TryRegister<ErrorInterfaceType, ErrorInterfaceType>(ServiceLifetime.Singleton);
        builder.Services.TryRegister(typeof(UserErrorGraphType<>), typeof(UserErrorGraphType<>), ServiceLifetime.Transient);
        return builder;
    }
}
