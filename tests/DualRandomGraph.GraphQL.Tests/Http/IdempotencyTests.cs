using System.Net;
using System.Text.Json;
using DualRandomGraph.GraphQL.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Tests.Http;

/// <summary>
/// The idempotency mechanism over the test schema: <c>increment</c> counts executions in the probe, so "executed once"
/// is a number. The store is held in memory; the API's tests run the same mechanism over its database.
/// </summary>
public sealed class IdempotencyTests : IAsyncLifetime
{
    private const string Increment = """{"query":"mutation { increment }"}""";

    private readonly InMemoryIdempotencyStore _store = new();
    private readonly ManualClock _clock = new();
    private GraphQLTestHost _host = null!;

    public async Task InitializeAsync() => _host = await StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_retry_gets_the_stored_response_without_executing_again()
    {
        using var first = await SendAsync(Increment, "key-1");
        using var retry = await SendAsync(Increment, "key-1");

        var (firstBody, retryBody) = (await first.JsonAsync(), await retry.JsonAsync());
        Assert.Equal(1, _host.Probe.Counter);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.False(first.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.Equal("true", retry.Headers.GetValues(IdempotencyKeys.ReplayedHeaderName).Single());
        Assert.Equal(retry.MediaType(), first.MediaType());
        Assert.Equal(firstBody.GetProperty("data").GetRawText(), retryBody.GetProperty("data").GetRawText());
        Assert.True(retryBody.GetProperty("extensions").GetProperty(IdempotencyKeys.ReplayedExtensionName).GetBoolean());
    }

    [Fact]
    public async Task Without_a_key_every_request_executes()
    {
        using var first = await SendAsync(Increment, key: null);
        using var second = await SendAsync(Increment, key: null);

        Assert.Equal(2, _host.Probe.Counter);
        Assert.Equal(0, _store.Count);
    }

    [Theory]
    [InlineData("""{"query":"mutation { increment(by: 2) }"}""", "another argument")]
    [InlineData("""{"query":"mutation M { increment }","operationName":"M"}""", "another text and operation name")]
    [InlineData("""{"query":"mutation($by: Int) { increment(by: $by) }","variables":{"by":1}}""", "variables instead of a literal")]
    public async Task The_same_key_with_another_request_is_refused(string other, string why)
    {
        using var first = await SendAsync(Increment, "key-1");
        using var changed = await SendAsync(other, "key-1");

        Assert.True(changed.StatusCode == HttpStatusCode.UnprocessableEntity, why);
        Assert.Equal(GraphQLHttpErrorCodes.IdempotencyKeyReused, Code(await changed.JsonAsync()));
        Assert.Equal(1, _host.Probe.Counter);
    }

    [Fact]
    public async Task Variables_are_compared_in_canonical_form()
    {
        const string Query = "mutation($by: Int, $counted: Boolean!) { increment(by: $by) @include(if: $counted) }";
        using var first = await SendAsync(JsonSerializer.Serialize(new { query = Query, variables = new { by = 3, counted = true } }), "key-1");
        using var reordered = await SendAsync("{\"query\":" + JsonSerializer.Serialize(Query) + ",\"variables\":{\"counted\":true,\"by\":3}}", "key-1");

        Assert.True(reordered.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.Equal(3, _host.Probe.Counter);
    }

    [Fact]
    public async Task A_retry_while_the_first_still_executes_is_a_conflict_and_later_a_replay()
    {
        const string Held = """{"query":"mutation { incrementWhenReleased }"}""";
        var first = SendAsync(Held, "key-1");
        await _host.Probe.HeldStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        using var concurrent = await SendAsync(Held, "key-1");
        _host.Probe.Hold.SetResult();
        using var firstResponse = await first;
        using var later = await SendAsync(Held, "key-1");

        Assert.Equal(HttpStatusCode.Conflict, concurrent.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.IdempotencyKeyInProgress, Code(await concurrent.JsonAsync()));
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.True(later.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.Equal(1, _host.Probe.Counter);
    }

    [Fact]
    public async Task Many_concurrent_requests_with_one_key_execute_once()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            using var response = await SendAsync(Increment, "key-1");
            return (response.StatusCode, Replayed: response.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        })));

        Assert.Equal(1, _host.Probe.Counter);
        Assert.Single(responses, r => r is { StatusCode: HttpStatusCode.OK, Replayed: false });
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_client_that_goes_away_still_gets_the_stored_response_on_retry()
    {
        const string Held = """{"query":"mutation { incrementWhenReleased }"}""";
        using var gone = new CancellationTokenSource();
        var abandoned = SendAsync(Held, "key-1", cancellationToken: gone.Token);
        await _host.Probe.HeldStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await gone.CancelAsync();
        _host.Probe.Hold.SetResult();
        try
        {
            // The test server may answer the abandoned call or report it cancelled; the client has left either way.
            (await abandoned).Dispose();
        }
        catch (OperationCanceledException)
        {
        }

        var retry = await RetryUntilAnsweredAsync(Held, "key-1");

        Assert.True(retry.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.Equal(1, (await retry.JsonAsync()).GetProperty("data").GetProperty("incrementWhenReleased").GetInt32());
        Assert.Equal(1, _host.Probe.Counter);
        retry.Dispose();
    }

    [Fact]
    public async Task A_key_expires_and_then_executes_anew()
    {
        using var first = await SendAsync(Increment, "key-1");
        _clock.Now += TimeSpan.FromHours(24);
        using var expired = await SendAsync("""{"query":"mutation { increment(by: 5) }"}""", "key-1");

        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        Assert.False(expired.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.Equal(6, _host.Probe.Counter);
    }

    [Fact]
    public async Task A_claim_abandoned_by_a_dead_server_is_taken_over_after_the_pending_timeout()
    {
        var now = _clock.Now.UtcDateTime;
        _store.Seed(new IdempotencyClaim("alice", "fresh", "other-hash", Guid.NewGuid(), now.AddMinutes(-4), now.AddHours(20)));
        _store.Seed(new IdempotencyClaim("alice", "stale", "other-hash", Guid.NewGuid(), now.AddMinutes(-6), now.AddHours(20)));

        using var fresh = await SendAsync(Increment, "fresh");
        using var stale = await SendAsync(Increment, "stale");
        using var retry = await SendAsync(Increment, "stale");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.True(retry.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.Equal(1, _host.Probe.Counter);
    }

    [Fact]
    public async Task Keys_are_per_caller()
    {
        using var alice = await SendAsync(Increment, "key-1", user: "alice");
        using var bob = await SendAsync(Increment, "key-1", user: "bob");

        Assert.False(bob.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.Equal(2, _host.Probe.Counter);
    }

    [Fact]
    public async Task Queries_ignore_the_key()
    {
        using var first = await SendAsync("""{"query":"{ count }"}""", "key-1");
        using var mutation = await SendAsync(Increment, "key-1");

        Assert.False(mutation.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.Equal(1, _host.Probe.Counter);
        Assert.Equal(1, _store.Count);
    }

    [Fact]
    public async Task The_operation_a_request_selects_decides_whether_the_key_counts()
    {
        const string Document = "query Q { count } mutation M { increment }";
        using var query = await SendAsync(JsonSerializer.Serialize(new { query = Document, operationName = "Q" }), "key-1");
        using var mutation = await SendAsync(JsonSerializer.Serialize(new { query = Document, operationName = "M" }), "key-1");
        using var retry = await SendAsync(JsonSerializer.Serialize(new { query = Document, operationName = "M" }), "key-1");

        Assert.False(mutation.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.True(retry.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.Equal(1, _host.Probe.Counter);
    }

    [Fact]
    public async Task An_anonymous_mutation_with_a_key_is_refused_before_it_runs()
    {
        using var response = await SendAsync(Increment, "key-1", user: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.IdempotencyKeyNotAllowed, Code(await response.JsonAsync()));
        Assert.Equal(0, _host.Probe.Counter);
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task A_request_refused_by_validation_frees_its_key()
    {
        using var invalid = await SendAsync("""{"query":"mutation { increment nope }"}""", "key-1");
        using var corrected = await SendAsync(Increment, "key-1");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.Equal(1, _host.Probe.Counter);
    }

    [Fact]
    public async Task A_syntax_error_claims_nothing()
    {
        using var broken = await SendAsync("""{"query":"mutation { increment "}""", "key-1");

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task A_batch_gives_each_request_its_key_in_extensions()
    {
        const string Batch = """
            [{"query":"mutation { increment }","extensions":{"idempotencyKey":"a"}},
             {"query":"mutation { increment }","extensions":{"idempotencyKey":"a"}},
             {"query":"mutation { increment }","extensions":{"idempotencyKey":"b"}},
             {"query":"mutation { increment }"}]
            """;

        using var response = await SendAsync(Batch, key: null);

        var results = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([1, 1, 2, 3], results.Select(r => r.GetProperty("data").GetProperty("increment").GetInt32()));
        Assert.Equal([false, true, false, false], results.Select(r => r.TryGetProperty("extensions", out var e) && e.GetProperty(IdempotencyKeys.ReplayedExtensionName).GetBoolean()));
        Assert.False(response.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.Equal(3, _host.Probe.Counter);
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("ключ")]
    [InlineData("key,other")]
    [InlineData("<script>")]
    [InlineData("256")]
    public async Task A_malformed_key_is_refused_with_400_and_nothing_runs(string key)
    {
        using var response = await SendAsync(Increment, key == "256" ? new string('k', 256) : key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.IdempotencyKeyInvalid, Code(await response.JsonAsync()));
        Assert.Equal(0, _host.Probe.Counter);
    }

    [Theory]
    [InlineData("""{"query":"mutation { increment }","extensions":{"idempotencyKey":7}}""", null, "a key that is not a string")]
    [InlineData("""{"query":"mutation { increment }","extensions":{"idempotencyKey":""}}""", null, "an empty key")]
    [InlineData("""{"query":"mutation { increment }","extensions":{"idempotencyKey":"x"}}""", "y", "header and extension disagree")]
    [InlineData("""[{"query":"mutation { increment }"}]""", "x", "a header on a batch")]
    public async Task A_contradicted_or_misplaced_key_is_refused(string body, string? header, string why)
    {
        using var response = await SendAsync(body, header);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.Equal(GraphQLHttpErrorCodes.IdempotencyKeyInvalid, Code(await response.JsonAsync()));
        Assert.Equal(0, _host.Probe.Counter);
    }

    [Fact]
    public async Task The_header_may_be_given_only_once()
    {
        using var request = HttpTestRequests.Request(HttpMethod.Post, "/graphql", Increment);
        request.Headers.TryAddWithoutValidation("X-Test-User", "alice");
        request.Headers.TryAddWithoutValidation(IdempotencyKeys.HeaderName, ["a", "b"]);

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _host.Probe.Counter);
    }

    [Fact]
    public async Task Disabled_keys_are_ignored()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["GraphQL:Idempotency:Enabled"] = "false" });

        using var first = await SendAsync(host, Increment, "key-1");
        using var second = await SendAsync(host, Increment, "key-1");

        Assert.Equal(2, host.Probe.Counter);
    }

    [Fact]
    public async Task Without_a_store_the_header_is_ignored()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var first = await SendAsync(host, Increment, "key-1");
        using var second = await SendAsync(host, Increment, "key-1");

        Assert.Equal(2, host.Probe.Counter);
    }

    [Fact]
    public async Task A_pending_timeout_shorter_than_the_execution_timeout_stops_the_start()
    {
        var settings = new Dictionary<string, string?> { ["GraphQL:Http:ExecutionTimeout"] = "00:10:00", ["GraphQL:Idempotency:PendingTimeout"] = "00:05:00" };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(settings));

        Assert.Contains("PendingTimeout", error.Message, StringComparison.Ordinal);
    }

    private Task<GraphQLTestHost> StartAsync(IDictionary<string, string?>? settings = null)
        => GraphQLTestHost.StartAsync(settings, services: services =>
        {
            services.AddSingleton<IIdempotencyStore>(_store);
            services.AddSingleton<TimeProvider>(_clock);
            services.AddGraphQLIdempotency<InMemoryIdempotencyStore>();
        });

    private Task<HttpResponseMessage> SendAsync(string body, string? key, string? user = "alice", CancellationToken cancellationToken = default)
        => SendAsync(_host, body, key, user, cancellationToken);

    private static async Task<HttpResponseMessage> SendAsync(
        GraphQLTestHost host, string body, string? key, string? user = "alice", CancellationToken cancellationToken = default)
    {
        using var request = HttpTestRequests.Request(HttpMethod.Post, "/graphql", body);
        if (user is not null)
            request.Headers.TryAddWithoutValidation("X-Test-User", user);
        if (key is not null)
            request.Headers.TryAddWithoutValidation(IdempotencyKeys.HeaderName, key);
        return await host.Client.SendAsync(request, cancellationToken);
    }

    /// <summary>The abandoned execution completes on its own time; until it has stored its answer a retry gets 409.</summary>
    private async Task<HttpResponseMessage> RetryUntilAnsweredAsync(string body, string key)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await SendAsync(body, key);
            if (response.StatusCode != HttpStatusCode.Conflict || attempt == 100)
                return response;
            response.Dispose();
            await Task.Delay(50);
        }
    }

    private static string? Code(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
}
