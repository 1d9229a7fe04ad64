using System.Text.Json;

namespace DualRandomGraph.GraphQL.Tests.Http;

public sealed class BatchingTests
{
    [Fact]
    public async Task A_JSON_array_is_answered_with_an_array_of_results_in_order()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.Client.PostAsync("""
            [
              {"query":"mutation { increment }"},
              {"query":"query($n: String) { hello(name: $n) }","variables":{"n":"batch"}},
              {"query":"{ nope }"},
              {"query":"{ count }"}
            ]
            """);

        Assert.Equal(200, (int)response.StatusCode);
        var results = (await response.JsonAsync()).EnumerateArray().ToArray();
        Assert.Equal(4, results.Length);
        Assert.Equal(1, results[0].GetProperty("data").GetProperty("increment").GetInt32());
        Assert.Equal("Hello, batch!", results[1].GetProperty("data").GetProperty("hello").GetString());
        Assert.False(results[2].TryGetProperty("data", out _));
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", results[2].GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        // Executed one after the other: the query after the mutation sees its effect.
        Assert.Equal(1, results[3].GetProperty("data").GetProperty("count").GetInt32());
        Snapshooter.Xunit.Snapshot.Match(await response.DescribeAsync());
    }

    [Theory]
    [InlineData(3, 200)]
    [InlineData(4, 400)]
    public async Task A_batch_larger_than_MaxBatchSize_is_rejected_whole(int size, int status)
    {
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:Http:MaxBatchSize"] = "3" });
        var body = JsonSerializer.Serialize(Enumerable.Repeat(new { query = "mutation { increment }" }, size));

        using var response = await host.Client.PostAsync(body);

        Assert.Equal(status, (int)response.StatusCode);
        if (status == 400)
        {
            var error = (await response.JsonAsync()).GetProperty("errors")[0];
            Assert.Equal("BATCH_TOO_LARGE", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Equal(0, host.Probe.Counter);
        }
        else
        {
            Assert.Equal(size, host.Probe.Counter);
        }
    }

    [Fact]
    public async Task With_batching_disabled_an_array_is_rejected_but_a_single_request_still_runs()
    {
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:Http:EnableBatching"] = "false" });

        using var batch = await host.Client.PostAsync("""[{"query":"{ hello }"}]""");
        using var single = await host.Client.PostAsync("""{"query":"{ hello }"}""");

        Assert.Equal(400, (int)batch.StatusCode);
        Assert.Equal("BATCHING_DISABLED", (await batch.JsonAsync()).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(200, (int)single.StatusCode);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[null]")]
    [InlineData("""[{"query":"{ hello }"}, 1]""")]
    [InlineData("""[{"query":"{ hello }"}, {"variables":{}}]""")]
    public async Task A_malformed_batch_is_rejected_whole(string body)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.Client.PostAsync(body);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").GetArrayLength() == 1);
    }
}
