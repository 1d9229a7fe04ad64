using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Draws;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Api.Tests.Compliance;

/// <summary>
/// A quarter made through the API (plan, draw, commit, record, a follow-up visit, a targeted check, a late publication,
/// an amendment after it), its statistics checked against figures worked out by hand.
/// </summary>
public sealed class ScenarioComplianceTests(ComplianceApiFactory factory) : IClassFixture<ComplianceApiFactory>
{
    private const string Errors = "errors { ... on Error { code } ... on ValidationError { field } }";

    private const string StaffFields = """
        categories { category poolSize requiredMinimum drawn inspectedFirms visits ratio requiredRatio met }
        keyCoverage keyTargets keyTargetsCovered uncoveredKeyTargets { creditCode }
        publicationsOnTime publicationsLate latePublications { deadline publishedOn workingDaysLate }
        publicationsDue duePublications { year quarter unrecordedTasks workCompletedOn deadline overdue }
        visits problemsFound problemFoundRate transfers offSiteShare workload { inspectors min median max } auxiliaryShare
        targeted { inspections problemsFound transfers }
        """;

    [Fact]
    public async Task A_drawn_recorded_and_published_quarter_has_the_figures_worked_out_by_hand()
    {
        // 4 key, 2 special and 10 general targets; 4 officers and 1 auxiliary; teams of two officers and one assistant.
        var scenario = await Scenario.CreateAsync(
            factory.Services, "CMP", [.. Scenario.Many(TargetCategory.Key, 4), .. Scenario.Many(TargetCategory.Special, 2), .. Scenario.Many(TargetCategory.General, 10)],
            officers: 4, assistants: 1,
            policy: agency => new SamplingPolicy { Agency = agency, EffectiveFrom = new DateOnly(2022, 1, 1), AssistantsPerTeam = 1, CreatedBy = "test" });
        var planning = new PlanningClient(factory.CreateGraphQLClient(Roles.Coordinator));
        var coordinator = planning.Client;
        var auditor = factory.CreateGraphQLClient(Roles.Auditor);
        factory.Clock.SetChinaDay(new DateOnly(2023, 6, 1));
        var planId = await planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
        var drawId = (string)(await planning.DrawAsync(planId, "合规统计测试 2023Q3 公开摇号 4 6 1 3 5", outsideWindowReason: "测试"))["draw"]!["id"]!;
        var tasks = (await planning.CommitAsync(drawId))["tasks"]!.AsArray();

        // Quotas of Q3 (q = 2, nothing covered yet): key max(ceil(0.25×4) = 1, ceil(4/2) = 2) = 2, special ceil(0.5×2) = 1,
        // general ceil(ceil(0.1×10)/2) = 1.
        var strata = tasks.Select(t => (string)t!["selection"]!["category"]!).ToList();
        Assert.Equal(["KEY", "KEY", "SPECIAL", "GENERAL"], strata);
        var (keyA, keyB, special, general) = ((string)tasks[0]!["id"]!, (string)tasks[1]!["id"]!, (string)tasks[2]!["id"]!, (string)tasks[3]!["id"]!);

        factory.Clock.SetChinaDay(new DateOnly(2023, 8, 20));
        await RecordAsync(coordinator, keyA, new { inspectedOn = "2023-07-10", mode = "ON_SITE", outcome = "PROBLEM_FOUND", description = "危废贮存不规范", transferredToEnforcement = true, caseReference = "测开环罚〔2023〕3号" });
        await RecordAsync(coordinator, keyB, new { inspectedOn = "2023-07-12", mode = "OFF_SITE", evidence = new[] { "AUTOMATIC_MONITORING" }, outcome = "NORMAL" });
        var generalRecord = await RecordAsync(coordinator, general, new { inspectedOn = "2023-07-25", mode = "ON_SITE", outcome = "NORMAL" });
        await RecordAsync(coordinator, special, new { inspectedOn = "2023-07-20", mode = "ON_SITE", outcome = "NORMAL" });
        var followUp = await coordinator.QueryAsync(
            $"mutation($id: ID!) {{ addFollowUpVisit(input: {{ taskId: $id, reason: \"复查\" }}) {{ task {{ visits }} {Errors} }} }}", new { id = special });
        Assert.Equal("none", followUp["addFollowUpVisit"]!.ErrorSummary());
        await RecordAsync(coordinator, special, new { inspectedOn = "2023-08-01", mode = "ON_SITE", outcome = "NORMAL" });
        var untouched = scenario.TargetKeys[^1];
        var targetId = (string)(await auditor.QueryAsync("query($code: String!) { targetByCreditCode(creditCode: $code) { id } }", new { code = untouched }))["targetByCreditCode"]!["id"]!;
        var targeted = await coordinator.QueryAsync(
            $$"""
            mutation($id: ID!) { recordTargetedInspection(input: { targetId: $id, reason: COMPLAINT, basis: "12369 投诉",
              findings: { inspectedOn: "2023-08-15", mode: ON_SITE, outcome: PROBLEM_FOUND, description: "异味扰民" } }) { {{Errors}} } }
            """,
            new { id = targetId });
        Assert.Equal("none", targeted["recordTargetedInspection"]!.ErrorSummary());

        var before = await StaffStatsAsync(auditor, scenario.AgencyId, 2023, 3);
        Assert.Equal(
            """[{"category":"KEY","poolSize":4,"requiredMinimum":2,"drawn":2,"inspectedFirms":2,"visits":2,"ratio":0.5,"requiredRatio":0.5,"met":true},"""
            + """{"category":"SPECIAL","poolSize":2,"requiredMinimum":1,"drawn":1,"inspectedFirms":1,"visits":2,"ratio":0.5,"requiredRatio":0.5,"met":true},"""
            + """{"category":"GENERAL","poolSize":10,"requiredMinimum":1,"drawn":1,"inspectedFirms":1,"visits":1,"ratio":0.1,"requiredRatio":0.1,"met":true},"""
            + """{"category":"CONSTRUCTION_PROJECT","poolSize":0,"requiredMinimum":0,"drawn":0,"inspectedFirms":0,"visits":0,"ratio":0,"requiredRatio":0,"met":true},"""
            + """{"category":"INDUSTRIAL_PARK","poolSize":0,"requiredMinimum":0,"drawn":0,"inspectedFirms":0,"visits":0,"ratio":0,"requiredRatio":0,"met":true}]""",
            before["categories"]!.ToJsonString());
        // 5 random visits: 1 problem (transferred), 1 off site; the targeted check is apart.
        Assert.Equal((5, 1, 0.2, 1, 0.2), ((int)before["visits"]!, (int)before["problemsFound"]!, (double)before["problemFoundRate"]!, (int)before["transfers"]!, (double)before["offSiteShare"]!));
        Assert.Equal("""{"inspections":1,"problemsFound":1,"transfers":0}""", before["targeted"]!.ToJsonString());
        // Key coverage 2 of 4; the uncovered ones are the key targets the draw did not take.
        var drawnKeys = tasks.Take(2).Select(t => (string)t!["target"]!["creditCode"]!).ToHashSet();
        Assert.Equal((0.5, 4, 2), ((double)before["keyCoverage"]!, (int)before["keyTargets"]!, (int)before["keyTargetsCovered"]!));
        Assert.Equal(
            scenario.TargetKeys.Take(4).Where(k => !drawnKeys.Contains(k)).Order(StringComparer.Ordinal),
            before["uncoveredKeyTargets"]!.AsArray().Select(t => (string)t!["creditCode"]!).Order(StringComparer.Ordinal));
        // Work complete on 2023-08-01 (the follow-up visit), not yet published: due by the 20th working day after, 2023-08-29.
        Assert.Equal(
            """{"due":1,"list":[{"year":2023,"quarter":3,"unrecordedTasks":0,"workCompletedOn":"2023-08-01","deadline":"2023-08-29","overdue":false}]}""",
            new JsonObject { ["due"] = before["publicationsDue"]!.DeepClone(), ["list"] = before["duePublications"]!.DeepClone() }.ToJsonString());
        // Teams: 4 tasks × (2 officers + 1 assistant) = 12 places, 4 of them the auxiliary's: a third. The workload is that
        // of the teams the commit returned, counted here.
        Assert.Equal(1.0 / 3, (double)before["auxiliaryShare"]!, 9);
        var perInspector = tasks.SelectMany(t => t!["selection"]!["team"]!.AsArray().Select(m => (string)m!["inspectorKey"]!))
            .GroupBy(k => k).Select(g => g.Count()).Order().ToList();
        Assert.Equal(12, perInspector.Sum());
        var median = (perInspector[(perInspector.Count - 1) / 2] + perInspector[perInspector.Count / 2]) / 2.0;
        Assert.Equal(
            $$"""{"inspectors":{{perInspector.Count}},"min":{{perInspector[0]}},"median":{{median}},"max":{{perInspector[^1]}}}""",
            before["workload"]!.ToJsonString());

        // Published on Thursday 2023-08-31: late by 30 and 31 August, 2 working days.
        factory.Clock.SetChinaDay(new DateOnly(2023, 8, 31));
        var published = await coordinator.QueryAsync($"mutation($id: ID!) {{ publishResults(input: {{ planId: $id }}) {{ {Errors} }} }}", new { id = planId });
        Assert.Equal("none", published["publishResults"]!.ErrorSummary());
        // An amendment after publication changes the staff figures at once, the public ones only with a new revision.
        var amended = await coordinator.QueryAsync(
            $"mutation($id: ID!) {{ amendInspection(input: {{ recordId: $id, reason: \"复核发现问题\", outcome: PROBLEM_FOUND, description: \"台账缺失\" }}) {{ {Errors} }} }}",
            new { id = generalRecord });
        Assert.Equal("none", amended["amendInspection"]!.ErrorSummary());

        var after = await StaffStatsAsync(auditor, scenario.AgencyId, 2023, 3);
        Assert.Equal(
            """[1,0,[{"deadline":"2023-08-29","publishedOn":"2023-08-31","workingDaysLate":2}],0,[],2]""",
            new JsonArray(after["publicationsLate"]!.DeepClone(), after["publicationsOnTime"]!.DeepClone(), after["latePublications"]!.DeepClone(), after["publicationsDue"]!.DeepClone(), after["duePublications"]!.DeepClone(), after["problemsFound"]!.DeepClone()).ToJsonString());
        var anonymous = (await factory.CreateGraphQLClient().QueryAsync(
            "query($id: ID!) { complianceStats(agencyId: $id, year: 2023, quarter: 3) { categories { category inspectedFirms visits } visits problemsFound problemFoundRate latePublications { workingDaysLate } } }",
            new { id = scenario.AgencyId }))["complianceStats"]!;
        Assert.Equal(
            """{"categories":[{"category":"KEY","inspectedFirms":2,"visits":2},{"category":"SPECIAL","inspectedFirms":1,"visits":2},{"category":"GENERAL","inspectedFirms":1,"visits":1},{"category":"CONSTRUCTION_PROJECT","inspectedFirms":0,"visits":0},{"category":"INDUSTRIAL_PARK","inspectedFirms":0,"visits":0}],"visits":5,"problemsFound":1,"problemFoundRate":0.2,"latePublications":[{"workingDaysLate":2}]}""",
            anonymous.ToJsonString());

        // Q4, not drawn: the quota calculator on today's registry with Q3's tasks as coverage. Key max(ceil(0.25×4) = 1,
        // ceil(2/1) = 2) = 2, none inspected; special 1; general ceil(max(0, 1 − 1)/1) = 0.
        var series = (await auditor.QueryAsync(
            "query($id: ID!) { complianceSeries(agencyId: $id, fromYear: 2023, toYear: 2023) { quarter categories { category requiredMinimum inspectedFirms met } } }",
            new { id = scenario.AgencyId }))["complianceSeries"]!.AsArray();
        Assert.Equal(
            "Q1 KEY 1/0 no, SPECIAL 1/0 no, GENERAL 1/0 no | Q2 KEY 2/0 no, SPECIAL 1/0 no, GENERAL 1/0 no | Q3 KEY 2/2 yes, SPECIAL 1/1 yes, GENERAL 1/1 yes | Q4 KEY 2/0 no, SPECIAL 1/0 no, GENERAL 0/0 yes",
            string.Join(" | ", series.Select(s => $"Q{s!["quarter"]} " + string.Join(", ", s["categories"]!.AsArray().Take(3)
                .Select(c => $"{c!["category"]} {c["requiredMinimum"]}/{c["inspectedFirms"]} {((bool)c["met"]! ? "yes" : "no")}")))));
    }

    private static async Task<JsonNode> StaffStatsAsync(GraphQLClient staff, string agencyId, int year, int quarter)
        => (await staff.QueryAsync(
            $"query($id: ID!, $year: Int!, $quarter: Int) {{ complianceStats(agencyId: $id, year: $year, quarter: $quarter) {{ {StaffFields} }} }}",
            new { id = agencyId, year, quarter }))["complianceStats"]!;

    private static async Task<string> RecordAsync(GraphQLClient client, string taskId, object findings)
    {
        var payload = (await client.QueryAsync(
            $"mutation($input: RecordInspectionInput!) {{ recordInspection(input: $input) {{ record {{ id }} {Errors} }} }}",
            new { input = new { taskId, findings } }))["recordInspection"]!;
        Assert.Equal("none", payload.ErrorSummary());
        return (string)payload["record"]!["id"]!;
    }
}
