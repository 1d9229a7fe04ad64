using System.Net;
using DualRandomGraph.GraphQL.WebSockets;
using DualRandomGraph.Tests.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.Api.Tests.Infrastructure;

/// <summary>
/// The real server on Kestrel at 127.0.0.1 and a free port instead of the in-memory test server, for clients that need
/// a real socket: WebSocket clients, Node.js tools, a browser.
/// </summary>
public sealed class KestrelApiFactory : ApiFactory
{
    public KestrelApiFactory() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    /// <summary>Where the server listens, started on first use.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        }
    }

    public Uri GraphQLUri => new(BaseAddress, "/graphql");

    public Uri WebSocketUri => new UriBuilder(GraphQLUri) { Scheme = "ws" }.Uri;

    /// <summary>A graphql-transport-ws connection, acknowledged, with the token (if any) in <c>connection_init</c> as a browser sends it.</summary>
    public async Task<GraphQLWsTestClient> ConnectAsync(string? token)
    {
        var client = await GraphQLWsTestClient.ConnectAsync(WebSocketUri);
        await client.InitAsync(token is null ? null : new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" });
        return client;
    }

    /// <summary>Subscriptions to <typeparamref name="TEvent"/> now, the server's own listeners included.</summary>
    public int Subscribers<TEvent>() => Services.GetRequiredService<IEventStream<TEvent>>().SubscriberCount;

    /// <summary>Waits until <paramref name="expected"/> subscriptions listen to <typeparamref name="TEvent"/>: a subscribe message is set up asynchronously.</summary>
    public async Task WaitForSubscribersAsync<TEvent>(int expected)
    {
        var stream = Services.GetRequiredService<IEventStream<TEvent>>();
        var deadline = DateTime.UtcNow + GraphQLWsTestClient.Timeout;
        while (stream.SubscriberCount != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected {expected} subscribers of {typeof(TEvent).Name}, found {stream.SubscriberCount}");
            await Task.Delay(10);
        }
    }
}
