using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace DualRandomGraph.GraphQL.Authorization;

/// <summary>
/// Wraps, once at schema start-up, the resolver of every field that has an access rule, so fields without
/// one cost nothing per request. Register with <see cref="AuthorizationGraphQLBuilderExtensions.AddFieldAuthorization"/>.
/// </summary>
public sealed class FieldAuthorizationVisitor : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        var rule = FieldAccessRule.For(field, type);
        if (rule is null)
        {
            return;
        }

        field.Resolver = new AuthorizingFieldResolver(field.Resolver ?? NameFieldResolver.Instance, rule);
        field.WithMetadata(FieldAccessRuleMetadataKey, rule);
    }

    /// <summary>Metadata key under which the applied rule is kept, for introspection-driven tooling and tests.</summary>
    public const string FieldAccessRuleMetadataKey = "DualRandomGraph.FieldAccessRule";
}
