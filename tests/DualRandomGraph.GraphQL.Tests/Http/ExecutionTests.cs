using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualRandomGraph.GraphQL.Tests.Http;

/// <summary>What reaches GraphQL.NET's execution: the user, the host's configuration, extensions; and what errors reveal.</summary>
public sealed class ExecutionTests
{
    [Fact]
    public async Task The_authenticated_user_reaches_resolvers()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var request = HttpTestRequests.Request(HttpMethod.Post, "/graphql", HttpTestRequests.Query("{ whoami }"));
        request.Headers.Add("X-Test-User", "inspector-7");

        using var response = await host.Client.SendAsync(request);
        using var anonymous = await host.Client.PostAsync(HttpTestRequests.Query("{ whoami }"));

        Assert.Equal("inspector-7", (await response.JsonAsync()).GetProperty("data").GetProperty("whoami").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await anonymous.JsonAsync()).GetProperty("data").GetProperty("whoami").ValueKind);
    }

    [Fact]
    public async Task The_host_customises_execution_through_GraphQL_NET_ConfigureExecutionOptions()
    {
        await using var host = await GraphQLTestHost.StartAsync(graphQL: b => b.ConfigureExecutionOptions(options =>
            options.UserContext["tenant"] = options.User?.Identity?.IsAuthenticated == true ? "signed-in" : "public"));

        using var response = await host.Client.PostAsync(HttpTestRequests.Query("""{ userContext(key: "tenant") }"""));

        Assert.Equal("public", (await response.JsonAsync()).GetProperty("data").GetProperty("userContext").GetString());
    }

    [Fact]
    public async Task Extensions_are_passed_through_from_POST_and_GET()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        const string Query = """{ extension(key: "trace") }""";

        using var post = await host.Client.PostAsync($$$"""{"query":{{{System.Text.Json.JsonSerializer.Serialize(Query)}}},"extensions":{"trace":"abc"}}""");
        using var get = await host.Client.GetAsync(
            $"/graphql?query={Uri.EscapeDataString(Query)}&extensions={Uri.EscapeDataString("""{"trace":"def"}""")}", accept: null);

        Assert.Equal("abc", (await post.JsonAsync()).GetProperty("data").GetProperty("extension").GetString());
        Assert.Equal("def", (await get.JsonAsync()).GetProperty("data").GetProperty("extension").GetString());
    }

    [Theory]
    [InlineData("boom", "INVALID_OPERATION")]
    [InlineData("crash", "INTERNAL_SERVER_ERROR")]
    public async Task An_unexpected_exception_becomes_an_error_with_a_code_and_no_internals(string field, string code)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.Client.PostAsync(HttpTestRequests.Query($"{{ hello {field} }}"));

        var body = await response.Content.ReadAsStringAsync();
        var json = await response.JsonAsync();
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Hello, world!", json.GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal(code, json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Snapshooter.Xunit.Snapshot.Match(await response.DescribeAsync(), Snapshooter.SnapshotNameExtension.Create(field));
    }

    [Fact]
    public async Task ExposeExceptionDetails_reveals_the_exception_to_a_developer()
    {
        await using var host = await GraphQLTestHost.StartAsync(graphQL: b => b.AddErrorInfoProvider(o => o.ExposeExceptionDetails = true));

        using var response = await host.Client.PostAsync(HttpTestRequests.Query("{ boom }"));

        var details = (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("extensions").GetProperty("details").GetString();
        Assert.Contains("secret detail", details, StringComparison.Ordinal);
        Assert.Contains(" at ", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_before_execution_is_a_500_under_graphql_response_json()
    {
        await using var host = await GraphQLTestHost.StartAsync(graphQL: b => b.ConfigureExecution((_, _) =>
            throw new InvalidOperationException("secret misconfiguration")));

        using var response = await host.Client.PostAsync(HttpTestRequests.Query("{ hello }"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("INVALID_OPERATION", (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_in_the_transport_itself_is_a_logged_500_with_a_code()
    {
        await using var host = await GraphQLTestHost.StartAsync(services: s => s.AddSingleton<IDocumentExecuter<ISchema>, FailingExecuter>());

        using var response = await host.Client.PostAsync(HttpTestRequests.Query("{ hello }"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("INTERNAL_SERVER_ERROR", (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "secret executer failure");
    }

    private sealed class FailingExecuter : IDocumentExecuter<ISchema>
    {
        public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options) => throw new InvalidOperationException("secret executer failure");
    }
}
