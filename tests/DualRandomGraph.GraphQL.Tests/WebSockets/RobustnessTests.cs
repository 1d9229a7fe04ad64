using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using DualRandomGraph.Tests.Shared;

namespace DualRandomGraph.GraphQL.Tests.WebSockets;

/// <summary>Many sockets, sockets that vanish, slow readers, and a server that stops.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public async Task Many_concurrent_subscribers_each_get_every_event_in_order()
    {
        const int Sockets = 40;
        const int Events = 25;
        await using var host = await WebSocketTestHost.StartAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, Sockets).Select(_ => host.ConnectAndInitAsync()));
        try
        {
            await Task.WhenAll(clients.Select(c => c.SubscribeAsync("e", "subscription { allEvents { number } }")));
            await host.WaitForSubscribersAsync(Sockets);

            var publishing = Task.Run(async () =>
            {
                for (var i = 1; i <= Events; i++)
                    await host.Events.PublishAsync(new TestEvent(i, "broadcast"));
            });
            var received = await Task.WhenAll(clients.Select(async c =>
            {
                var numbers = new List<int>();
                for (var i = 0; i < Events; i++)
                    numbers.Add((await c.ExpectNextAsync("e")).GetProperty("data").GetProperty("allEvents").GetProperty("number").GetInt32());
                return numbers;
            }));
            await publishing;

            Assert.All(received, numbers => Assert.Equal(Enumerable.Range(1, Events), numbers));
            await Task.WhenAll(clients.Select(c => c.CloseAsync()));
            await host.WaitForSubscribersAsync(0);
            Assert.Empty(host.TransportProblems());
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task Concurrent_subscriptions_on_one_socket_interleave_through_one_writer_each_in_order()
    {
        const int Subscriptions = 5;
        const int Events = 40;
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAndInitAsync();
        for (var s = 0; s < Subscriptions; s++)
            await client.SubscribeAsync($"s{s}", "subscription { allEvents { number } }");
        await host.WaitForSubscribersAsync(Subscriptions);

        for (var i = 1; i <= Events; i++)
            await host.Events.PublishAsync(new TestEvent(i, "burst"));
        var received = new Dictionary<string, List<int>>();
        for (var i = 0; i < Subscriptions * Events; i++)
        {
            var message = await client.ExpectAsync("next");
            var id = message.GetProperty("id").GetString()!;
            var number = message.GetProperty("payload").GetProperty("data").GetProperty("allEvents").GetProperty("number").GetInt32();
            received.TryAdd(id, []);
            received[id].Add(number);
        }

        Assert.Equal(Subscriptions, received.Count);
        Assert.All(received.Values, numbers => Assert.Equal(Enumerable.Range(1, Events), numbers));
        Assert.Empty(host.TransportProblems());
    }

    [Fact]
    public async Task Sockets_closed_or_aborted_mid_stream_leave_no_subscriber_no_error_and_no_unobserved_exception()
    {
        var unobserved = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            if (e.Exception.ToString().Contains("DualRandomGraph.GraphQL.WebSockets", StringComparison.Ordinal))
                unobserved.Enqueue(e.Exception);
        }

        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            await using var host = await WebSocketTestHost.StartAsync();
            var clients = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => host.ConnectAndInitAsync()));
            foreach (var client in clients)
            {
                await client.SubscribeAsync("e", "subscription { allEvents { number } }");
                await client.SubscribeAsync("q", "{ slow }");
            }

            await host.WaitForSubscribersAsync(clients.Length);
            using var flood = new CancellationTokenSource();
            var publishing = Task.Run(async () =>
            {
                for (var i = 0; !flood.IsCancellationRequested; i++)
                {
                    await host.Events.PublishAsync(new TestEvent(i, "mid-stream"));
                    await Task.Delay(1);
                }
            });
            await clients[0].ExpectNextAsync("e");

            for (var i = 0; i < clients.Length; i++)
            {
                if (i % 2 == 0)
                    clients[i].Socket.Abort();
                else
                    await clients[i].Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }

            await host.WaitForSubscribersAsync(0);
            await flood.CancelAsync();
            await publishing;
            foreach (var client in clients)
                await client.DisposeAsync();
            GC.Collect();
            GC.WaitForPendingFinalizers();

            Assert.Empty(host.TransportProblems());
            Assert.Empty(unobserved);
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    [Fact]
    public async Task Stopping_the_server_closes_every_socket_with_1001_and_releases_the_subscribers()
    {
        var host = await WebSocketTestHost.StartAsync();
        await using var first = await host.ConnectAndInitAsync();
        await using var second = await host.ConnectAsync();
        await first.SubscribeAsync("e", "subscription { allEvents { number } }");
        await host.WaitForSubscribersAsync(1);
        var events = host.Events;

        var stopwatch = Stopwatch.StartNew();
        var stopping = host.DisposeAsync().AsTask();
        var firstClose = await first.ExpectCloseAsync();
        var secondClose = await second.ExpectCloseAsync();
        await stopping;

        Assert.Equal((1001, "Server shutting down"), firstClose);
        Assert.Equal(1001, secondClose.Code);
        Assert.Equal(0, events.SubscriberCount);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task A_client_that_reads_too_slowly_is_closed_with_1013_instead_of_buffering_without_bound()
    {
        await using var host = await WebSocketTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:WebSockets:MaxQueuedMessages"] = "8" });
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(host.WebSocketUri, CancellationToken.None);
        await SendAsync(socket, """{"type":"connection_init"}""");
        await SendAsync(socket, """{"type":"subscribe","id":"e","payload":{"query":"subscription { allEvents { text } }"}}""");
        await host.WaitForSubscribersAsync(1);

        // The client reads nothing: once the kernel's buffers are full, the server's queue fills up.
        var text = new string('x', 64 * 1024);
        for (var i = 0; i < 1000 && socket.State == WebSocketState.Open && host.Events.SubscriberCount > 0; i++)
        {
            await host.Events.PublishAsync(new TestEvent(i, text));
            if (i % 50 == 0)
                await Task.Delay(10);
        }

        var buffer = new byte[128 * 1024];
        using var timeout = new CancellationTokenSource(GraphQLWsTestClient.Timeout);
        WebSocketReceiveResult result;
        do
            result = await socket.ReceiveAsync(buffer, timeout.Token);
        while (result.MessageType != WebSocketMessageType.Close);

        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);

        Assert.Equal(1013, (int)result.CloseStatus!.Value);
        Assert.Equal(0, host.Events.SubscriberCount);
    }

    private static Task SendAsync(ClientWebSocket socket, string json)
        => socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
}
