using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using DualRandomGraph.GraphQL.Authorization;
using DualRandomGraph.GraphQL.Http;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualRandomGraph.GraphQL.WebSockets;

/// <summary>
/// One socket speaking <c>graphql-transport-ws</c> (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md):
/// the connection handshake and its user, and the operations, each executed in a service scope of its own.
/// Messages are handled one at a time in arrival order; operations run beside the receive loop, so that a slow
/// query or a long subscription never holds up a ping or a <c>complete</c>.
/// </summary>
internal sealed partial class GraphQLWsConnection
{
    private const int AwaitingInit = 0;
    private const int Initialising = 1;
    private const int Acknowledged = 2;

    private readonly HttpContext _httpContext;
    private readonly MessageSocket _socket;
    private readonly GraphQLWebSocketOptions _options;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly IWebSocketAuthenticator _authenticator;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _ended;
    private readonly Dictionary<string, GraphQLWsOperation> _operations = [];
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private volatile int _state = AwaitingInit;
    private ClaimsPrincipal _user = new();

    public GraphQLWsConnection(
        HttpContext httpContext,
        MessageSocket socket,
        GraphQLWebSocketOptions options,
        IGraphQLTextSerializer serializer,
        IWebSocketAuthenticator authenticator,
        IServiceScopeFactory scopeFactory,
        ILogger logger)
    {
        _httpContext = httpContext;
        _socket = socket;
        _options = options;
        _serializer = serializer;
        _authenticator = authenticator;
        _scopeFactory = scopeFactory;
        _logger = logger;
        // A closing socket has no use for its operations: they end with the first close request, not after the handshake.
        _ended = CancellationTokenSource.CreateLinkedTokenSource(socket.Closing);
    }

    /// <summary>Serves the socket until it closes; <paramref name="stopping"/> closes it with 1001.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        Track(CloseUnlessInitialisedAsync(_ended.Token));
        using var stoppingRegistration = stopping.Register(() => _socket.Close(GraphQLWebSocketCloseCodes.GoingAway, "Server shutting down"));
        try
        {
            await _socket.RunAsync(HandleMessageAsync);
        }
        finally
        {
            // Every operation and timer stops; their scopes are disposed before the request ends.
            _ended.Cancel();
            await Task.WhenAll(_running.Keys);
            _ended.Dispose();
        }
    }

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            BadRequest("Invalid message: not JSON");
            return;
        }

        using (document)
        {
            var message = document.RootElement;
            if (message.ValueKind != JsonValueKind.Object)
            {
                BadRequest("Invalid message: not a JSON object");
                return;
            }

            if (!message.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                BadRequest("Invalid message: no 'type' string");
                return;
            }

            switch (type.GetString())
            {
                case GraphQLWsMessageType.ConnectionInit:
                    await OnConnectionInitAsync(message);
                    break;
                case GraphQLWsMessageType.Ping:
                    if (TryGetOptionalObject(message, "payload", out var pingPayload))
                        _socket.TrySend(new OperationMessage { Type = GraphQLWsMessageType.Pong, Payload = pingPayload?.Clone() });
                    break;
                case GraphQLWsMessageType.Pong:
                    // An answer to our keep-alive, or a client's one-way heartbeat: only its shape matters.
                    TryGetOptionalObject(message, "payload", out _);
                    break;
                case GraphQLWsMessageType.Subscribe:
                    OnSubscribe(message);
                    break;
                case GraphQLWsMessageType.Complete:
                    OnComplete(message);
                    break;
                default:
                    BadRequest($"Invalid message: unknown type '{type.GetString()}'");
                    break;
            }
        }
    }

    private async Task OnConnectionInitAsync(JsonElement message)
    {
        if (_state != AwaitingInit)
        {
            _socket.Close(GraphQLWebSocketCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        if (!TryGetOptionalObject(message, "payload", out var payload))
            return;

        _state = Initialising;
        var result = await _authenticator.AuthenticateAsync(_httpContext, payload, _ended.Token);
        DateTimeOffset? expires;
        if (result.Succeeded)
        {
            _user = result.Principal;
            expires = result.Properties.ExpiresUtc;
        }
        else if (result.None)
        {
            // No credentials in the payload: whoever the upgrade request authenticated as (cookie, header), or nobody.
            _user = _httpContext.User;
            expires = _user.Identity?.IsAuthenticated == true
                ? _httpContext.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.ExpiresUtc
                : null;
        }
        else
        {
            LogAuthenticationRefused(result.Failure?.Message);
            _socket.Close(GraphQLWebSocketCloseCodes.Forbidden, "Forbidden");
            return;
        }

        _state = Acknowledged;
        _socket.TrySend(new OperationMessage { Type = GraphQLWsMessageType.ConnectionAck });
        if (_options.KeepAliveInterval > TimeSpan.Zero)
            Track(KeepAliveAsync(_options.KeepAliveInterval, _ended.Token));
        if (expires is { } expiry)
            Track(CloseWhenExpiredAsync(expiry, _ended.Token));
    }

    private void OnSubscribe(JsonElement message)
    {
        if (_state != Acknowledged)
        {
            _socket.Close(GraphQLWebSocketCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        if (!TryGetId(message, out var id) || !TryReadRequest(message, out var request))
            return;

        // Decided under the lock, acted upon outside it: closing or sending cancels tokens, whose callbacks may run
        // operations' continuations inline, and those take this lock too.
        GraphQLWsOperation? operation = null;
        bool duplicate;
        lock (_operations)
        {
            duplicate = _operations.ContainsKey(id);
            if (!duplicate && _operations.Count < _options.MaxOperations)
            {
                operation = new GraphQLWsOperation(id, _ended.Token);
                _operations.Add(id, operation);
            }
        }

        if (duplicate)
        {
            _socket.Close(GraphQLWebSocketCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
        }
        else if (operation is null)
        {
            var error = new ExecutionError($"A socket may run at most {_options.MaxOperations} operations at once.")
            {
                Code = GraphQLWebSocketErrorCodes.TooManyOperations,
            };
            _socket.TrySend(ErrorMessage(id, [error]));
        }
        else
        {
            Track(RunOperationAsync(operation, request));
        }
    }

    private void OnComplete(JsonElement message)
    {
        if (!TryGetId(message, out var id))
            return;

        // The client is done with this id and may reuse it at once; an unknown id is a race, not an error.
        GraphQLWsOperation? operation;
        lock (_operations)
            _operations.Remove(id, out operation);
        operation?.TryEnd();
    }

    private async Task RunOperationAsync(GraphQLWsOperation operation, GraphQLRequest request)
    {
        // Off the receive loop before parsing and validation, which may take a while.
        await Task.Yield();
        try
        {
            // The scope lives as long as the operation: a subscription's filters use it for every event.
            await using var scope = _scopeFactory.CreateAsyncScope();
            var result = await ExecuteAsync(operation, request, scope.ServiceProvider);
            if (result.Streams is { Count: > 0 } streams)
            {
                using var subscription = streams.Values.Single().Subscribe(new EventObserver(this, operation));
                await operation.Ended;
            }
            else if (!result.Executed || result.Operation?.Operation == OperationType.Subscription)
            {
                // Nothing ran (parse, validation, variables), or a subscription found no stream to set up.
                if (TryFinish(operation))
                    _socket.TrySend(ErrorMessage(operation.Id, result.Errors ?? []));
            }
            else if (TryFinish(operation))
            {
                _socket.TrySend(NextMessage(operation.Id, result));
                _socket.TrySend(CompleteMessage(operation.Id));
            }
        }
        catch (OperationCanceledException) when (operation.Token.IsCancellationRequested)
        {
            // The client completed the operation, or the socket went away: nobody is waiting for an answer.
        }
        catch (Exception ex)
        {
            LogOperationFailed(operation.Id, ex);
            if (TryFinish(operation))
                _socket.TrySend(ErrorMessage(operation.Id, [InternalError(ex)]));
        }
        finally
        {
            // Ended by now in every way but a cancellation; this only frees the id then.
            TryFinish(operation);
            operation.Dispose();
        }
    }

    private async Task<ExecutionResult> ExecuteAsync(GraphQLWsOperation operation, GraphQLRequest request, IServiceProvider services)
    {
        var executer = services.GetRequiredService<IDocumentExecuter<ISchema>>();
        var timeout = _options.ExecutionTimeout;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(operation.Token);
        if (timeout > TimeSpan.Zero)
            cancellation.CancelAfter(timeout);

        try
        {
            // The token only covers setting a subscription up: each event runs with a token of its own.
            var result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                User = _user,
                RequestServices = services,
                CancellationToken = cancellation.Token,
            });
            EnsureErrorCodes(result);
            return result;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested && !operation.Token.IsCancellationRequested)
        {
            LogTimeout(operation.Id, timeout);
            return new ExecutionResult(new ExecutionTimeoutError(timeout));
        }
    }

    /// <summary>Removes the operation, if it is still the one under its id, and ends it; true when this call ended it.</summary>
    private bool TryFinish(GraphQLWsOperation operation)
    {
        lock (_operations)
        {
            if (_operations.TryGetValue(operation.Id, out var current) && current == operation)
                _operations.Remove(operation.Id);
        }

        return operation.TryEnd();
    }

    private async Task CloseUnlessInitialisedAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(_options.ConnectionInitTimeout, cancellationToken);
        if (_state == AwaitingInit)
            _socket.Close(GraphQLWebSocketCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
    }

    private async Task KeepAliveAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
            _socket.TrySend(new OperationMessage { Type = GraphQLWsMessageType.Ping });
    }

    private async Task CloseWhenExpiredAsync(DateTimeOffset expires, CancellationToken cancellationToken)
    {
        // In steps: Task.Delay takes at most some 49 days, and a token may well live longer.
        for (var remaining = expires - DateTimeOffset.UtcNow; remaining > TimeSpan.Zero; remaining = expires - DateTimeOffset.UtcNow)
            await Task.Delay(remaining < TimeSpan.FromDays(1) ? remaining : TimeSpan.FromDays(1), cancellationToken);
        _socket.Close(GraphQLWebSocketCloseCodes.Forbidden, "Authentication expired");
    }

    /// <summary>Runs <paramref name="work"/> to its end without anyone having to observe it, and lets the socket wait for it.</summary>
    private void Track(Task work)
    {
        var tracked = ObserveAsync(work);
        _running.TryAdd(tracked, 0);
        _ = tracked.ContinueWith(static (task, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(task, out _),
            _running, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        async Task ObserveAsync(Task task)
        {
            try
            {
                await task;
            }
            catch (OperationCanceledException) when (_ended.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                LogBackgroundFailed(ex);
            }
        }
    }

    private bool TryGetId(JsonElement message, out string id)
    {
        if (message.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            id = text;
            return true;
        }

        id = "";
        BadRequest("Invalid message: 'id' must be a non-empty string");
        return false;
    }

    private bool TryReadRequest(JsonElement message, out GraphQLRequest request)
    {
        request = new GraphQLRequest();
        if (!message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            BadRequest("Invalid message: 'payload' must be an object");
            return false;
        }

        if (!payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            BadRequest("Invalid message: 'payload.query' must be a string");
            return false;
        }

        if (!TryGetOptionalString(payload, "operationName", out var operationName)
            || !TryGetOptionalObject(payload, "variables", out var variables)
            || !TryGetOptionalObject(payload, "extensions", out var extensions))
        {
            return false;
        }

        request.Query = query.GetString();
        request.OperationName = operationName;
        request.Variables = variables is { } v ? _serializer.ReadNode<Inputs>(v) : null;
        request.Extensions = extensions is { } e ? _serializer.ReadNode<Inputs>(e) : null;
        return true;
    }

    /// <summary>An optional member that must be an object when present and not null; a violation closes the socket.</summary>
    private bool TryGetOptionalObject(JsonElement parent, string name, out JsonElement? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var member) || member.ValueKind == JsonValueKind.Null)
            return true;
        if (member.ValueKind == JsonValueKind.Object)
        {
            value = member;
            return true;
        }

        BadRequest($"Invalid message: '{name}' must be an object or null");
        return false;
    }

    private bool TryGetOptionalString(JsonElement parent, string name, out string? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var member) || member.ValueKind == JsonValueKind.Null)
            return true;
        if (member.ValueKind == JsonValueKind.String)
        {
            value = member.GetString();
            return true;
        }

        BadRequest($"Invalid message: '{name}' must be a string or null");
        return false;
    }

    private void BadRequest(string reason) => _socket.Close(GraphQLWebSocketCloseCodes.BadRequest, reason);

    // As over HTTP: GraphQL.NET leaves an unexpected error of a bare System.Exception without a code.
    private static void EnsureErrorCodes(ExecutionResult result)
    {
        foreach (var error in result.Errors ?? [])
        {
            if (error is UnhandledError && string.IsNullOrEmpty(error.Code))
                error.Code = GraphQLHttpErrorCodes.InternalServerError;
        }
    }

    private static ExecutionError InternalError(Exception exception)
        => new UnhandledError("An unexpected error occurred while executing the operation.", exception) { Code = GraphQLHttpErrorCodes.InternalServerError };

    // A denied field is an error in a query; in an event, it means the event is not for this subscriber.
    private static bool IsWithheld(ExecutionResult result)
        => result.Errors?.Any(e => e.Code is AuthorizationErrorCodes.NotAuthenticated or AuthorizationErrorCodes.NotAuthorized) == true;

    private static OperationMessage NextMessage(string id, ExecutionResult result) => new() { Type = GraphQLWsMessageType.Next, Id = id, Payload = result };

    private static OperationMessage ErrorMessage(string id, IEnumerable<ExecutionError> errors)
        => new() { Type = GraphQLWsMessageType.Error, Id = id, Payload = errors.ToArray() };

    private static OperationMessage CompleteMessage(string id) => new() { Type = GraphQLWsMessageType.Complete, Id = id };

    /// <summary>Receives a subscription's results (GraphQL.NET calls it one event at a time, in order) and sends them.</summary>
    private sealed class EventObserver(GraphQLWsConnection connection, GraphQLWsOperation operation) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (operation.IsEnded)
                return;

            EnsureErrorCodes(value);
            if (IsWithheld(value))
            {
                connection.LogEventWithheld(operation.Id);
                return;
            }

            connection._socket.TrySend(NextMessage(operation.Id, value));
        }

        public void OnError(Exception error)
        {
            // GraphQL.NET has already turned the stream's exception into an error for the client (and its details
            // are only exposed per the error info provider); the operation ends with it.
            connection.LogStreamFailed(operation.Id, error);
            if (connection.TryFinish(operation))
                connection._socket.TrySend(ErrorMessage(operation.Id, [error as ExecutionError ?? InternalError(error)]));
        }

        public void OnCompleted()
        {
            if (connection.TryFinish(operation))
                connection._socket.TrySend(CompleteMessage(operation.Id));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GraphQL WebSocket authentication refused: {Reason}")]
    private partial void LogAuthenticationRefused(string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GraphQL WebSocket operation {Id} cancelled after the execution timeout of {Timeout}.")]
    private partial void LogTimeout(string id, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL WebSocket operation {Id} failed.")]
    private partial void LogOperationFailed(string id, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GraphQL WebSocket event stream of operation {Id} failed.")]
    private partial void LogStreamFailed(string id, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "GraphQL WebSocket event withheld from operation {Id}: the subscriber may not see it.")]
    private partial void LogEventWithheld(string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL WebSocket background work failed.")]
    private partial void LogBackgroundFailed(Exception exception);
}

/// <summary>The message types of <c>graphql-transport-ws</c>.</summary>
internal static class GraphQLWsMessageType
{
    public const string ConnectionInit = "connection_init";
    public const string ConnectionAck = "connection_ack";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Subscribe = "subscribe";
    public const string Next = "next";
    public const string Error = "error";
    public const string Complete = "complete";
}
