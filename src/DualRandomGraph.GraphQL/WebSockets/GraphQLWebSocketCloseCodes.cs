namespace DualRandomGraph.GraphQL.WebSockets;

/// <summary>
/// The close codes this transport ends a socket with: those of the <c>graphql-transport-ws</c> protocol
/// (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md) and standard WebSocket codes (RFC 6455).
/// </summary>
public static class GraphQLWebSocketCloseCodes
{
    /// <summary>The client closed normally; the server echoes its code.</summary>
    public const int NormalClosure = 1000;

    /// <summary>The server is shutting down; the reference client reconnects.</summary>
    public const int GoingAway = 1001;

    /// <summary>An incoming message exceeded <see cref="GraphQLWebSocketOptions.MaxMessageSize"/>.</summary>
    public const int MessageTooBig = 1009;

    /// <summary>The client read too slowly and <see cref="GraphQLWebSocketOptions.MaxQueuedMessages"/> piled up; the reference client reconnects.</summary>
    public const int TryAgainLater = 1013;

    /// <summary>A message that is not JSON, not text, of an unknown type or with a malformed field.</summary>
    public const int BadRequest = 4400;

    /// <summary>A <c>subscribe</c> before the server acknowledged the connection.</summary>
    public const int Unauthorized = 4401;

    /// <summary>The token in <c>connection_init</c> was refused, or the socket's authentication expired.</summary>
    public const int Forbidden = 4403;

    /// <summary>No <c>connection_init</c> within <see cref="GraphQLWebSocketOptions.ConnectionInitTimeout"/>.</summary>
    public const int ConnectionInitialisationTimeout = 4408;

    /// <summary>A <c>subscribe</c> with the id of an operation still running.</summary>
    public const int SubscriberAlreadyExists = 4409;

    /// <summary>A second <c>connection_init</c>.</summary>
    public const int TooManyInitialisationRequests = 4429;

    /// <summary>The server failed unexpectedly; the cause is logged.</summary>
    public const int InternalServerError = 4500;
}

/// <summary>The <c>extensions.code</c> values of errors the WebSocket transport itself produces.</summary>
public static class GraphQLWebSocketErrorCodes
{
    /// <summary>A <c>subscribe</c> beyond <see cref="GraphQLWebSocketOptions.MaxOperations"/>.</summary>
    public const string TooManyOperations = "TOO_MANY_OPERATIONS";
}
