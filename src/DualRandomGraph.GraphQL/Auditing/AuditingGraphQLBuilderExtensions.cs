using GraphQL;
using GraphQL.DI;

namespace DualRandomGraph.GraphQL.Auditing;

public static class AuditingGraphQLBuilderExtensions
{
    /// <summary>
    /// Audits every root mutation field through the registered <see cref="IAuditSink"/>. Call it after
    /// <c>AddFieldAuthorization</c>: visitors wrap in registration order, and the audit must be outermost to see denials.
    /// </summary>
    public static IGraphQLBuilder AddMutationAuditing(this IGraphQLBuilder builder)
        => builder.AddSchemaVisitor<MutationAuditVisitor>();
}
