using DualRandomGraph.GraphQL.Authorization;
using GraphQL;
using GraphQL.DI;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace DualRandomGraph.GraphQL.WebSockets;

/// <summary>
/// Field authorization wraps a field's resolver, which for a subscription field runs once per event: a client
/// without access could subscribe and then hear of nothing. This checks the same rule when the client subscribes,
/// so it gets an <c>error</c> message with <c>AUTH_NOT_AUTHENTICATED</c>/<c>AUTH_NOT_AUTHORIZED</c> at once.
/// Rules with named policies may look at the event, so they stay per event (where a denied event is not sent).
/// </summary>
internal sealed class SubscriptionAuthorizationConfiguration : IConfigureSchema
{
    public void Configure(ISchema schema, IServiceProvider serviceProvider) => schema.RegisterVisitor(new Visitor());

    private sealed class Visitor : BaseSchemaNodeVisitor
    {
        public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
        {
            if (field.StreamResolver is { } inner and not AuthorizingStreamResolver)
                field.StreamResolver = new AuthorizingStreamResolver(inner);
        }
    }

    private sealed class AuthorizingStreamResolver(ISourceStreamResolver inner) : ISourceStreamResolver
    {
        public async ValueTask<IObservable<object?>> ResolveAsync(IResolveFieldContext context)
        {
            // Read when subscribing, not when the schema is built: the field authorization visitor that
            // attaches the rule may run after this one, or not at all when the host does not use it.
            var rule = context.FieldDefinition.GetMetadata<FieldAccessRule?>(FieldAuthorizationVisitor.FieldAccessRuleMetadataKey);
            if (rule is { DependsOnResource: false })
                await AccessDenial.ThrowIfDeniedAsync(rule, context, context);
            return await inner.ResolveAsync(context);
        }
    }
}
