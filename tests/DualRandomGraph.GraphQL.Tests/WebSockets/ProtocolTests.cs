using System.Net;
using System.Net.WebSockets;
using System.Text;

namespace DualRandomGraph.GraphQL.Tests.WebSockets;

/// <summary>The connection handshake, ping/pong, and the close code of every protocol error.</summary>
public sealed class ProtocolTests
{
    [Fact]
    public async Task Init_is_acknowledged_pings_are_answered_with_their_payload_and_a_normal_close_is_echoed()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAsync();

        Assert.Equal("graphql-transport-ws", client.Socket.SubProtocol);
        await client.InitAsync(new { hello = "server" });
        await client.SendAsync(new { type = "ping", payload = new { sent = 42 } });
        var pong = await client.ExpectAsync("pong");
        await client.SendAsync(new { type = "ping" });
        var bare = await client.ExpectAsync("pong");
        await client.SendAsync(new { type = "pong" });
        await client.ExpectSilenceAsync();
        await client.CloseAsync();

        Assert.Equal(42, pong.GetProperty("payload").GetProperty("sent").GetInt32());
        Assert.False(bare.TryGetProperty("payload", out _));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.Socket.CloseStatus);
        Assert.Empty(host.TransportProblems());
    }

    [Fact]
    public async Task A_ping_is_answered_even_before_connection_init()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAsync();

        await client.SendAsync(new { type = "ping" });

        await client.ExpectAsync("pong");
    }

    [Theory]
    [InlineData("not JSON", false, "{oops", 4400, "not JSON")]
    [InlineData("not an object", false, "[1]", 4400, "not a JSON object")]
    [InlineData("no type", false, """{"id":"1"}""", 4400, "'type'")]
    [InlineData("type not a string", false, """{"type":1}""", 4400, "'type'")]
    [InlineData("unknown type", false, """{"type":"hello"}""", 4400, "unknown type 'hello'")]
    [InlineData("a server message from the client", true, """{"type":"next","id":"1","payload":{}}""", 4400, "unknown type 'next'")]
    [InlineData("init payload not an object", false, """{"type":"connection_init","payload":"token"}""", 4400, "'payload'")]
    [InlineData("ping payload not an object", false, """{"type":"ping","payload":[1]}""", 4400, "'payload'")]
    [InlineData("subscribe before ack", false, """{"type":"subscribe","id":"1","payload":{"query":"{ hello }"}}""", 4401, "Unauthorized")]
    [InlineData("second init", true, """{"type":"connection_init"}""", 4429, "Too many initialisation requests")]
    [InlineData("subscribe without id", true, """{"type":"subscribe","payload":{"query":"{ hello }"}}""", 4400, "'id'")]
    [InlineData("subscribe with an empty id", true, """{"type":"subscribe","id":"","payload":{"query":"{ hello }"}}""", 4400, "'id'")]
    [InlineData("subscribe with a numeric id", true, """{"type":"subscribe","id":1,"payload":{"query":"{ hello }"}}""", 4400, "'id'")]
    [InlineData("subscribe without payload", true, """{"type":"subscribe","id":"1"}""", 4400, "'payload'")]
    [InlineData("query not a string", true, """{"type":"subscribe","id":"1","payload":{"query":{}}}""", 4400, "'payload.query'")]
    [InlineData("variables not an object", true, """{"type":"subscribe","id":"1","payload":{"query":"{ hello }","variables":[]}}""", 4400, "'variables'")]
    [InlineData("extensions not an object", true, """{"type":"subscribe","id":"1","payload":{"query":"{ hello }","extensions":"x"}}""", 4400, "'extensions'")]
    [InlineData("operationName not a string", true, """{"type":"subscribe","id":"1","payload":{"query":"{ hello }","operationName":1}}""", 4400, "'operationName'")]
    [InlineData("complete without id", true, """{"type":"complete"}""", 4400, "'id'")]
    public async Task A_protocol_error_closes_the_socket_with_its_code(string name, bool init, string message, int code, string reason)
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAsync();
        if (init)
            await client.InitAsync();

        await client.SendTextAsync(message);
        var close = await client.ExpectCloseAsync();

        Assert.True(code == close.Code, $"{name}: closed with {close.Code} '{close.Reason}'");
        Assert.Contains(reason, close.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_subscribe_with_an_active_id_closes_with_4409()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAndInitAsync();

        await client.SubscribeAsync("same", "subscription { allEvents { number } }");
        await client.SubscribeAsync("same", "{ hello }");
        var close = await client.ExpectCloseAsync();

        Assert.Equal((4409, "Subscriber for same already exists"), close);
        await host.WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task A_close_reason_naming_a_huge_id_is_cut_to_what_a_close_frame_holds()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAndInitAsync();
        var id = new string('é', 100_000);

        await client.SubscribeAsync(id, "subscription { allEvents { number } }");
        await client.SubscribeAsync(id, "{ hello }");
        var close = await client.ExpectCloseAsync();

        Assert.Equal(4409, close.Code);
        Assert.StartsWith("Subscriber for éé", close.Reason, StringComparison.Ordinal);
        Assert.EndsWith("...", close.Reason, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(close.Reason!), 100, 123);
    }

    [Fact]
    public async Task A_binary_message_closes_with_4400()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAsync();

        await client.Socket.SendAsync(Encoding.UTF8.GetBytes("""{"type":"connection_init"}"""), WebSocketMessageType.Binary, true, CancellationToken.None);

        Assert.Equal(4400, (await client.ExpectCloseAsync()).Code);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_with_1009_whatever_its_framing()
    {
        await using var host = await WebSocketTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:WebSockets:MaxMessageSize"] = "1024" });
        await using var atLimit = await host.ConnectAsync();
        await using var overLimit = await host.ConnectAsync();
        await using var fragmented = await host.ConnectAsync();
        var padded = $$$"""{"type":"connection_init","payload":{"pad":"{{{new string('x', 1024 - 47)}}}"}}""";

        await atLimit.SendTextAsync(padded);
        await overLimit.SendTextAsync(padded.Replace("xx", "xxx", StringComparison.Ordinal));
        // Never ending: frames without end-of-message must not be buffered past the limit either.
        for (var i = 0; i < 20; i++)
            await fragmented.Socket.SendAsync(new byte[200], WebSocketMessageType.Text, endOfMessage: false, CancellationToken.None);

        Assert.Equal(1024, Encoding.UTF8.GetByteCount(padded));
        await atLimit.ExpectAsync("connection_ack");
        Assert.Equal(1009, (await overLimit.ExpectCloseAsync()).Code);
        Assert.Equal(1009, (await fragmented.ExpectCloseAsync()).Code);
    }

    [Fact]
    public async Task Without_connection_init_in_time_the_socket_closes_with_4408()
    {
        await using var host = await WebSocketTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:WebSockets:ConnectionInitTimeout"] = "00:00:00.2" });
        await using var silent = await host.ConnectAsync();
        await using var prompt = await host.ConnectAsync();

        await prompt.InitAsync();
        var close = await silent.ExpectCloseAsync();

        Assert.Equal((4408, "Connection initialisation timeout"), close);
        await Task.Delay(300);
        await prompt.SendAsync(new { type = "ping" });
        await prompt.ExpectAsync("pong");
    }

    [Fact]
    public async Task With_a_keep_alive_interval_the_server_pings_after_the_ack()
    {
        await using var host = await WebSocketTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:WebSockets:KeepAliveInterval"] = "00:00:00.1" });
        await using var client = await host.ConnectAndInitAsync();

        await client.ExpectAsync("ping");
        await client.SendAsync(new { type = "pong" });
        await client.ExpectAsync("ping");
    }

    [Theory]
    [InlineData("graphql-ws")]
    [InlineData(null)]
    public async Task Other_sub_protocols_are_refused_with_400_before_the_upgrade(string? subProtocol)
    {
        await using var host = await WebSocketTestHost.StartAsync();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (subProtocol is not null)
            socket.Options.AddSubProtocol(subProtocol);

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(host.WebSocketUri, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Plain_HTTP_at_the_same_path_is_still_the_HTTP_transport_and_refuses_subscriptions()
    {
        await using var host = await WebSocketTestHost.StartAsync();

        using var query = await host.Http.PostAsync("/graphql", Json("""{"query":"{ hello }"}"""));
        using var subscription = await host.Http.PostAsync("/graphql", Json("""{"query":"subscription { allEvents { number } }"}"""));

        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, subscription.StatusCode);
        Assert.Contains("SUBSCRIPTION_NOT_SUPPORTED", await subscription.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
