using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.MicrosoftDI;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DualRandomGraph.GraphQL.WebSockets;

public static class GraphQLWebSocketExtensions
{
    /// <summary>
    /// Registers the GraphQL-over-WebSocket transport: its options (from <c>GraphQL:WebSockets</c>), the default
    /// <see cref="IWebSocketAuthenticator"/>, an in-process <see cref="IEventStream{TEvent}"/> for every event type
    /// (options from <c>GraphQL:EventStreams</c>), the subscribe-time check of subscription fields' access rules,
    /// and GraphQL.NET's scoped subscription strategy, which executes each event in a service scope of its own
    /// (a subscription strategy the host registered earlier takes precedence).
    /// </summary>
    public static IServiceCollection AddGraphQLWebSockets(this IServiceCollection services)
    {
        services.AddOptions<GraphQLWebSocketOptions>()
            .BindConfiguration(GraphQLWebSocketOptions.SectionName)
            .Validate(o => o.ConnectionInitTimeout > TimeSpan.Zero, "GraphQL:WebSockets:ConnectionInitTimeout must be positive.")
            .Validate(o => o.KeepAliveInterval >= TimeSpan.Zero, "GraphQL:WebSockets:KeepAliveInterval must not be negative.")
            .Validate(o => o.MaxMessageSize > 0, "GraphQL:WebSockets:MaxMessageSize must be positive.")
            .Validate(o => o.MaxOperations > 0, "GraphQL:WebSockets:MaxOperations must be positive.")
            .Validate(o => o.MaxQueuedMessages > 0, "GraphQL:WebSockets:MaxQueuedMessages must be positive.")
            .Validate(o => o.ExecutionTimeout >= TimeSpan.Zero, "GraphQL:WebSockets:ExecutionTimeout must not be negative.")
            .ValidateOnStart();
        services.AddOptions<EventStreamOptions>()
            .BindConfiguration(EventStreamOptions.SectionName)
            .Validate(o => o.SubscriberBufferSize > 0, "GraphQL:EventStreams:SubscriberBufferSize must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton(typeof(IEventStream<>), typeof(EventStream<>));
        services.TryAddSingleton<IWebSocketAuthenticator, BearerTokenWebSocketAuthenticator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureSchema, SubscriptionAuthorizationConfiguration>());

        // Events of one subscription execute concurrently; sharing the subscribe request's scope (a DbContext)
        // between them would not be safe. Within one event, fields resolve in parallel as in a query.
        services.AddSingleton(provider => new ExecutionStrategyRegistration(
            new ScopedSubscriptionExecutionStrategy(provider.GetRequiredService<IServiceScopeFactory>(), new ParallelExecutionStrategy()),
            OperationType.Subscription));
        return services;
    }

    /// <summary>
    /// Serves <c>graphql-transport-ws</c> sockets at <paramref name="path"/> exactly. Place it after
    /// <c>UseAuthentication</c> (the upgrade request's user is the socket's user unless <c>connection_init</c>
    /// carries a token) and before <c>UseGraphQLHttp</c> on the same path, which would answer the upgrade itself.
    /// </summary>
    public static IApplicationBuilder UseGraphQLWebSockets(this IApplicationBuilder app, string path = "/graphql")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        // Fail at start-up, not at the first socket, when the host forgot a registration.
        if (app.ApplicationServices.GetService<IGraphQLTextSerializer>() is null)
            throw new InvalidOperationException("UseGraphQLWebSockets needs GraphQL.NET's System.Text.Json serializer: services.AddGraphQL(b => b.AddSystemTextJson()).");
        if (app.ApplicationServices.GetService<IWebSocketAuthenticator>() is null)
            throw new InvalidOperationException("UseGraphQLWebSockets needs services.AddGraphQLWebSockets().");

        // Harmless when the host already added it: the middleware steps aside when the feature exists.
        app.UseWebSockets();
        return app.UseMiddleware<GraphQLWebSocketMiddleware>(new PathString(path.TrimEnd('/')));
    }
}
