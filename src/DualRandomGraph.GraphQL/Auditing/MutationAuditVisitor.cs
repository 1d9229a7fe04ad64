using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace DualRandomGraph.GraphQL.Auditing;

/// <summary>
/// Wraps, once at schema start-up, the resolver of every root mutation field, so every mutation, present and
/// future, is audited without feature code knowing. Registered after field authorization, it wraps the authorizing
/// resolver and so also records the calls that authorization denies. See <see cref="AuditingGraphQLBuilderExtensions"/>.
/// </summary>
public sealed class MutationAuditVisitor : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        if (ReferenceEquals(type, schema.Mutation))
        {
            field.Resolver = new AuditingFieldResolver(field.Resolver ?? NameFieldResolver.Instance);
        }
    }
}
