using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using DualRandomGraph.GraphQL.Http;
using GraphQL;
using GraphQL.DI;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.GraphQL.Tests.Http;

/// <summary>
/// A real ASP.NET Core pipeline the way the host builds it: authentication, then the GraphQL endpoint,
/// then whatever comes next (a stand-in for the IDE middleware that answers its own sub-paths).
/// </summary>
public sealed class GraphQLTestHost : IAsyncDisposable
{
    public const string IdeMarker = "ide middleware reached";

    private GraphQLTestHost(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public TestProbe Probe => App.Services.GetRequiredService<TestProbe>();

    public RecordingLoggerProvider Logs => App.Services.GetRequiredService<RecordingLoggerProvider>();

    /// <summary>What the middleware in front of the endpoint saw come back from it, per request.</summary>
    public ConcurrentQueue<(int Status, Exception? Exception)> Outcomes { get; } = new();

    public static async Task<GraphQLTestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IGraphQLBuilder>? graphQL = null,
        Action<IServiceCollection>? services = null,
        bool kestrel = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        if (kestrel)
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        else
            builder.WebHost.UseTestServer();

        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var logs = new RecordingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton<TestProbe>();
        builder.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
        builder.Services.AddGraphQL(b =>
        {
            b.AddSchema<TestSchema>().AddSystemTextJson();
            graphQL?.Invoke(b);
        });
        builder.Services.AddGraphQLHttp();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        GraphQLTestHost? host = null;
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
                host!.Outcomes.Enqueue((context.Response.StatusCode, null));
            }
            catch (Exception ex)
            {
                host!.Outcomes.Enqueue((context.Response.StatusCode, ex));
                throw;
            }
        });
        app.UseAuthentication();
        app.UseGraphQLHttp("/graphql");
        app.Run(context => context.Response.WriteAsync(IdeMarker, context.RequestAborted));

        await app.StartAsync();
        var client = kestrel
            ? new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) }
            : app.GetTestClient();
        host = new GraphQLTestHost(app, client);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>Authenticates whoever names themselves in X-Test-User: enough to see the user reach resolvers.</summary>
public sealed class HeaderAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestHeader";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue("X-Test-User", out var name))
            return Task.FromResult(AuthenticateResult.NoResult());

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name.ToString())], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

/// <summary>Keeps every log entry so that a test can assert nothing was logged as an error.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => owner.Entries.Enqueue((logLevel, category, formatter(state, exception), exception));
    }
}
