using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Draws;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.Api.Tests.Security;

/// <summary>
/// Idempotency keys through the real endpoint and database: a partner that records a targeted inspection and retries
/// (its connection dropped, say) must not record it twice. Each test uses a target of its own and counts its records
/// in the database.
/// </summary>
public sealed class IdempotencyTests(DrawsApiFactory factory) : IClassFixture<DrawsApiFactory>
{
    private const string RecordTargeted = """
        mutation Record($targetId: ID!, $basis: String!) { recordTargetedInspection(input: { targetId: $targetId, reason: COMPLAINT,
          basis: $basis, findings: { inspectedOn: "2022-06-20", mode: ON_SITE, outcome: NORMAL } }) {
          record { id origin basis } errors { ... on Error { code } } } }
        """;

    [Fact]
    public async Task A_retry_with_the_same_key_gets_the_stored_response_and_records_once()
    {
        var (targetId, creditCode) = await TargetAsync();
        var auditBefore = await CountAsync(db => db.AuditEntries.CountAsync());
        var key = Guid.NewGuid().ToString();

        using var first = await SendAsync(Coordinator, RecordTargeted, new { targetId, basis = "12369 投诉" }, key);
        using var retry = await SendAsync(Coordinator, RecordTargeted, new { targetId, basis = "12369 投诉" }, key);

        var (firstBody, retryBody) = (await BodyAsync(first), await BodyAsync(retry));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.False(first.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.Equal("true", retry.Headers.GetValues(IdempotencyKeys.ReplayedHeaderName).Single());
        Assert.NotNull((string?)firstBody["data"]?["recordTargetedInspection"]?["record"]?["id"]);
        Assert.Equal(firstBody["data"]!.ToJsonString(), retryBody["data"]!.ToJsonString());
        Assert.Equal(true, (bool?)retryBody["extensions"]?["idempotentReplayed"]);
        Assert.Equal(1, await RecordsAsync(creditCode));
        Assert.Equal(1, await CountAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key)));
        Assert.Equal(auditBefore + 1, await CountAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_refused_and_records_nothing()
    {
        var (targetId, creditCode) = await TargetAsync();
        var key = Guid.NewGuid().ToString();
        using var first = await SendAsync(Coordinator, RecordTargeted, new { targetId, basis = "12369 投诉" }, key);

        using var changed = await SendAsync(Coordinator, RecordTargeted, new { targetId, basis = "另一份投诉" }, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.IdempotencyKeyReused, Code(await BodyAsync(changed)));
        Assert.Equal(1, await RecordsAsync(creditCode));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_execute_once()
    {
        var (targetId, creditCode) = await TargetAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            using var response = await SendAsync(Coordinator, RecordTargeted, new { targetId, basis = "并发重试" }, key);
            return (response.StatusCode, Replayed: response.Headers.Contains(IdempotencyKeys.ReplayedHeaderName), Body: await BodyAsync(response));
        })));

        Assert.Equal(1, await RecordsAsync(creditCode));
        var executed = Assert.Single(responses, r => r is { StatusCode: HttpStatusCode.OK, Replayed: false });
        Assert.All(responses.Where(r => r != executed), r => Assert.True(
            r is { StatusCode: HttpStatusCode.OK, Replayed: true } && r.Body["data"]!.ToJsonString() == executed.Body["data"]!.ToJsonString()
            || r.StatusCode == HttpStatusCode.Conflict && Code(r.Body) == GraphQLHttpErrorCodes.IdempotencyKeyInProgress,
            r.Body.ToJsonString()));
    }

    [Fact]
    public async Task Two_servers_over_one_database_execute_a_key_once()
    {
        // One database for both servers on either provider: a SQLite file, or one PostgreSQL database.
        using var database = TestDatabase.Create();
        using var one = new SharedDatabaseApiFactory(database);
        using var two = new SharedDatabaseApiFactory(database);
        var clients = new[] { one.CreateGraphQLClient(Roles.Coordinator), two.CreateGraphQLClient(Roles.Coordinator) };
        await clients[0].CountAsync("checkItems"); // the first server migrates and loads the demo data before the second starts
        await clients[1].CountAsync("checkItems");
        var scenario = await Scenario.CreateAsync(one.Services, Scenario.NextTag(), [TargetCategory.General], officers: 2);
        var targetId = (string)(await clients[0].QueryAsync(
            "query($c: String!) { targets(where: { creditCode: { eq: $c } }) { nodes { id } } }", new { c = scenario.TargetKeys[0] }))["targets"]!["nodes"]![0]!["id"]!;
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            using var response = await SendAsync(clients[i % 2], RecordTargeted, new { targetId, basis = "两台服务器" }, key);
            return (response.StatusCode, Replayed: response.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        })));

        await using var db = await one.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.InspectionRecords.CountAsync(r => r.Target!.CreditCode == scenario.TargetKeys[0]));
        Assert.Single(responses, r => r is { StatusCode: HttpStatusCode.OK, Replayed: false });
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, r.ToString()));
    }

    [Fact]
    public async Task A_key_expires_after_a_day()
    {
        var (targetId, creditCode) = await TargetAsync();
        var key = Guid.NewGuid().ToString();
        var start = factory.Clock.Now;
        try
        {
            using var first = await SendAsync(Coordinator, RecordTargeted, new { targetId, basis = "过期测试" }, key);
            factory.Clock.Now = start.AddHours(23);
            using var withinADay = await SendAsync(Coordinator, RecordTargeted, new { targetId, basis = "过期测试" }, key);
            factory.Clock.Now = start.AddHours(25);
            using var afterADay = await SendAsync(Coordinator, RecordTargeted, new { targetId, basis = "过期测试" }, key);

            Assert.True(withinADay.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
            Assert.False(afterADay.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
            Assert.Equal(HttpStatusCode.OK, afterADay.StatusCode);
            Assert.Equal(2, await RecordsAsync(creditCode));
            Assert.Equal(1, await CountAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key)));
        }
        finally
        {
            factory.Clock.Now = start;
        }
    }

    [Fact]
    public async Task A_batch_carries_a_key_per_request_in_extensions()
    {
        var (targetId, creditCode) = await TargetAsync();
        var key = Guid.NewGuid().ToString();
        var item = new { query = RecordTargeted, variables = new { targetId, basis = "批量重试" }, extensions = new { idempotencyKey = key } };

        using var response = await Coordinator.Http.PostAsJsonAsync("/graphql", new[] { item, item });

        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(results[0]!["extensions"]?["idempotentReplayed"]);
        Assert.Equal(true, (bool?)results[1]!["extensions"]?["idempotentReplayed"]);
        Assert.Equal(results[0]!["data"]!.ToJsonString(), results[1]!["data"]!.ToJsonString());
        Assert.Equal(1, await RecordsAsync(creditCode));
    }

    [Fact]
    public async Task A_request_refused_by_validation_leaves_the_key_free()
    {
        var (targetId, creditCode) = await TargetAsync();
        var key = Guid.NewGuid().ToString();

        using var invalid = await SendAsync(Coordinator, RecordTargeted.Replace("origin basis", "origin basis noSuchField", StringComparison.Ordinal), new { targetId, basis = "校验" }, key);
        using var corrected = await SendAsync(Coordinator, RecordTargeted, new { targetId, basis = "校验" }, key);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.Equal(1, await RecordsAsync(creditCode));
    }

    [Fact]
    public async Task Keys_belong_to_their_caller()
    {
        var (targetId, creditCode) = await TargetAsync();
        var key = Guid.NewGuid().ToString();

        using var mine = await SendAsync(Coordinator, RecordTargeted, new { targetId, basis = "各自的键" }, key);
        using var theirs = await SendAsync(factory.CreateGraphQLClientAs("another-coordinator", Roles.Coordinator), RecordTargeted, new { targetId, basis = "各自的键" }, key);

        Assert.False(theirs.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.Equal(2, await RecordsAsync(creditCode));
    }

    [Fact]
    public async Task Queries_ignore_the_key_and_store_nothing()
    {
        var key = Guid.NewGuid().ToString();

        using var first = await SendAsync(Coordinator, "{ checkItems { totalCount } }", null, key);
        using var second = await SendAsync(Coordinator, "{ checkItems { totalCount } }", null, key);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.False(second.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.Equal(0, await CountAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key)));
    }

    [Fact]
    public async Task An_anonymous_caller_cannot_use_a_key()
    {
        var (targetId, creditCode) = await TargetAsync();
        var key = Guid.NewGuid().ToString();

        using var response = await SendAsync(factory.CreateGraphQLClient(), RecordTargeted, new { targetId, basis = "匿名" }, key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.IdempotencyKeyNotAllowed, Code(await BodyAsync(response)));
        Assert.Equal(0, await RecordsAsync(creditCode));
        Assert.Equal(0, await CountAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key)));
    }

    public static TheoryData<string> HostileKeys => new()
    {
        new string('k', 256),
        "two words",
        "键",
        "key\"quoted",
        "key;drop",
        "key%00",
        "line\tbreak",
    };

    [Theory]
    [MemberData(nameof(HostileKeys))]
    public async Task A_malformed_key_is_a_clear_400_and_nothing_runs(string key)
    {
        var (targetId, creditCode) = await TargetAsync();

        using var response = await SendAsync(Coordinator, RecordTargeted, new { targetId, basis = "坏键" }, key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.IdempotencyKeyInvalid, Code(await BodyAsync(response)));
        Assert.Equal(0, await RecordsAsync(creditCode));
    }

    [Fact]
    public async Task A_key_of_255_characters_is_accepted()
    {
        var (targetId, creditCode) = await TargetAsync();

        using var response = await SendAsync(Coordinator, RecordTargeted, new { targetId, basis = "长键" }, "A1-_.:~+/=" + new string('z', 245));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await RecordsAsync(creditCode));
    }

    private GraphQLClient Coordinator { get; } = factory.CreateGraphQLClient(Roles.Coordinator);

    /// <summary>A target of a fresh agency, with no inspection records yet.</summary>
    private async Task<(string Id, string CreditCode)> TargetAsync()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, Scenario.NextTag(), [TargetCategory.General], officers: 2);
        var creditCode = scenario.TargetKeys[0];
        var data = await Coordinator.QueryAsync("query($c: String!) { targets(where: { creditCode: { eq: $c } }) { nodes { id } } }", new { c = creditCode });
        return ((string)data["targets"]!["nodes"]![0]!["id"]!, creditCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(GraphQLClient client, string query, object? variables, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.TryAddWithoutValidation(IdempotencyKeys.HeaderName, key);
        return await client.Http.SendAsync(request);
    }

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response)
        => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    private static string? Code(JsonObject body) => (string?)body["errors"]?[0]?["extensions"]?["code"];

    private Task<int> RecordsAsync(string creditCode) => CountAsync(db => db.InspectionRecords.CountAsync(r => r.Target!.CreditCode == creditCode));

    private async Task<int> CountAsync(Func<AppDbContext, Task<int>> count)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await count(db);
    }
}

/// <summary>A server over a database file another server uses too: two instances of one deployment.</summary>
public sealed class SharedDatabaseApiFactory(TestDatabase database) : ApiFactory(database);
