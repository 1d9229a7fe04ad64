namespace DualRandomGraph.GraphQL.WebSockets;

/// <summary>Settings of the GraphQL-over-WebSocket endpoint (<c>graphql-transport-ws</c>), bound from <c>GraphQL:WebSockets</c>.</summary>
public sealed class GraphQLWebSocketOptions
{
    public const string SectionName = "GraphQL:WebSockets";

    /// <summary>How long a new socket may stay silent before its <c>connection_init</c>; then it is closed with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Interval of the server's own <c>ping</c> messages once the connection is acknowledged, for clients and
    /// proxies that drop idle sockets. <see cref="TimeSpan.Zero"/> (the default) sends none; clients ping as they like.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.Zero;

    /// <summary>Largest incoming message in bytes (the same default as an HTTP body); a larger one closes the socket with 1009.</summary>
    public int MaxMessageSize { get; set; } = 1024 * 1024;

    /// <summary>
    /// Most operations (subscriptions, and queries or mutations still running) one socket may hold at once;
    /// a subscribe beyond it is answered with an <c>error</c> message, and the socket stays open.
    /// </summary>
    public int MaxOperations { get; set; } = 100;

    /// <summary>
    /// Most messages waiting to be written to one socket. A client that reads more slowly than its events
    /// arrive is closed with 1013 (try again later) instead of letting its queue grow without bound.
    /// </summary>
    public int MaxQueuedMessages { get; set; } = 1000;

    /// <summary>
    /// How long a query or mutation, or the setup of a subscription, may execute before it is cancelled and
    /// answered with an <c>EXECUTION_TIMEOUT</c> error; a subscription's event stream itself has no limit.
    /// <see cref="TimeSpan.Zero"/> disables the limit.
    /// </summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The ASP.NET Core authentication scheme that validates a token from the <c>connection_init</c> payload;
    /// unset, the default authenticate scheme (the host's JWT bearer scheme, typically).
    /// </summary>
    public string? AuthenticationScheme { get; set; }
}
