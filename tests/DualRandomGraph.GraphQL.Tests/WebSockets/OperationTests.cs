using System.Text.Json;
using DualRandomGraph.Tests.Shared;

namespace DualRandomGraph.GraphQL.Tests.WebSockets;

/// <summary>Operations over the socket: single results, streams, their errors, and how each one ends.</summary>
public sealed class OperationTests
{
    [Fact]
    public async Task A_query_and_a_mutation_get_one_next_then_complete()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAndInitAsync();

        await client.SendAsync(new { id = "q", type = "subscribe", payload = new { query = "query Greet($name: String) { hello(name: $name) }", variables = new { name = "socket" }, operationName = "Greet" } });
        var query = await client.ExpectNextAsync("q");
        await client.ExpectAsync("complete", "q");
        await client.SubscribeAsync("m", "mutation { increment }");
        var mutation = await client.ExpectNextAsync("m");
        await client.ExpectAsync("complete", "m");

        Assert.Equal("Hello, socket!", query.GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal(1, mutation.GetProperty("data").GetProperty("increment").GetInt32());
    }

    [Fact]
    public async Task Validation_errors_arrive_as_one_error_message_with_an_array_and_no_complete()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAndInitAsync();

        await client.SubscribeAsync("bad", "{ nope alsoNope }");
        var error = await client.ExpectAsync("error", "bad");
        await client.ExpectSilenceAsync();

        var errors = error.GetProperty("payload");
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.Equal(2, errors.GetArrayLength());
        Assert.Contains("nope", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", errors[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Field_errors_of_a_query_are_data_in_next_not_an_error_message()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAndInitAsync();

        await client.SubscribeAsync("q", "{ hello boom }");
        var result = await client.ExpectNextAsync("q");
        await client.ExpectAsync("complete", "q");

        Assert.Equal("Hello, world!", result.GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal("INVALID_OPERATION", result.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("secret", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscription_streams_its_events_and_the_server_completes_it()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAndInitAsync();

        await client.SubscribeAsync("count", "subscription ($from: Int!) { countdown(from: $from) }", new { from = 3 });
        int[] values =
        [
            (await client.ExpectNextAsync("count")).GetProperty("data").GetProperty("countdown").GetInt32(),
            (await client.ExpectNextAsync("count")).GetProperty("data").GetProperty("countdown").GetInt32(),
            (await client.ExpectNextAsync("count")).GetProperty("data").GetProperty("countdown").GetInt32(),
        ];
        await client.ExpectAsync("complete", "count");

        Assert.Equal([3, 2, 1], values);
        // Completed by the server, the id is free again.
        await client.SubscribeAsync("count", "subscription { countdown(from: 1) }");
        await client.ExpectNextAsync("count");
        await client.ExpectAsync("complete", "count");
    }

    [Fact]
    public async Task Published_events_reach_the_subscriber_in_order_beside_other_operations()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAndInitAsync();
        await client.SubscribeAsync("events", "subscription { allEvents { number text } }");
        await host.WaitForSubscribersAsync(1);

        for (var i = 1; i <= 5; i++)
            await host.Events.PublishAsync(new TestEvent(i, $"event {i}"));
        var numbers = new List<int>();
        for (var i = 1; i <= 5; i++)
            numbers.Add((await client.ExpectNextAsync("events")).GetProperty("data").GetProperty("allEvents").GetProperty("number").GetInt32());
        await client.SubscribeAsync("q", "{ hello }");
        await client.ExpectNextAsync("q");
        await client.ExpectAsync("complete", "q");

        Assert.Equal([1, 2, 3, 4, 5], numbers);
    }

    [Fact]
    public async Task Complete_from_the_client_stops_the_stream_releases_the_subscriber_and_frees_the_id()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAndInitAsync();
        await client.SubscribeAsync("s", "subscription { allEvents { number } }");
        await host.WaitForSubscribersAsync(1);

        await client.CompleteAsync("s");
        await host.WaitForSubscribersAsync(0);
        await host.Events.PublishAsync(new TestEvent(1, "after complete"));
        await client.ExpectSilenceAsync();
        // An unknown id is no error: the protocol lets complete messages cross.
        await client.CompleteAsync("s");
        await client.SubscribeAsync("s", "subscription { allEvents { number } }");
        await host.WaitForSubscribersAsync(1);
        await host.Events.PublishAsync(new TestEvent(2, "reused id"));

        Assert.Equal(2, (await client.ExpectNextAsync("s")).GetProperty("data").GetProperty("allEvents").GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task A_failing_event_stream_ends_with_an_error_message_without_internals()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAndInitAsync();

        await client.SubscribeAsync("f", "subscription { failing }");
        await client.ExpectNextAsync("f");
        var error = await client.ExpectAsync("error", "f");
        await client.ExpectSilenceAsync();

        Assert.Equal(1, error.GetProperty("payload").GetArrayLength());
        Assert.DoesNotContain("secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscription_whose_stream_cannot_be_set_up_gets_an_error_message()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAndInitAsync();

        await client.SubscribeAsync("b", "subscription { brokenSetup }");
        var error = await client.ExpectAsync("error", "b");

        Assert.DoesNotContain("secret", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("INVALID_OPERATION", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Complete_before_a_query_resolves_cancels_it_and_nothing_is_sent()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAndInitAsync();

        await client.SubscribeAsync("slow", "{ slow }");
        await host.Probe.SlowStarted.Task.WaitAsync(GraphQLWsTestClient.Timeout);
        await client.CompleteAsync("slow");
        await host.Probe.SlowCancelled.Task.WaitAsync(GraphQLWsTestClient.Timeout);

        await client.ExpectSilenceAsync();
    }

    [Fact]
    public async Task A_query_over_the_execution_timeout_gets_an_error_message()
    {
        await using var host = await WebSocketTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:WebSockets:ExecutionTimeout"] = "00:00:00.2" });
        await using var client = await host.ConnectAndInitAsync();

        await client.SubscribeAsync("slow", "{ slow }");
        var error = await client.ExpectAsync("error", "slow");

        Assert.Equal("EXECUTION_TIMEOUT", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Operations_beyond_the_limit_get_an_error_message_and_the_socket_stays_open()
    {
        await using var host = await WebSocketTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:WebSockets:MaxOperations"] = "2" });
        await using var client = await host.ConnectAndInitAsync();

        await client.SubscribeAsync("a", "subscription { allEvents { number } }");
        await client.SubscribeAsync("b", "subscription { allEvents { number } }");
        await client.SubscribeAsync("c", "subscription { allEvents { number } }");
        var error = await client.ExpectAsync("error", "c");
        await client.CompleteAsync("a");
        await host.WaitForSubscribersAsync(1);
        await client.SubscribeAsync("c", "{ hello }");

        Assert.Equal("TOO_MANY_OPERATIONS", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        await client.ExpectNextAsync("c");
    }
}
