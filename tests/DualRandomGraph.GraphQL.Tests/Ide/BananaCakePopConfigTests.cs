using System.Net;
using System.Text.Json;
using Snapshooter.Xunit;

namespace DualRandomGraph.GraphQL.Tests.Ide;

public sealed class BananaCakePopConfigTests : IDisposable
{
    private readonly FakeIdeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Config_Defaults()
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        using var response = await host.Client.GetAsync("/graphql/bcp-config.json");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Snapshot.Match(json);
    }

    [Fact]
    public async Task Config_EveryOption()
    {
        await using var host = await IdeTestHost.StartAsync(_folder, o =>
        {
            o.Title = "双随机 API";
            o.GraphQLEndpoint = "https://api.example.test/graphql";
            o.UseGet = true;
            o.IncludeCookies = true;
            o.HttpHeaders["X-Tenant"] = "KETDZ-EPB";
            o.HttpHeaders["Accept-Language"] = "zh-CN";
            o.Document = "query Targets {\n  __typename\n}";
        });

        var json = await host.Client.GetStringAsync("/graphql/bcp-config.json");

        Snapshot.Match(json);
    }

    [Fact]
    public async Task Config_IsBoundFromTheGraphQLIdeSection()
    {
        await using var host = await IdeTestHost.StartAsync(
            o => o.FilesPath = _folder.IdePath,
            new Dictionary<string, string?>
            {
                ["GraphQL:Ide:Title"] = "From configuration",
                ["GraphQL:Ide:GraphQLEndpoint"] = "/api/graphql",
                ["GraphQL:Ide:UseGet"] = "true",
                ["GraphQL:Ide:HttpHeaders:X-Tenant"] = "KETDZ-EPB",
                ["GraphQL:Ide:AssetCacheMaxAge"] = "00:10:00",
            });

        using var document = JsonDocument.Parse(await host.Client.GetStringAsync("/graphql/bcp-config.json"));
        var config = document.RootElement;
        using var asset = await host.Client.GetAsync("/graphql/static/js/main.0349187e.js");
        var html = await host.Client.GetStringAsync("/graphql/");

        Assert.Equal("From configuration", config.GetProperty("title").GetString());
        Assert.Equal("/api/graphql", config.GetProperty("endpoint").GetString());
        Assert.True(config.GetProperty("useGet").GetBoolean());
        Assert.Equal("KETDZ-EPB", config.GetProperty("httpHeaders").GetProperty("X-Tenant").GetString());
        Assert.True(config.GetProperty("useBrowserUrlAsEndpoint").GetBoolean());
        Assert.True(config.GetProperty("disableTelemetry").GetBoolean());
        Assert.Equal("public, max-age=600, immutable", asset.Headers.CacheControl?.ToString());
        Assert.Contains("<title>From configuration</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidOptions_StopTheHostFromStarting()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => IdeTestHost.StartAsync(o => o.Title = " "));

        Assert.Contains("GraphQL:Ide:Title", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_IsServedEvenWithoutTheIdeFiles()
    {
        using var empty = new FakeIdeFolder(withIndex: false);
        await using var host = await IdeTestHost.StartAsync(empty);

        using var response = await host.Client.GetAsync("/graphql/bcp-config.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
