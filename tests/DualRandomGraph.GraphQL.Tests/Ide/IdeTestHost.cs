using DualRandomGraph.GraphQL.Ide;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DualRandomGraph.GraphQL.Tests.Ide;

/// <summary>A bare web application serving the IDE at /graphql on a TestServer.</summary>
internal sealed class IdeTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private IdeTestHost(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public TestServer Server => _app.GetTestServer();

    public static async Task<IdeTestHost> StartAsync(
        Action<BananaCakePopOptions>? configure = null,
        IDictionary<string, string?>? configuration = null,
        Action<IEndpointRouteBuilder>? mapBefore = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }

        builder.Services.AddBananaCakePop(configure);

        var app = builder.Build();
        mapBefore?.Invoke(app);
        app.MapBananaCakePop("/graphql");
        await app.StartAsync();
        return new IdeTestHost(app);
    }

    public static Task<IdeTestHost> StartAsync(FakeIdeFolder folder, Action<BananaCakePopOptions>? configure = null) =>
        StartAsync(options =>
        {
            options.FilesPath = folder.IdePath;
            configure?.Invoke(options);
        });

    /// <summary>Sends a request whose path reaches the server exactly as given, without the client's URL normalisation.</summary>
    public Task<Microsoft.AspNetCore.Http.HttpContext> SendRawAsync(string path, string method = "GET") =>
        Server.SendAsync(context =>
        {
            context.Request.Method = method;
            context.Request.Path = path;
        });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
