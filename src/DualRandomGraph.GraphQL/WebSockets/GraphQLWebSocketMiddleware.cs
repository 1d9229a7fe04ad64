using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.GraphQL.WebSockets;

/// <summary>
/// Accepts WebSocket upgrades at exactly one path for the <c>graphql-transport-ws</c> sub-protocol and serves
/// each socket until it closes. Every other request, plain HTTP to the same path included, goes to the next middleware.
/// </summary>
public sealed partial class GraphQLWebSocketMiddleware
{
    /// <summary>The sub-protocol of https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md.</summary>
    public const string SubProtocol = "graphql-transport-ws";

    private readonly RequestDelegate _next;
    private readonly PathString _path;
    private readonly GraphQLWebSocketOptions _options;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly IWebSocketAuthenticator _authenticator;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<GraphQLWebSocketMiddleware> _logger;

    public GraphQLWebSocketMiddleware(
        RequestDelegate next,
        PathString path,
        IOptions<GraphQLWebSocketOptions> options,
        IGraphQLTextSerializer serializer,
        IWebSocketAuthenticator authenticator,
        IServiceScopeFactory scopeFactory,
        IHostApplicationLifetime lifetime,
        ILogger<GraphQLWebSocketMiddleware> logger)
    {
        _next = next;
        _path = path;
        _options = options.Value;
        _serializer = serializer;
        _authenticator = authenticator;
        _scopeFactory = scopeFactory;
        _lifetime = lifetime;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || !context.Request.Path.Equals(_path, StringComparison.OrdinalIgnoreCase))
        {
            await _next(context);
            return;
        }

        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal))
        {
            // Refused before the upgrade: a browser would fail a handshake that answers without its sub-protocol
            // anyway, and a plain 400 tells every client why.
            LogSubProtocolRefused(string.Join(", ", context.WebSockets.WebSocketRequestedProtocols));
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                $"This endpoint speaks the '{SubProtocol}' WebSocket sub-protocol only; request it in Sec-WebSocket-Protocol.\n",
                context.RequestAborted);
            return;
        }

        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync(SubProtocol);
            using var messages = new MessageSocket(socket, _serializer, _options, _logger, context.Abort, context.RequestAborted);
            var connection = new GraphQLWsConnection(context, messages, _options, _serializer, _authenticator, _scopeFactory, _logger);
            await connection.RunAsync(_lifetime.ApplicationStopping);
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-way: not a server fault.
            LogClientAborted(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "GraphQL WebSocket upgrade refused: sub-protocols requested [{Requested}].")]
    private partial void LogSubProtocolRefused(string requested);

    [LoggerMessage(Level = LogLevel.Debug, Message = "GraphQL WebSocket abandoned: the client went away.")]
    private partial void LogClientAborted(Exception exception);
}
