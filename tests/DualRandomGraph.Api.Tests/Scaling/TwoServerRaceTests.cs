using System.Net.Http.Json;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Draws;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Relay;

namespace DualRandomGraph.Api.Tests.Scaling;

/// <summary>
/// Two real server processes over one PostgreSQL database, started together (so both find it empty at first). What
/// the database decides must hold across them, since nothing in one process's memory reaches the other.
/// </summary>
public sealed class TwoServers : IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    public PostgresTestDatabase Database => _database ?? throw new InvalidOperationException("Not started.");

    public ServerProcess[] Servers { get; private set; } = [];

    public async Task InitializeAsync()
    {
        if (TestDatabase.PostgresServer is not { } server)
        {
            return;
        }

        _database = new PostgresTestDatabase(server);
        Servers = [ServerProcess.Start(_database), ServerProcess.Start(_database)];
        await Task.WhenAll(Servers.Select(s => s.WaitUntilReadyAsync()));
    }

    public async Task DisposeAsync()
    {
        foreach (var server in Servers)
        {
            await server.DisposeAsync();
        }

        _database?.Dispose();
    }
}

public sealed class TwoServerRaceTests(TwoServers fixture) : IClassFixture<TwoServers>
{
    private const int Racers = 8;

    [PostgresFact]
    public async Task Both_servers_started_together_loaded_the_demo_data_once()
    {
        var admin = fixture.Servers[1].CreateGraphQLClientAs("race-admin", Roles.Admin);

        Assert.Equal(1, await admin.CountAsync("agencies"));
        Assert.Equal(11, await admin.CountAsync("targets"));
    }

    [PostgresFact]
    public async Task The_same_draw_committed_on_both_servers_at_once_is_committed_exactly_once()
    {
        var planId = await DemoPlanAsync();
        var drawn = await Planning(0).DrawAsync(planId, "3 1 4 1 5 9 2 6 5 3 5 8 9 7", outsideWindowReason: "多实例竞争测试");
        var drawId = (string)drawn["draw"]!["id"]!;
        var selections = drawn["draw"]!["selections"]!.AsArray().Count;

        var commits = await RaceAsync(i => Planning(i).CommitAsync(drawId));

        Assert.Single(commits, c => c["errors"] is null && (string?)c["draw"]!["status"] == "COMMITTED");
        Assert.All(commits.Where(c => c["errors"] is not null), c => Assert.Equal("DRAW_ALREADY_COMMITTED", PlanningClient.ErrorCode(c)));
        var planKey = GlobalId.ParseFor(nameof(SamplingPlan), planId);
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>($"""SELECT COUNT(*) FROM "Draws" WHERE "PlanId" = {planKey} AND "Status" = 'Committed'"""));
        Assert.Equal(selections, await fixture.Database.ScalarAsync<long>($"""SELECT COUNT(*) FROM "InspectionTasks" WHERE "PlanId" = {planKey}"""));
    }

    [PostgresFact]
    public async Task Redraws_and_commits_of_one_plan_on_both_servers_never_leave_a_proposal_beside_the_commit()
    {
        var agencyId = await DemoAgencyIdAsync();
        var problems = new List<string>();

        // The window is narrow (a redraw checking for a commit while one is being written), so several plans, and
        // requests released at staggered moments.
        foreach (var (year, quarter) in new[] { (2023, 1), (2023, 2), (2023, 3), (2023, 4), (2024, 1), (2024, 2) })
        {
            var planId = await Planning(0).PublishedPlanAsync(agencyId, year, quarter);
            var first = (string)(await Planning(0).DrawAsync(planId, "2 7 1 8 2 8 1 8 2 8 4 5 9", outsideWindowReason: "多实例竞争测试"))["draw"]!["id"]!;

            // Server 0 commits the first attempt while server 1 draws again, each several times at once.
            var outcomes = await RaceAsync(async i =>
            {
                await Task.Delay(i * 5);
                return i % 2 == 0
                    ? await Planning(i).CommitAsync(first)
                    : await Planning(i).DrawAsync(planId, $"2 7 1 8 2 8 1 8 2 8 4 5 9 {i}", reason: $"重抽 {i}", outsideWindowReason: "多实例竞争测试");
            });

            var codes = outcomes.Where(o => o["errors"] is not null).Select(PlanningClient.ErrorCode).Distinct();
            problems.AddRange(codes.Except(["DRAW_ALREADY_COMMITTED", "DRAW_SUPERSEDED", "CONCURRENCY_CONFLICT"]).Select(c => $"{year}Q{quarter}: unexpected {c}"));
            var plan = (await Planning(0).Client.QueryAsync(
                "query($id: ID!) { node(id: $id) { ... on SamplingPlan { status draws { attempt status } } } }", new { id = planId }))["node"]!;
            var draws = plan["draws"]!.AsArray().Select(d => ((int)d!["attempt"]!, (string)d["status"]!)).OrderBy(d => d.Item1).ToList();
            var text = $"{year}Q{quarter} {plan["status"]}: {string.Join(", ", draws)}";
            if (!draws.Select(d => d.Item1).SequenceEqual(Enumerable.Range(1, draws.Count))
                || draws.Count(d => d.Item2 is "COMMITTED" or "PROPOSED") != 1
                || (string?)plan["status"] != (draws.Any(d => d.Item2 == "COMMITTED") ? "DRAWN" : "PUBLISHED"))
            {
                problems.Add(text);
            }
        }

        Assert.Empty(problems);
    }

    [PostgresFact]
    public async Task The_same_quarter_published_on_both_servers_at_once_is_published_exactly_once()
    {
        var agencyId = await DemoAgencyIdAsync();
        var admin = fixture.Servers[0].CreateGraphQLClientAs("race-admin", Roles.Admin);
        var creditCode = (string)(await admin.QueryAsync("{ targets(first: 1, order: [{ creditCode: ASC }]) { nodes { creditCode } } }"))["targets"]!["nodes"]![0]!["creditCode"]!;
        var imported = await admin.QueryAsync(
            "mutation($input: ImportInspectionHistoryInput!) { importInspectionHistory(input: $input) { records { id } errors { ... on Error { code } } } }",
            new { input = new { agencyId, source = "多实例竞争测试", records = new[] { new { creditCode, findings = new { inspectedOn = "2022-03-15", mode = "OFF_SITE", evidence = new[] { "AUTOMATIC_MONITORING" }, outcome = "NORMAL" } } } } });
        Assert.Single(imported["importInspectionHistory"]!["records"]!.AsArray());

        var published = await RaceAsync(async i => (await Coordinator(i).QueryAsync(
            "mutation($agencyId: ID!) { publishResults(input: { agencyId: $agencyId, year: 2022, quarter: 1 }) { publication { revision } errors { ... on Error { code } } } }",
            new { agencyId }))["publishResults"]!);

        Assert.Equal(1, (int?)Assert.Single(published, p => p["errors"] is null)["publication"]!["revision"]);
        Assert.All(published.Where(p => p["errors"] is not null), p => Assert.Contains((string?)p["errors"]![0]!["code"], new[] { "CONCURRENCY_CONFLICT", "REVISION_REASON_REQUIRED" }));
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM "Publications" WHERE "Year" = 2022 AND "Quarter" = 1"""));
    }

    [PostgresFact]
    public async Task Mutations_on_both_servers_at_once_extend_one_audit_chain_without_gaps_or_forks()
    {
        var auditor = fixture.Servers[1].CreateGraphQLClientAs("race-auditor", Roles.Auditor);
        var start = await fixture.Database.ScalarAsync<long>("""SELECT COALESCE(MAX("Sequence"), 0) FROM "AuditEntries" """);
        const int perRacer = 5;

        // Every fourth code is taken twice, so some of the mutations answer DUPLICATE_CODE: recorded all the same.
        var results = await RaceAsync(async i =>
        {
            var admin = fixture.Servers[i % 2].CreateGraphQLClientAs($"race-admin-{i}", Roles.Admin);
            var outcomes = new List<string>();
            for (var n = 0; n < perRacer; n++)
            {
                var code = n % 4 == 0 ? $"RACE-{n}" : $"RACE-{i}-{n}";
                var payload = (await admin.QueryAsync(
                    "mutation($code: String!) { createRegion(input: { code: $code, name: \"竞争测试区\" }) { region { code } errors { ... on Error { code } } } }",
                    new { code }))["createRegion"]!;
                outcomes.Add(payload["errors"] is null ? "OK" : (string)payload["errors"]![0]!["code"]!);
            }

            return outcomes;
        });

        var shared = Enumerable.Range(0, perRacer).Count(n => n % 4 == 0);
        Assert.All(results.SelectMany(r => r), outcome => Assert.Contains(outcome, new[] { "OK", "DUPLICATE_CODE" }));
        Assert.Equal(Racers * (perRacer - shared) + shared, results.SelectMany(r => r).Count(o => o == "OK"));
        var verified = (await auditor.QueryAsync("{ verifyAuditLog { intact firstBrokenSequence entries } }"))["verifyAuditLog"]!;
        Assert.True((bool)verified["intact"]!, verified.ToJsonString());
        var sequences = await SequencesAfterAsync(start);
        Assert.Equal(Enumerable.Range((int)start + 1, Racers * perRacer), sequences);
    }

    [PostgresFact]
    public async Task One_idempotency_key_sent_to_both_servers_at_once_executes_once()
    {
        const string Mutation = "mutation($code: String!) { createRegion(input: { code: $code, name: \"幂等测试区\" }) { region { code } errors { ... on Error { code } } } }";
        var key = $"race-{Guid.NewGuid():N}";

        // One caller (the same token subject on both servers) retrying one request with one key.
        var answers = await RaceAsync(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Mutation, variables = new { code = "IDEM-RACE" } }) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await fixture.Servers[i % 2].CreateGraphQLClientAs("race-idempotent-admin", Roles.Admin).Http.SendAsync(request);
            return ((int)response.StatusCode, response.Headers.Contains("Idempotent-Replayed"), await response.Content.ReadAsStringAsync());
        });

        var executed = Assert.Single(answers, a => a.Item1 == 200 && !a.Item2);
        Assert.Contains("\"region\":{\"code\":\"IDEM-RACE\"}", executed.Item3, StringComparison.Ordinal);
        Assert.All(answers.Where(a => a != executed), a => Assert.True(
            (a.Item1 == 200 && a.Item2 && Data(a.Item3) == Data(executed.Item3)) || (a.Item1 == 409 && a.Item3.Contains("IDEMPOTENCY_KEY_IN_PROGRESS", StringComparison.Ordinal)),
            $"{a.Item1} replayed={a.Item2} {a.Item3}"));
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM "Regions" WHERE "Code" = 'IDEM-RACE'"""));
    }

    private static string Data(string body) => System.Text.Json.Nodes.JsonNode.Parse(body)!["data"]!.ToJsonString();

    private PlanningClient Planning(int racer) => new(Coordinator(racer));

    /// <summary>A coordinator on server <c>racer % 2</c>: racers alternate between the two processes.</summary>
    private GraphQLClient Coordinator(int racer) => fixture.Servers[racer % 2].CreateGraphQLClientAs($"race-coordinator-{racer}", Roles.Coordinator);

    /// <summary>Runs <see cref="Racers"/> calls at once, released together, half on each server.</summary>
    private static async Task<List<T>> RaceAsync<T>(Func<int, Task<T>> racer)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, Racers).Select(async i =>
        {
            await start.Task;
            return await racer(i);
        }).ToList();
        start.SetResult();
        return [.. await Task.WhenAll(racers)];
    }

    private async Task<string> DemoPlanAsync()
        => (string)(await Coordinator(0).QueryAsync("{ plans(where: { year: { eq: 2022 }, quarter: { eq: 3 } }) { nodes { id } } }"))["plans"]!["nodes"]![0]!["id"]!;

    private async Task<string> DemoAgencyIdAsync()
        => (string)(await Coordinator(0).QueryAsync("{ agencies(first: 1) { nodes { id } } }"))["agencies"]!["nodes"]![0]!["id"]!;

    private async Task<List<int>> SequencesAfterAsync(long start)
    {
        var sequences = new List<int>();
        await using var connection = await fixture.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT "Sequence" FROM "AuditEntries" WHERE "Sequence" > {start} ORDER BY "Sequence" """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sequences.Add(reader.GetInt32(0));
        }

        return sequences;
    }
}
