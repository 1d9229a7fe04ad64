using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace DualRandomGraph.Tests.Shared;

/// <summary>
/// A <see cref="ClientWebSocket"/> that speaks graphql-transport-ws by hand, so that tests can also send what a
/// well-behaved client never would. A background loop reads every frame into a queue, which lets a test wait for
/// the next message with a timeout, or make sure none arrives, without aborting the socket.
/// </summary>
public sealed class GraphQLWsTestClient : IAsyncDisposable
{
    /// <summary>How long any expected message may take: generous, since it only matters when a test fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Channel<Frame> _frames = Channel.CreateUnbounded<Frame>();
    private readonly Task _reader;

    private GraphQLWsTestClient(ClientWebSocket socket)
    {
        Socket = socket;
        _reader = ReadAsync();
    }

    public ClientWebSocket Socket { get; }

    public static async Task<GraphQLWsTestClient> ConnectAsync(
        Uri uri, string? subProtocol = "graphql-transport-ws", Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        if (subProtocol is not null)
            socket.Options.AddSubProtocol(subProtocol);
        configure?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(Timeout);
        await socket.ConnectAsync(uri, timeout.Token);
        return new GraphQLWsTestClient(socket);
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    /// <summary>Sends <c>connection_init</c> and expects <c>connection_ack</c>.</summary>
    public async Task InitAsync(object? payload = null)
    {
        await SendAsync(payload is null ? new { type = "connection_init" } : new { type = "connection_init", payload });
        await ExpectAsync("connection_ack");
    }

    public Task SubscribeAsync(string id, string query, object? variables = null)
        => SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    public Task CompleteAsync(string id) => SendAsync(new { id, type = "complete" });

    /// <summary>The next message, which must be of <paramref name="type"/> (and for <paramref name="id"/>, when given).</summary>
    public async Task<JsonElement> ExpectAsync(string type, string? id = null)
    {
        var frame = await NextFrameAsync();
        Assert.True(frame.Message is not null, $"expected a '{type}' message, got the close {frame.CloseCode} '{frame.CloseReason}'");
        var message = frame.Message.Value;
        var matches = message.GetProperty("type").GetString() == type
            && (id is null || (message.TryGetProperty("id", out var actualId) && actualId.GetString() == id));
        Assert.True(matches, $"expected a '{type}' message{(id is null ? "" : $" for '{id}'")}, got {message}");
        return message;
    }

    /// <summary>The <c>payload</c> of the next message, which must be a <c>next</c> for <paramref name="id"/>.</summary>
    public async Task<JsonElement> ExpectNextAsync(string id) => (await ExpectAsync("next", id)).GetProperty("payload");

    /// <summary>The next frame must be the server's close; returns its code and reason.</summary>
    public async Task<(int Code, string? Reason)> ExpectCloseAsync()
    {
        var frame = await NextFrameAsync();
        Assert.True(frame.Message is null, $"expected the socket to close, got {frame.Message}");
        return (frame.CloseCode!.Value, frame.CloseReason);
    }

    /// <summary>Asserts that nothing arrives for a little while (as long as a test can afford to wait for a non-event).</summary>
    public async Task ExpectSilenceAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? TimeSpan.FromMilliseconds(300));
        try
        {
            var frame = await _frames.Reader.ReadAsync(timeout.Token);
            Assert.Fail($"expected nothing, got {frame.Message?.ToString() ?? $"the close {frame.CloseCode}"}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
        }
    }

    /// <summary>Closes normally and waits for the server's answering close frame.</summary>
    public async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
        await _reader.WaitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
            Socket.Abort();
        try
        {
            await _reader.WaitAsync(Timeout);
        }
        finally
        {
            Socket.Dispose();
        }
    }

    private async Task<Frame> NextFrameAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            return await _frames.Reader.ReadAsync(timeout.Token);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The socket ended without a close frame.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"Nothing arrived within {Timeout}.");
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await Socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _frames.Writer.TryWrite(new Frame(null, (int?)result.CloseStatus, result.CloseStatusDescription));
                    // Completes the handshake the server started (when it was the server's close).
                    if (Socket.State == WebSocketState.CloseReceived)
                        await Socket.CloseOutputAsync(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;

                using var document = JsonDocument.Parse(message.ToArray());
                _frames.Writer.TryWrite(new Frame(document.RootElement.Clone(), null, null));
                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Aborted by the test, or by the server: the queue simply ends.
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }

    private sealed record Frame(JsonElement? Message, int? CloseCode, string? CloseReason);
}
