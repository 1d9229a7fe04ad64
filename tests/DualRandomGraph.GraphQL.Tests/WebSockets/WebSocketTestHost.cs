using System.Security.Claims;
using System.Text;
using DualRandomGraph.GraphQL.Authorization;
using DualRandomGraph.GraphQL.Http;
using DualRandomGraph.GraphQL.Tests.Http;
using DualRandomGraph.GraphQL.WebSockets;
using DualRandomGraph.Tests.Shared;
using GraphQL;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DualRandomGraph.GraphQL.Tests.WebSockets;

/// <summary>
/// The API's pipeline in small on a real Kestrel (127.0.0.1, a free port): JWT bearer authentication as the host
/// configures it, field authorization, then the WebSocket endpoint before the HTTP one at /graphql.
/// </summary>
public sealed class WebSocketTestHost : IAsyncDisposable
{
    private const string Issuer = "websocket-tests";
    private const string Audience = "websocket-tests";
    private static readonly SymmetricSecurityKey SigningKey = new(Encoding.UTF8.GetBytes("websocket-tests-signing-key-of-32-bytes-or-more"));

    private WebSocketTestHost(WebApplication app, Uri baseAddress)
    {
        App = app;
        WebSocketUri = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }

    public Uri WebSocketUri { get; }

    public HttpClient Http { get; }

    public IEventStream<TestEvent> Events => App.Services.GetRequiredService<IEventStream<TestEvent>>();

    public WebSocketProbe Probe => App.Services.GetRequiredService<WebSocketProbe>();

    public RecordingLoggerProvider Logs => App.Services.GetRequiredService<RecordingLoggerProvider>();

    public static async Task<WebSocketTestHost> StartAsync(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var logs = new RecordingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton<WebSocketProbe>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = Issuer,
                ValidAudience = Audience,
                IssuerSigningKey = SigningKey,
                ClockSkew = TimeSpan.Zero,
                NameClaimType = "sub",
                RoleClaimType = "role",
            };
        });
        builder.Services.AddAuthorization();
        builder.Services.AddGraphQL(b => b.AddSchema<WebSocketTestSchema>().AddSystemTextJson().AddFieldAuthorization());
        builder.Services.AddSingleton<TestEventType>();
        builder.Services.AddGraphQLHttp();
        builder.Services.AddGraphQLWebSockets();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseGraphQLWebSockets("/graphql");
        app.UseGraphQLHttp("/graphql");

        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebSocketTestHost(app, new Uri(address));
    }

    /// <summary>A token the host's JWT bearer scheme accepts, for <paramref name="subject"/> in <paramref name="roles"/>.</summary>
    public static string Token(string subject, params string[] roles) => Token(subject, TimeSpan.FromHours(1), roles);

    public static string Token(string subject, TimeSpan lifetime, params string[] roles)
    {
        var now = DateTime.UtcNow;
        var identity = new ClaimsIdentity([new Claim("sub", subject), .. roles.Select(r => new Claim("role", r))]);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = identity,
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now.AddMinutes(-1),
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }

    public Task<GraphQLWsTestClient> ConnectAsync(Action<System.Net.WebSockets.ClientWebSocketOptions>? configure = null)
        => GraphQLWsTestClient.ConnectAsync(WebSocketUri, configure: configure);

    /// <summary>Connects and completes the handshake, as the holder of <paramref name="token"/> when one is given.</summary>
    public async Task<GraphQLWsTestClient> ConnectAndInitAsync(string? token = null)
    {
        var client = await ConnectAsync();
        await client.InitAsync(token is null ? null : new { authToken = token });
        return client;
    }

    /// <summary>Waits, briefly, until the event stream has exactly <paramref name="expected"/> subscribers.</summary>
    public async Task WaitForSubscribersAsync(int expected)
    {
        var deadline = DateTime.UtcNow + GraphQLWsTestClient.Timeout;
        while (Events.SubscriberCount != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected {expected} subscribers, found {Events.SubscriberCount}");
            await Task.Delay(10);
        }
    }

    /// <summary>Log entries of warning level or above from the WebSocket transport.</summary>
    public IReadOnlyList<string> TransportProblems(LogLevel minimum = LogLevel.Warning)
        => [.. Logs.Entries
            .Where(e => e.Level >= minimum && e.Category.StartsWith("DualRandomGraph.GraphQL", StringComparison.Ordinal))
            .Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception}")];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
