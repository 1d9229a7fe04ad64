using DualRandomGraph.GraphQL.Http;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Tests.Http;

public sealed class SdlAndBrowserTests
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task GET_sdl_serves_exactly_what_the_export_prints()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.Client.GetAsync("/graphql?sdl", accept: BrowserAccept);

        var sdl = await response.Content.ReadAsStringAsync();
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.MediaType());
        Assert.Equal(GraphQLSchemaSdl.Print(host.App.Services.GetRequiredService<ISchema>()), sdl);
        Snapshooter.Xunit.Snapshot.Match(sdl);
    }

    [Fact]
    public async Task A_browser_is_redirected_to_the_IDE_path_when_one_is_configured()
    {
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:Http:IdePath"] = "/graphql/" });

        using var response = await host.Client.GetAsync("/graphql", accept: BrowserAccept);

        Assert.Equal(302, (int)response.StatusCode);
        Assert.Equal("/graphql/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/graphql/")]
    [InlineData("/graphql/index.html")]
    [InlineData("/graphql/bcp-config.json")]
    public async Task Sub_paths_are_left_to_the_next_middleware(string path)
    {
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:Http:IdePath"] = "/graphql/" });

        using var response = await host.Client.GetAsync(path, accept: BrowserAccept);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(GraphQLTestHost.IdeMarker, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_an_IDE_a_browser_gets_406_and_a_short_explanation()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.Client.GetAsync("/graphql", accept: BrowserAccept);

        Assert.Equal(406, (int)response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.MediaType());
        Assert.StartsWith("This is a GraphQL endpoint.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_GET_with_a_query_is_a_GraphQL_request()
    {
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:Http:IdePath"] = "/graphql/" });

        using var response = await host.Client.GetAsync("/graphql?query=%7Bhello%7D", accept: BrowserAccept);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/graphql-response+json; charset=utf-8", response.MediaType());
    }
}
