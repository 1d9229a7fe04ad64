using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Logging;

namespace DualRandomGraph.GraphQL.WebSockets;

/// <summary>
/// The WebSocket underneath the protocol: whole JSON messages in, bounded in size; messages out through one queue
/// and one writer (a WebSocket allows a single send at a time); and the close handshake, which any party may start
/// from any thread and which always goes out before anything still queued.
/// </summary>
internal sealed partial class MessageSocket : IDisposable
{
    // How long the peer has to answer our close frame, and the send loop to get it out, before the socket is aborted.
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    // A buffer grown by one large message is not kept for the rest of a long-lived socket.
    private const int RetainedBufferSize = 64 * 1024;
    private const int ReadSize = 4096;

    private static readonly CloseRequest Gone = new(WebSocketCloseStatus.Empty, null);

    private readonly WebSocket _socket;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly ILogger _logger;
    private readonly int _maxMessageSize;
    private readonly Action _abort;
    private readonly CancellationToken _aborted;
    private readonly Channel<OperationMessage> _outgoing;
    private readonly CancellationTokenSource _receiveStop;
    private readonly CancellationTokenSource _closing = new();
    private readonly Lock _sourcesGate = new();
    private ArrayBufferWriter<byte> _received = new(ReadSize);
    private CloseRequest? _close;
    private volatile bool _outgoingCompleted;
    private bool _disposed;

    // abort tears the connection down without a handshake (HttpContext.Abort); aborted is signalled when the
    // connection is gone (HttpContext.RequestAborted).
    public MessageSocket(
        WebSocket socket, IGraphQLTextSerializer serializer, GraphQLWebSocketOptions options, ILogger logger, Action abort, CancellationToken aborted)
    {
        _socket = socket;
        _serializer = serializer;
        _logger = logger;
        _maxMessageSize = options.MaxMessageSize;
        _abort = abort;
        _aborted = aborted;
        _outgoing = Channel.CreateBounded<OperationMessage>(new BoundedChannelOptions(options.MaxQueuedMessages) { SingleReader = true });
        _receiveStop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
    }

    /// <summary>True once a close was requested or the socket went away: nothing more is received or sent.</summary>
    public bool IsClosing => Volatile.Read(ref _close) is not null;

    /// <summary>Cancelled as soon as <see cref="IsClosing"/> turns true, so that work for the socket stops at once.</summary>
    public CancellationToken Closing => _closing.Token;

    /// <summary>
    /// Receives until the close handshake ends or the connection is lost, passing each text message to
    /// <paramref name="onMessage"/> (one at a time; the memory is valid until the returned task completes).
    /// </summary>
    public async Task RunAsync(Func<ReadOnlyMemory<byte>, Task> onMessage)
    {
        var sendLoop = SendLoopAsync();
        try
        {
            await ReceiveLoopAsync(onMessage);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client vanished, or did not answer our close frame in time: nothing to tell anyone.
            LogConnectionLost(ex);
        }
        finally
        {
            // Later close requests (from operations still winding down) have nobody left to reach.
            Interlocked.CompareExchange(ref _close, Gone, null);
            CompleteOutgoing();
            _closing.Cancel();
            if (await Task.WhenAny(sendLoop, Task.Delay(CloseTimeout, CancellationToken.None)) != sendLoop)
                _abort();
            await sendLoop;
        }
    }

    /// <summary>
    /// Queues a message. Returns false when the socket is closing; a full queue means the client reads too slowly,
    /// and closes the socket with 1013 rather than buffer without bound.
    /// </summary>
    public bool TrySend(OperationMessage message)
    {
        if (_outgoing.Writer.TryWrite(message))
            return true;

        if (!_outgoingCompleted)
        {
            LogSlowClient(_outgoing.Reader.Count);
            Close(GraphQLWebSocketCloseCodes.TryAgainLater, "Too many messages queued: the client reads too slowly");
        }

        return false;
    }

    /// <summary>Starts the close handshake with <paramref name="code"/>; the first request wins, later ones are ignored.</summary>
    public void Close(int code, string reason)
    {
        var request = new CloseRequest((WebSocketCloseStatus)code, Truncate(reason));
        if (Interlocked.CompareExchange(ref _close, request, null) is not null)
            return;
        LogClosing(code, request.Reason);
        CompleteOutgoing();

        // Close may come from any thread (a timer, the host stopping), late enough to meet Dispose.
        lock (_sourcesGate)
        {
            if (_disposed)
                return;
            _receiveStop.CancelAfter(CloseTimeout);
            _closing.Cancel();
        }
    }

    public void Dispose()
    {
        lock (_sourcesGate)
        {
            _disposed = true;
            _receiveStop.Dispose();
            _closing.Dispose();
        }
    }

    private void CompleteOutgoing()
    {
        // Flag first: TrySend must never mistake a completed queue for a full one.
        _outgoingCompleted = true;
        _outgoing.Writer.TryComplete();
    }

    private async Task ReceiveLoopAsync(Func<ReadOnlyMemory<byte>, Task> onMessage)
    {
        while (true)
        {
            var kind = await ReceiveMessageAsync(_receiveStop.Token);
            if (kind == WebSocketMessageType.Close)
            {
                // The peer's close: answer with its own code, as RFC 6455 asks; or it answered ours.
                Close((int)(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), "");
                return;
            }

            // Closing: everything but the peer's close frame is ignored.
            if (IsClosing)
                continue;

            if (_received.WrittenCount > _maxMessageSize)
            {
                Close(GraphQLWebSocketCloseCodes.MessageTooBig, $"Message larger than {_maxMessageSize} bytes");
                continue;
            }

            if (kind == WebSocketMessageType.Binary)
            {
                Close(GraphQLWebSocketCloseCodes.BadRequest, "Messages must be text (JSON), not binary");
                continue;
            }

            try
            {
                await onMessage(_received.WrittenMemory);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(ex);
                Close(GraphQLWebSocketCloseCodes.InternalServerError, "Internal server error");
            }

            if (_received.Capacity > RetainedBufferSize)
                _received = new ArrayBufferWriter<byte>(ReadSize);
        }
    }

    /// <summary>Reads one whole message into <see cref="_received"/>, or stops as soon as it grows past the limit.</summary>
    private async Task<WebSocketMessageType> ReceiveMessageAsync(CancellationToken cancellationToken)
    {
        _received.ResetWrittenCount();
        while (true)
        {
            // Never ask for more than one byte past the limit, so that an oversized message costs no more than that.
            var room = _maxMessageSize + 1 - _received.WrittenCount;
            var memory = _received.GetMemory(Math.Min(ReadSize, room));
            var result = await _socket.ReceiveAsync(memory[..Math.Min(memory.Length, room)], cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return WebSocketMessageType.Close;

            _received.Advance(result.Count);
            if (result.EndOfMessage || _received.WrittenCount > _maxMessageSize)
                return result.MessageType;
        }
    }

    private async Task SendLoopAsync()
    {
        using var buffer = new MemoryStream();
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(CancellationToken.None))
            {
                // A close jumps the queue: the protocol's closes are immediate.
                if (IsClosing)
                    break;

                buffer.SetLength(0);
                try
                {
                    await _serializer.WriteAsync(buffer, message, _aborted);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A result JSON cannot express: the socket can no longer keep its promises, so it closes.
                    LogSendFailed(ex);
                    Close(GraphQLWebSocketCloseCodes.InternalServerError, "Internal server error");
                    continue;
                }

                await _socket.SendAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), WebSocketMessageType.Text, endOfMessage: true, _aborted);
                if (buffer.Capacity > RetainedBufferSize)
                {
                    buffer.SetLength(0);
                    buffer.Capacity = RetainedBufferSize;
                }
            }

            if (Volatile.Read(ref _close) is { } close && close != Gone
                && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(close.Status, close.Reason, _aborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
        {
            // The connection is gone mid-write; make sure the receive side notices too.
            LogConnectionLost(ex);
            _abort();
        }
    }

    // RFC 6455 caps a close reason at 123 bytes of UTF-8.
    private static string Truncate(string reason)
    {
        const int MaxBytes = 123;
        if (Encoding.UTF8.GetByteCount(reason) <= MaxBytes)
            return reason;

        // Every char takes a byte at least, so no more than this many can fit: the loop stays short whatever the input.
        var end = Math.Min(reason.Length, MaxBytes - 3);
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, end)) > MaxBytes - 3)
            end--;
        if (end > 0 && char.IsHighSurrogate(reason[end - 1]))
            end--;
        return string.Concat(reason.AsSpan(0, end), "...");
    }

    private sealed record CloseRequest(WebSocketCloseStatus Status, string? Reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "GraphQL WebSocket closing with {Code}: {Reason}")]
    private partial void LogClosing(int code, string? reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "GraphQL WebSocket connection lost.")]
    private partial void LogConnectionLost(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GraphQL WebSocket client reads too slowly ({Queued} messages queued); closing it.")]
    private partial void LogSlowClient(int queued);

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL WebSocket message handling failed.")]
    private partial void LogHandlerFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL WebSocket could not serialise a message.")]
    private partial void LogSendFailed(Exception exception);
}
