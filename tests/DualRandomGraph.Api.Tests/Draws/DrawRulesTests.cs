using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Draws;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Relay;
using Snapshooter.Xunit;

namespace DualRandomGraph.Api.Tests.Draws;

/// <summary>
/// The rules a draw follows and every typed error drawPlan and commitDraw give, each test on an agency of its own
/// (<see cref="Scenario"/>) so that coverage, rotation and caps of one test never reach another.
/// </summary>
public sealed class DrawRulesTests(DrawsApiFactory factory) : IClassFixture<DrawsApiFactory>
{
    private const string Seed = "6 6 1 3 4 5 2 2 6 1 5 3 4 4 2";

    private readonly PlanningClient _planning = new(factory.CreateGraphQLClient(Roles.Coordinator));

    [Fact]
    public async Task Outside_the_window_a_draw_needs_a_reason_which_is_recorded()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, "WND", [TargetCategory.Key], officers: 2);
        var planId = await _planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
        factory.Clock.SetChinaDay(new DateOnly(2023, 5, 10));

        var refused = await _planning.DrawAsync(planId, Seed);
        var drawn = await _planning.DrawAsync(planId, Seed, outsideWindowReason: "系统故障，窗口期内未能抽取");

        Snapshot.Match(new { refused = refused["errors"], drawn = new { reason = drawn["draw"]!["outsideWindowReason"], window = drawn["draw"]!["drawWindow"] } }.ToSnapshot());
    }

    [Fact]
    public async Task Inside_the_window_no_reason_is_needed_and_none_is_recorded()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, "NWD", [TargetCategory.Key], officers: 2);
        var planId = await _planning.PublishedPlanAsync(scenario.AgencyId, 2024, 1);
        factory.InsideWindowOf(2024, 1);

        var drawn = await _planning.DrawAsync(planId, Seed, outsideWindowReason: "不需要");

        Assert.Null(drawn["errors"]);
        Assert.Null(drawn["draw"]!["outsideWindowReason"]);
        Assert.Equal("2023-12-25", (string?)drawn["draw"]!["drawWindow"]!["start"]);
    }

    [Fact]
    public async Task A_draft_plan_cannot_be_drawn()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, "DRF", [TargetCategory.Key], officers: 2);
        var created = await _planning.Client.QueryAsync(
            "mutation($input: CreatePlanInput!) { createPlan(input: $input) { plan { id status } } }",
            new { input = new { agencyId = scenario.AgencyId, year = 2023, quarter = 3 } });

        var refused = await _planning.DrawAsync((string)created["createPlan"]!["plan"]!["id"]!, Seed, outsideWindowReason: "测试");

        Assert.Equal("PLAN_NOT_PUBLISHED", PlanningClient.ErrorCode(refused));
        Assert.Equal("DRAFT", (string?)refused["errors"]![0]!["status"]);
    }

    [Theory]
    [InlineData("1234567890123456789", "SEED_TOO_SHORT")]
    [InlineData("🎲🎲🎲🎲🎲🎲🎲🎲🎲🎲", "SEED_TOO_SHORT")]
    [InlineData(" 12345678901234567890", "VALIDATION")]
    public async Task A_seed_is_at_least_20_characters_without_surrounding_blanks(string seed, string code)
    {
        var planId = await OnePlanAsync();

        var refused = await _planning.DrawAsync(planId, seed, outsideWindowReason: "测试");

        Assert.Equal(code, PlanningClient.ErrorCode(refused));
        Assert.Null(refused["draw"]);
        if (code == "SEED_TOO_SHORT")
        {
            Assert.Equal(20, (int)refused["errors"]![0]!["minimumLength"]!);
            Assert.True((int)refused["errors"]![0]!["length"]! < 20);
        }
    }

    [Fact]
    public async Task An_agency_without_active_targets_has_an_empty_pool()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, "EMP", [], officers: 2);
        var planId = await _planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);

        var refused = await _planning.DrawAsync(planId, Seed, outsideWindowReason: "测试");

        Assert.Equal("EMPTY_POOL", PlanningClient.ErrorCode(refused));
        Assert.Equal(0, (int)refused["errors"]![0]!["poolSize"]!);
    }

    [Fact]
    public async Task A_pool_smaller_than_one_team_draws_nothing()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, "PTQ", [TargetCategory.Key], officers: 1, assistants: 3);
        var planId = await _planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);

        var refused = await _planning.DrawAsync(planId, Seed, outsideWindowReason: "测试");

        Snapshot.Match(refused.ToSnapshot());
    }

    [Fact]
    public async Task Selections_the_pool_cannot_staff_are_reported_and_the_draw_cannot_be_committed()
    {
        // Quota ceil(0.5×8) = 4 teams of 2 officers, but 3 officers on at most 2 teams each fill only 3.
        var scenario = await Scenario.CreateAsync(
            factory.Services, "UNF", Scenario.Many(TargetCategory.Special, 8), officers: 3,
            policy: agency => new SamplingPolicy { Agency = agency, EffectiveFrom = new DateOnly(2022, 1, 1), MaxTasksPerInspector = 2, CreatedBy = "test" });
        var planId = await _planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);

        var drawn = await _planning.DrawAsync(planId, Seed, outsideWindowReason: "测试");
        var commit = await _planning.CommitAsync((string)drawn["draw"]!["id"]!);

        Assert.Equal(1, (int)drawn["draw"]!["unstaffedCount"]!);
        var unstaffed = drawn["draw"]!["selections"]!.AsArray().Single(s => !(bool)s!["staffed"]!)!;
        Assert.Equal((string?)unstaffed["targetKey"], (string?)drawn["unstaffed"]![0]!["targetKey"]);
        Assert.All(unstaffed["skipped"]!.AsArray(), skip => Assert.Equal(SkipRules.MaxTasks, (string?)skip!["rule"]));
        Assert.Equal("UNSTAFFED_SELECTIONS", PlanningClient.ErrorCode(commit));
        Assert.Equal([(string)unstaffed["targetKey"]!], commit["errors"]![0]!["targetKeys"]!.AsArray().Select(k => (string)k!));
        Snapshot.Match(drawn["draw"]!["selections"]!.ToSnapshot());
    }

    [Fact]
    public async Task A_recused_inspector_is_skipped_for_that_target_and_the_skip_is_on_record()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, "RCL", [TargetCategory.Key], officers: 3);
        var planId = await _planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
        var before = await _planning.DrawAsync(planId, Seed, outsideWindowReason: "测试");
        var recused = PlanningClient.Team(before["draw"]!, 0)[0];

        var declared = await factory.CreateGraphQLClient(Roles.Admin).QueryAsync(
            """
            mutation($input: DeclareRecusalInput!) { declareRecusal(input: $input) {
              recusal { reason validFrom validTo inspector { certificateNumber } target { creditCode } } errors { __typename } } }
            """,
            new { input = new { inspectorId = await InspectorIdAsync(recused), targetId = await TargetIdAsync(scenario.TargetKeys[0]), reason = "配偶在该企业任职", validFrom = "2023-01-01" } });
        var after = await _planning.DrawAsync(planId, Seed, reason: "登记回避后重新抽取", outsideWindowReason: "测试");

        Assert.DoesNotContain(recused, PlanningClient.Team(after["draw"]!, 0));
        var skip = after["draw"]!["selections"]![0]!["skipped"]![0]!;
        Assert.Equal((recused, SkipRules.Recusal), ((string)skip["inspectorKey"]!, (string)skip["rule"]!));
        var document = JsonNode.Parse(await DocumentAsync((string)after["draw"]!["id"]!))!;
        var excluded = document["inspectorPool"]!.AsArray().Single(i => (string?)i!["key"] == recused)!["excludedFor"]!;
        Assert.Equal($$"""[{"targetKey":"{{scenario.TargetKeys[0]}}","rule":"RECUSAL"}]""", excluded.ToJsonString());
        Snapshot.Match(declared.ToSnapshot());
    }

    [Fact]
    public async Task Rotation_keeps_the_team_of_the_last_random_inspection_off_the_target()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, "RTN", [TargetCategory.Key], officers: 4);
        var q1 = await _planning.PublishedPlanAsync(scenario.AgencyId, 2025, 1);
        factory.InsideWindowOf(2025, 1);
        var first = await _planning.DrawAsync(q1, Seed);
        await _planning.CommitAsync((string)first["draw"]!["id"]!);
        var lastTeam = PlanningClient.Team(first["draw"]!, 0);

        var q2 = await _planning.PublishedPlanAsync(scenario.AgencyId, 2025, 2);
        factory.InsideWindowOf(2025, 2);
        var second = await _planning.DrawAsync(q2, Seed);

        var team = PlanningClient.Team(second["draw"]!, 0);
        Assert.Empty(team.Intersect(lastTeam));
        Assert.Equal(scenario.InspectorKeys.Except(lastTeam).Order(), team.Order());
        Assert.All(second["draw"]!["selections"]![0]!["skipped"]!.AsArray(), skip =>
        {
            Assert.Contains((string)skip!["inspectorKey"]!, lastTeam);
            Assert.Equal(SkipRules.Rotation, (string?)skip["rule"]);
        });

        // Covered in Q1, the key target is in priority group 1 in Q2 (U = 0).
        var key = second["draw"]!["quotas"]![0]!;
        Assert.Equal((1, 1, 1), ((int)key["poolSize"]!, (int)key["alreadyCovered"]!, (int)key["quota"]!));
    }

    [Fact]
    public async Task A_target_at_its_annual_cap_is_left_out_of_the_pool()
    {
        var scenario = await Scenario.CreateAsync(
            factory.Services, "CAP", Scenario.Many(TargetCategory.Key, 2), officers: 2,
            policy: agency => new SamplingPolicy { Agency = agency, EffectiveFrom = new DateOnly(2022, 1, 1), AnnualCapPerTarget = 1, Rotation = false, CreatedBy = "test" });
        var q1 = await _planning.PublishedPlanAsync(scenario.AgencyId, 2026, 1);
        factory.InsideWindowOf(2026, 1);
        var first = await _planning.DrawAsync(q1, Seed);
        await _planning.CommitAsync((string)first["draw"]!["id"]!);
        var q2 = await _planning.PublishedPlanAsync(scenario.AgencyId, 2026, 2);

        var preview = await _planning.Client.QueryAsync("query($id: ID!) { previewQuotas(planId: $id) { quotas { category poolSize alreadyCovered quota leftOutAtCap } } }", new { id = q2 });
        factory.InsideWindowOf(2026, 2);
        var second = await _planning.DrawAsync(q2, Seed);

        var key = preview["previewQuotas"]!["quotas"]![0]!;
        Assert.Equal((1, 0, 1, 1), ((int)key["poolSize"]!, (int)key["alreadyCovered"]!, (int)key["quota"]!, (int)key["leftOutAtCap"]!));
        Assert.NotEqual((string?)first["draw"]!["selections"]![0]!["targetKey"], (string?)second["draw"]!["selections"]![0]!["targetKey"]);
    }

    [Fact]
    public async Task Of_concurrent_commits_for_one_plan_exactly_one_succeeds()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, "RAC", [TargetCategory.Key, TargetCategory.Special, TargetCategory.General], officers: 4);
        var planId = await _planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
        var superseded = await _planning.DrawAsync(planId, Seed, outsideWindowReason: "测试");
        var latest = await _planning.DrawAsync(planId, Seed + " 1", reason: "重抽", outsideWindowReason: "测试");
        var drawId = (string)latest["draw"]!["id"]!;

        var clients = Enumerable.Range(0, 6).Select(_ => new PlanningClient(factory.CreateGraphQLClient(Roles.Coordinator))).ToList();
        using var start = new ManualResetEventSlim();
        var commits = clients.Select(c => Task.Run(() => { start.Wait(); return c.CommitAsync(drawId); })).ToList();
        start.Set();
        var results = await Task.WhenAll(commits);

        Assert.Single(results, r => r["errors"] is null);
        Assert.All(results.Where(r => r["errors"] is not null), r => Assert.Equal("DRAW_ALREADY_COMMITTED", PlanningClient.ErrorCode(r)));
        Assert.Equal(3, await ScalarAsync($"SELECT COUNT(*) FROM \"InspectionTasks\" WHERE \"PlanId\" = {PlanKey(planId)}"));
        Assert.Equal("SUPERSEDED", (string?)(await _planning.Client.QueryAsync("query($id: ID!) { draw(id: $id) { status } }", new { id = (string)superseded["draw"]!["id"]! }))["draw"]!["status"]);
    }

    [Fact]
    public async Task Concurrent_redraws_leave_attempts_numbered_without_gaps_and_one_proposed()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, "RDW", [TargetCategory.Key, TargetCategory.Special], officers: 4);
        var planId = await _planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
        await _planning.DrawAsync(planId, Seed, outsideWindowReason: "测试");

        var clients = Enumerable.Range(0, 5).Select(_ => new PlanningClient(factory.CreateGraphQLClient(Roles.Coordinator))).ToList();
        using var start = new ManualResetEventSlim();
        var redraws = clients.Select((c, i) => Task.Run(() => { start.Wait(); return c.DrawAsync(planId, $"{Seed} {i}", reason: "并发重抽", outsideWindowReason: "测试"); })).ToList();
        start.Set();
        var results = await Task.WhenAll(redraws);

        // Each request either recorded the next attempt or was told another one came first; none was lost or doubled.
        Assert.All(results, r => Assert.True(r["errors"] is null || PlanningClient.ErrorCode(r) == "CONCURRENCY_CONFLICT", r.ToJsonString()));
        var draws = (await _planning.Client.QueryAsync("query($id: ID!) { node(id: $id) { ... on SamplingPlan { draws { attempt status } } } }", new { id = planId }))["node"]!["draws"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 1 + results.Count(r => r["errors"] is null)), draws.Select(d => (int)d!["attempt"]!));
        Assert.Equal(["PROPOSED"], draws.Select(d => (string)d!["status"]!).Where(s => s != "SUPERSEDED"));
    }

    /// <summary>A published 2023Q3 plan of a new agency with one key target and two officers.</summary>
    private async Task<string> OnePlanAsync()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, Scenario.NextTag(), [TargetCategory.Key], officers: 2);
        return await _planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
    }

    private async Task<string> InspectorIdAsync(string certificateNumber)
        => (string)(await factory.CreateGraphQLClient(Roles.Admin).QueryAsync(
            "query($c: String!) { inspectorByCertificateNumber(certificateNumber: $c) { id } }", new { c = certificateNumber }))["inspectorByCertificateNumber"]!["id"]!;

    private async Task<string> TargetIdAsync(string creditCode)
        => (string)(await factory.CreateGraphQLClient(Roles.Admin).QueryAsync(
            "query($c: String!) { targetByCreditCode(creditCode: $c) { id } }", new { c = creditCode }))["targetByCreditCode"]!["id"]!;

    private async Task<string> DocumentAsync(string drawId)
        => (string)(await _planning.Client.QueryAsync("query($id: ID!) { draw(id: $id) { verificationDocument } }", new { id = drawId }))["draw"]!["verificationDocument"]!;

    private static int PlanKey(string id) => GlobalId.ParseFor(nameof(SamplingPlan), id)!.Value;

    private Task<long> ScalarAsync(string sql) => factory.Database.ScalarAsync<long>(sql);
}
