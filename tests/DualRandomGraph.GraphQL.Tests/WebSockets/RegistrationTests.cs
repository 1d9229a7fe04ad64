using DualRandomGraph.GraphQL.WebSockets;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.GraphQL.Tests.WebSockets;

/// <summary>What the host gets from the registration, and the mistakes it refuses at start-up.</summary>
public sealed class RegistrationTests
{
    [Theory]
    [InlineData("ConnectionInitTimeout", "00:00:00")]
    [InlineData("KeepAliveInterval", "-00:00:01")]
    [InlineData("MaxMessageSize", "0")]
    [InlineData("MaxOperations", "0")]
    [InlineData("MaxQueuedMessages", "0")]
    [InlineData("ExecutionTimeout", "-00:00:01")]
    public async Task An_invalid_option_stops_the_host_from_starting(string option, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WebSocketTestHost.StartAsync(
            new Dictionary<string, string?> { [$"GraphQL:WebSockets:{option}"] = value }));

        Assert.Contains($"GraphQL:WebSockets:{option}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_come_from_configuration_and_every_event_type_has_one_stream()
    {
        await using var host = await WebSocketTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["GraphQL:WebSockets:MaxOperations"] = "7",
            ["GraphQL:WebSockets:AuthenticationScheme"] = "Bearer",
            ["GraphQL:EventStreams:SubscriberBufferSize"] = "9",
        });
        var services = host.App.Services;

        var options = services.GetRequiredService<IOptions<GraphQLWebSocketOptions>>().Value;
        Assert.Equal(7, options.MaxOperations);
        Assert.Equal("Bearer", options.AuthenticationScheme);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ConnectionInitTimeout);
        Assert.Equal(9, services.GetRequiredService<IOptions<EventStreamOptions>>().Value.SubscriberBufferSize);
        Assert.Same(services.GetRequiredService<IEventStream<TestEvent>>(), services.GetRequiredService<IEventStream<TestEvent>>());
        Assert.IsType<EventStream<string>>(services.GetRequiredService<IEventStream<string>>());
    }

    [Fact]
    public void UseGraphQLWebSockets_without_AddGraphQLWebSockets_fails_at_start_up()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddGraphQL(b => b.AddSchema<WebSocketTestSchema>().AddSystemTextJson());
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.UseGraphQLWebSockets());

        Assert.Contains("AddGraphQLWebSockets", error.Message, StringComparison.Ordinal);
    }
}
