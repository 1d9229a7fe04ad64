using DualRandomGraph.GraphQL.Http;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Tests.Http;

/// <summary>Parsing is observed through a counting document builder, never through timing.</summary>
public sealed class DocumentCacheTests : IAsyncLifetime
{
    private readonly CountingDocumentBuilder _parser = new();
    private GraphQLTestHost _host = null!;

    public async Task InitializeAsync()
        => _host = await GraphQLTestHost.StartAsync(services: s => s.AddSingleton<IDocumentBuilder>(_parser));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_second_identical_request_is_not_parsed_again()
    {
        using var first = await _host.Client.PostAsync(HttpTestRequests.Query("{ hello }"));
        using var second = await _host.Client.PostAsync(HttpTestRequests.Query("{ hello }"));
        using var viaGet = await _host.Client.GetAsync("/graphql?query=%7B%20hello%20%7D", accept: null);

        Assert.All([first, second, viaGet], r => Assert.Equal(200, (int)r.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, _parser.Count);
        Assert.Equal(1, _host.App.Services.GetRequiredService<GraphQLDocumentCache>().Count);
    }

    [Fact]
    public async Task A_different_query_is_parsed_and_an_invalid_one_is_never_cached()
    {
        using var a = await _host.Client.PostAsync(HttpTestRequests.Query("{ hello }"));
        using var b = await _host.Client.PostAsync(HttpTestRequests.Query("{ count }"));
        using var invalid1 = await _host.Client.PostAsync(HttpTestRequests.Query("{ nope }"));
        using var invalid2 = await _host.Client.PostAsync(HttpTestRequests.Query("{ nope }"));

        Assert.Equal(400, (int)invalid2.StatusCode);
        Assert.Equal(4, _parser.Count);
        Assert.Equal(2, _host.App.Services.GetRequiredService<GraphQLDocumentCache>().Count);
    }

    [Fact]
    public async Task A_cached_document_still_gets_its_variables_coerced_per_request()
    {
        const string Query = "query($n: String!) { hello(name: $n) }";
        using var valid = await _host.Client.PostAsync($$$"""{"query":"{{{Query}}}","variables":{"n":"cache"}}""");
        using var missing = await _host.Client.PostAsync($$$"""{"query":"{{{Query}}}","variables":{}}""");

        Assert.Equal(200, (int)valid.StatusCode);
        Assert.Equal(400, (int)missing.StatusCode);
        Assert.Equal(1, _parser.Count);
    }

    [Fact]
    public async Task A_mutation_cached_from_POST_is_still_refused_over_GET()
    {
        using var post = await _host.Client.PostAsync(HttpTestRequests.Query("mutation { increment }"));
        using var get = await _host.Client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { increment }"), accept: null);

        Assert.Equal(200, (int)post.StatusCode);
        Assert.Equal(405, (int)get.StatusCode);
        Assert.Equal(1, _parser.Count);
        Assert.Equal(1, _host.Probe.Counter);
    }

    private sealed class CountingDocumentBuilder : IDocumentBuilder
    {
        private readonly GraphQLDocumentBuilder _inner = new();
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public GraphQLDocument Build(string body)
        {
            Interlocked.Increment(ref _count);
            return _inner.Build(body);
        }
    }
}
