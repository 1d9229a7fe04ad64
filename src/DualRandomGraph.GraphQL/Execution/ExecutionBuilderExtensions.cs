using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;

namespace DualRandomGraph.GraphQL.Execution;

public static class ExecutionBuilderExtensions
{
    /// <summary>
    /// Queries run on <see cref="InlineExecutionStrategy"/>, and the property fields of auto-registering types get
    /// <see cref="PropertyFieldResolver"/>s that it reads in place. Mutations keep GraphQL.NET's serial strategy.
    /// </summary>
    public static IGraphQLBuilder AddInlineExecution(this IGraphQLBuilder builder)
        => builder
            .AddSchemaVisitor<PropertyFieldResolverVisitor>()
            .AddExecutionStrategy<InlineExecutionStrategy>(OperationType.Query);
}
