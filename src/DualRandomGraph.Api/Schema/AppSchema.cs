using DualRandomGraph.GraphQL.Types;


namespace DualRandomGraph.Api.Schema;

/// <summary>The one schema; a singleton, since building a GraphQL.NET schema per request is slow.</summary>
public sealed class AppSchema : global::GraphQL.Types.Schema
{
    public AppSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription) : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        RegisterTypeMapping(typeof(DateOnly), typeof(DateScalarType));
        Description = "DualRandomGraph: 双随机、一公开 environmental spot-check supervision.";
    }
}
