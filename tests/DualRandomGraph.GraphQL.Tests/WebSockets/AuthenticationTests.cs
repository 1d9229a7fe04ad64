using System.Security.Claims;
using System.Text.Json;
using DualRandomGraph.GraphQL.WebSockets;
using DualRandomGraph.Tests.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualRandomGraph.GraphQL.Tests.WebSockets;

/// <summary>Who the socket's user is: the token in connection_init, else the upgrade request's user, else nobody.</summary>
public sealed class AuthenticationTests
{
    [Theory]
    [InlineData("authToken", "{0}")]
    [InlineData("Authorization", "Bearer {0}")]
    [InlineData("authorization", "bearer {0}")]
    [InlineData("AUTHTOKEN", "Bearer {0}")]
    public async Task A_token_in_the_init_payload_is_the_user_of_every_operation_with_its_roles(string key, string format)
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAsync();
        var token = WebSocketTestHost.Token("inspector-7", "staff");

        await client.InitAsync(new Dictionary<string, string> { [key] = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, token) });
        var result = await QueryAsync(client, """{ whoami staff: isInRole(role: "staff") admin: isInRole(role: "admin") }""");

        Assert.Equal("inspector-7", result.GetProperty("whoami").GetString());
        Assert.True(result.GetProperty("staff").GetBoolean());
        Assert.False(result.GetProperty("admin").GetBoolean());
    }

    [Fact]
    public async Task Without_credentials_the_socket_is_anonymous()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAndInitAsync();

        var result = await QueryAsync(client, "{ whoami }");

        Assert.Equal(JsonValueKind.Null, result.GetProperty("whoami").ValueKind);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("forged")]
    [InlineData("expired")]
    [InlineData("no bearer prefix")]
    [InlineData("empty")]
    [InlineData("not a string")]
    public async Task A_refused_token_closes_the_socket_with_4403(string kind)
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAsync();
        var valid = WebSocketTestHost.Token("inspector-7");
        object payload = kind switch
        {
            "garbage" => new { authToken = "not.a.jwt" },
            "forged" => new { authToken = valid[..^4] + (valid.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA") },
            "expired" => new { authToken = WebSocketTestHost.Token("inspector-7", TimeSpan.FromMinutes(-5)) },
            "no bearer prefix" => new { Authorization = valid },
            "empty" => new { authToken = "" },
            _ => new { authToken = 42 },
        };

        await client.SendAsync(new { type = "connection_init", payload });

        Assert.Equal((4403, "Forbidden"), await client.ExpectCloseAsync());
    }

    [Fact]
    public async Task The_upgrade_request_user_applies_when_the_payload_carries_no_token_and_a_payload_token_overrides_it()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        var header = "Bearer " + WebSocketTestHost.Token("from-header");
        await using var byHeader = await host.ConnectAsync(o => o.SetRequestHeader("Authorization", header));
        await using var overridden = await host.ConnectAsync(o => o.SetRequestHeader("Authorization", header));

        await byHeader.InitAsync();
        await overridden.InitAsync(new { authToken = WebSocketTestHost.Token("from-payload") });

        Assert.Equal("from-header", (await QueryAsync(byHeader, "{ whoami }")).GetProperty("whoami").GetString());
        Assert.Equal("from-payload", (await QueryAsync(overridden, "{ whoami }")).GetProperty("whoami").GetString());
    }

    [Fact]
    public async Task When_the_token_expires_the_socket_closes_with_4403()
    {
        await using var host = await WebSocketTestHost.StartAsync();
        await using var client = await host.ConnectAsync();

        // JWT lifetimes count in whole seconds.
        await client.InitAsync(new { authToken = WebSocketTestHost.Token("short-lived", TimeSpan.FromSeconds(2)) });
        await client.SubscribeAsync("s", "subscription { allEvents { number } }");

        Assert.Equal((4403, "Authentication expired"), await client.ExpectCloseAsync());
        await host.WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task Another_authenticator_replaces_the_default_one()
    {
        await using var host = await WebSocketTestHost.StartAsync(services: s => s.AddSingleton<IWebSocketAuthenticator, ApiKeyAuthenticator>());
        await using var client = await host.ConnectAsync();

        await client.InitAsync(new { apiKey = "key-of-robot-3" });

        Assert.Equal("robot-3", (await QueryAsync(client, "{ whoami }")).GetProperty("whoami").GetString());
    }

    [Fact]
    public async Task An_authenticator_that_throws_closes_the_socket_with_4500_and_logs_the_error()
    {
        await using var host = await WebSocketTestHost.StartAsync(services: s => s.AddSingleton<IWebSocketAuthenticator, ApiKeyAuthenticator>());
        await using var client = await host.ConnectAsync();

        await client.SendAsync(new { type = "connection_init", payload = new { apiKey = "explode" } });

        Assert.Equal((4500, "Internal server error"), await client.ExpectCloseAsync());
        Assert.Contains(host.TransportProblems(LogLevel.Error), p => p.Contains("key store unavailable", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> QueryAsync(GraphQLWsTestClient client, string query)
    {
        var id = Guid.NewGuid().ToString("N");
        await client.SubscribeAsync(id, query);
        var result = await client.ExpectNextAsync(id);
        await client.ExpectAsync("complete", id);
        return result.GetProperty("data");
    }

    /// <summary>Accepts <c>{ "apiKey": "key-of-NAME" }</c>; "explode" stands for a broken key store.</summary>
    private sealed class ApiKeyAuthenticator : IWebSocketAuthenticator
    {
        public Task<AuthenticateResult> AuthenticateAsync(HttpContext upgradeRequest, JsonElement? payload, CancellationToken cancellationToken)
        {
            var key = payload?.GetProperty("apiKey").GetString();
            if (key == "explode")
                throw new InvalidOperationException("key store unavailable");
            if (key?.StartsWith("key-of-", StringComparison.Ordinal) != true)
                return Task.FromResult(AuthenticateResult.Fail("unknown key"));

            var identity = new ClaimsIdentity([new Claim("sub", key["key-of-".Length..])], "ApiKey", "sub", "role");
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), "ApiKey")));
        }
    }
}
