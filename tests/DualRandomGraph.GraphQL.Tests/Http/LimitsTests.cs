using System.Text;
using Microsoft.Extensions.Logging;

namespace DualRandomGraph.GraphQL.Tests.Http;

/// <summary>Request body size, execution timeout and a client that goes away.</summary>
public sealed class LimitsTests
{
    private static readonly Dictionary<string, string?> SmallBody = new() { ["GraphQL:Http:MaxRequestBodySize"] = "64" };

    [Fact]
    public async Task A_body_over_the_limit_with_Content_Length_is_refused_with_413()
    {
        await using var host = await GraphQLTestHost.StartAsync(SmallBody);
        var body = HttpTestRequests.Query("mutation { increment } # " + new string('x', 64));

        using var response = await host.Client.PostAsync(body);

        Assert.Equal(413, (int)response.StatusCode);
        Assert.Equal("REQUEST_TOO_LARGE", (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(0, host.Probe.Counter);
        Snapshooter.Xunit.Snapshot.Match(await response.DescribeAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_chunked_body_over_the_limit_is_refused_with_413(bool kestrel)
    {
        await using var host = await GraphQLTestHost.StartAsync(SmallBody, kestrel: kestrel);
        var body = HttpTestRequests.Query("mutation { increment } # " + new string('x', 64));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            // A stream of unknown length: sent without Content-Length, so only counting can stop it.
            Content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(body))),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        using var response = await host.Client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(413, (int)response.StatusCode);
        Assert.Equal(0, host.Probe.Counter);
    }

    [Fact]
    public async Task A_body_within_the_limit_runs()
    {
        await using var host = await GraphQLTestHost.StartAsync(SmallBody);

        using var response = await host.Client.PostAsync(HttpTestRequests.Query("mutation { increment }"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(1, host.Probe.Counter);
    }

    [Theory]
    [InlineData(null, 504, "application/graphql-response+json; charset=utf-8")]
    [InlineData("application/json", 200, "application/json; charset=utf-8")]
    public async Task A_request_running_past_the_timeout_is_cancelled_and_says_so(string? accept, int status, string mediaType)
    {
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:Http:ExecutionTimeout"] = "00:00:00.2" });

        using var response = await host.Client.PostAsync(HttpTestRequests.Query("{ slow }"), accept);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(mediaType, response.MediaType());
        Assert.True(host.Probe.SlowCancelled.Task.IsCompleted, "the resolver's token was cancelled");
        var json = await response.JsonAsync();
        Assert.False(json.TryGetProperty("data", out _));
        Assert.Equal("EXECUTION_TIMEOUT", json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("timeout", StringComparison.Ordinal));
        if (accept == null)
            Snapshooter.Xunit.Snapshot.Match(await response.DescribeAsync());
    }

    [Fact]
    public async Task A_client_that_goes_away_cancels_execution_without_a_server_error()
    {
        await using var host = await GraphQLTestHost.StartAsync(kestrel: true);
        using var abort = new CancellationTokenSource();

        var pending = host.Client.PostAsync(HttpTestRequests.Query("{ slow }"), cancellationToken: abort.Token);
        await host.Probe.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await host.Probe.SlowCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var outcome = await WaitForOutcomeAsync(host);
        Assert.Null(outcome.Exception);
        Assert.NotEqual(500, outcome.Status);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("client went away", StringComparison.Ordinal));
    }

    private static async Task<(int Status, Exception? Exception)> WaitForOutcomeAsync(GraphQLTestHost host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!host.Outcomes.TryPeek(out _))
        {
            Assert.True(DateTime.UtcNow < deadline, "the pipeline never finished the request");
            await Task.Delay(20);
        }

        host.Outcomes.TryPeek(out var outcome);
        return outcome;
    }

    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
