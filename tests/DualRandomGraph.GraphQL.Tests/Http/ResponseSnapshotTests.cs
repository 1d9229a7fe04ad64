namespace DualRandomGraph.GraphQL.Tests.Http;

/// <summary>Representative responses as a client sees them; each snapshot was reviewed by eye.</summary>
public sealed class ResponseSnapshotTests : IAsyncLifetime
{
    private GraphQLTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GraphQLTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("success", """{"query":"query($n: String) { hello(name: $n) count }","variables":{"n":"双随机"}}""", null)]
    [InlineData("validation-error", """{"query":"{ hello nope }"}""", null)]
    [InlineData("validation-error-legacy-json", """{"query":"{ hello nope }"}""", "application/json")]
    [InlineData("syntax-error", """{"query":"{ hello"}""", null)]
    [InlineData("invalid-json", """{"query": "{ hello }" """, null)]
    [InlineData("not-acceptable", """{"query":"{ hello }"}""", "text/csv")]
    public async Task POST(string name, string body, string? accept)
    {
        using var response = await _host.Client.PostAsync(body, accept);

        Snapshooter.Xunit.Snapshot.Match(await response.DescribeAsync(), Snapshooter.SnapshotNameExtension.Create(name));
    }

    [Theory]
    [InlineData("mutation-over-get", "/graphql?query=mutation%20%7B%20increment%20%7D")]
    [InlineData("query-missing", "/graphql?operationName=A")]
    public async Task GET(string name, string target)
    {
        using var response = await _host.Client.GetAsync(target, accept: null);

        Snapshooter.Xunit.Snapshot.Match(await response.DescribeAsync(), Snapshooter.SnapshotNameExtension.Create(name));
    }

    [Fact]
    public async Task PUT_is_not_allowed()
    {
        using var response = await _host.Client.SendAsync(HttpTestRequests.Request(HttpMethod.Put, "/graphql", "{}"));

        Snapshooter.Xunit.Snapshot.Match(await response.DescribeAsync());
    }
}
