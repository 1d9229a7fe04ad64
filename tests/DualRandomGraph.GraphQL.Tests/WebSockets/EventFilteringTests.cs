using DualRandomGraph.Tests.Shared;
using Microsoft.Extensions.Logging;

namespace DualRandomGraph.GraphQL.Tests.WebSockets;

/// <summary>An event reaches only the subscribers who may see it; the others hear nothing of it, not even an error.</summary>
public sealed class EventFilteringTests
{
    [Fact]
    public async Task The_stream_filter_delivers_each_event_to_the_subscribers_whose_role_may_see_it()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var staff = await host.ConnectAndInitAsync(WebSocketTestHost.Token("inspector", "staff"));
        await using var citizen = await host.ConnectAndInitAsync(WebSocketTestHost.Token("citizen", "public"));
        await using var anonymous = await host.ConnectAndInitAsync();
        foreach (var client in new[] { staff, citizen, anonymous })
            await client.SubscribeAsync("e", "subscription { events { number audience } }");
        await host.WaitForSubscribersAsync(3);

        await host.Events.PublishAsync(new TestEvent(1, "published"));
        await host.Events.PublishAsync(new TestEvent(2, "internal", Audience: "staff"));
        await host.Events.PublishAsync(new TestEvent(3, "published"));

        Assert.Equal<int[]>([1, 2, 3], await NumbersAsync(staff, "e", "events", 3));
        Assert.Equal<int[]>([1, 3], await NumbersAsync(citizen, "e", "events", 2));
        Assert.Equal<int[]>([1, 3], await NumbersAsync(anonymous, "e", "events", 2));
        await citizen.ExpectSilenceAsync();
        await anonymous.ExpectSilenceAsync();
    }

    [Fact]
    public async Task An_async_filter_sees_the_subscribers_own_arguments()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var low = await host.ConnectAndInitAsync();
        await using var high = await host.ConnectAndInitAsync();
        await low.SubscribeAsync("e", "subscription { eventsAbove(number: 1) { number } }");
        await high.SubscribeAsync("e", "subscription { eventsAbove(number: 5) { number } }");
        await host.WaitForSubscribersAsync(2);

        foreach (var number in new[] { 3, 7, 4, 9 })
            await host.Events.PublishAsync(new TestEvent(number, "n"));

        Assert.Equal<int[]>([3, 7, 4, 9], await NumbersAsync(low, "e", "eventsAbove", 4));
        Assert.Equal<int[]>([7, 9], await NumbersAsync(high, "e", "eventsAbove", 2));
    }

    [Fact]
    public async Task Subscribing_to_a_field_the_user_may_not_resolve_is_an_error_at_once()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var anonymous = await host.ConnectAndInitAsync();
        await using var citizen = await host.ConnectAndInitAsync(WebSocketTestHost.Token("citizen", "public"));
        await using var staff = await host.ConnectAndInitAsync(WebSocketTestHost.Token("inspector", "staff"));

        foreach (var client in new[] { anonymous, citizen, staff })
            await client.SubscribeAsync("s", "subscription { staffEvents { number } }");
        var notAuthenticated = await anonymous.ExpectAsync("error", "s");
        var notAuthorized = await citizen.ExpectAsync("error", "s");
        await host.WaitForSubscribersAsync(1);
        await host.Events.PublishAsync(new TestEvent(1, "for staff"));

        Assert.Equal("AUTH_NOT_AUTHENTICATED", notAuthenticated.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("AUTH_NOT_AUTHORIZED", notAuthorized.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal<int[]>([1], await NumbersAsync(staff, "s", "staffEvents", 1));
    }

    [Fact]
    public async Task An_event_whose_selection_the_subscriber_may_not_see_is_withheld_not_sent_as_an_error()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var staff = await host.ConnectAndInitAsync(WebSocketTestHost.Token("inspector", "staff"));
        await using var citizen = await host.ConnectAndInitAsync(WebSocketTestHost.Token("citizen", "public"));
        await staff.SubscribeAsync("e", "subscription { allEvents { number secret } }");
        await citizen.SubscribeAsync("e", "subscription { allEvents { number secret } }");
        await host.WaitForSubscribersAsync(2);

        await host.Events.PublishAsync(new TestEvent(1, "with a secret"));
        var delivered = await staff.ExpectNextAsync("e");

        Assert.Equal("classified 1", delivered.GetProperty("data").GetProperty("allEvents").GetProperty("secret").GetString());
        await citizen.ExpectSilenceAsync();
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("withheld", StringComparison.Ordinal));
    }

    private static async Task<int[]> NumbersAsync(GraphQLWsTestClient client, string id, string field, int count)
    {
        var numbers = new int[count];
        for (var i = 0; i < count; i++)
            numbers[i] = (await client.ExpectNextAsync(id)).GetProperty("data").GetProperty(field).GetProperty("number").GetInt32();
        return numbers;
    }
}
