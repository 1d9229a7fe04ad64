using System.Net;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Draws;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using Snapshooter;
using Snapshooter.Xunit;

namespace DualRandomGraph.Api.Tests.Draws;

/// <summary>
/// A quarter of the demo agency from policy to tasks, through the endpoint as a coordinator works: one test, so the
/// steps build on each other and every id and timestamp in the snapshots is the same on every run.
/// </summary>
public sealed class DrawFlowTests(DrawsApiFactory factory) : IClassFixture<DrawsApiFactory>
{
    private const string DemoAgency = "QWdlbmN5OjE";
    private const string KeyTarget = "91652801DEMQ00003T";

    private readonly GraphQLClient _coordinator = factory.CreateGraphQLClient(Roles.Coordinator);

    [Fact]
    public async Task Policy_plan_publish_preview_draw_redraw_commit_verify_download()
    {
        var planning = new PlanningClient(_coordinator);
        factory.Clock.SetChinaDay(new DateOnly(2023, 3, 1));

        var policy = await _coordinator.QueryAsync(
            $$"""
            mutation($input: SetSamplingPolicyInput!) { setSamplingPolicy(input: $input) {
              policy { effectiveFrom keyQuarterlyRatio keyAnnualFullCoverage specialQuarterlyRatio generalAnnualRatio constructionProjectQuarterlyRatio
                       officersPerTeam assistantsPerTeam maxTasksPerInspector rotation annualCapPerTarget reason createdBy createdAt }
              {{PlanningClient.ErrorFields}} } }
            """,
            new { input = new { agencyId = DemoAgency, effectiveFrom = "2023-01-01", maxTasksPerInspector = 2, reason = "2023年度工作方案" } });
        Snapshot.Match(policy.ToSnapshot(), Name("1-policy"));

        // R6: the zone's only key target is on the positive list, so its task will be off-site.
        var admin = factory.CreateGraphQLClient(Roles.Admin);
        var targetId = (string)(await admin.QueryAsync($$"""{ targetByCreditCode(creditCode: "{{KeyTarget}}") { id } }"""))["targetByCreditCode"]!["id"]!;
        await admin.QueryAsync("mutation($id: ID!) { updateTarget(input: { id: $id, onPositiveList: true }) { target { onPositiveList } } }", new { id = targetId });

        var planId = await planning.PublishedPlanAsync(DemoAgency, 2023, 2);
        var plan = await _coordinator.QueryAsync(
            """
            query($id: ID!) { node(id: $id) { ... on SamplingPlan { year quarter status publishedBy publishedAt drawWindow { start end }
              policy { effectiveFrom maxTasksPerInspector } checkItems { code } } } }
            """,
            new { id = planId });
        Snapshot.Match(plan.ToSnapshot(), Name("2-published-plan"));

        var preview = await _coordinator.QueryAsync(
            "query($id: ID!) { previewQuotas(planId: $id) { officers assistants windowOpen drawWindow { start end } quotas { category poolSize alreadyCovered quartersLeft quota rule leftOutAtCap } } }",
            new { id = planId });
        Snapshot.Match(preview.ToSnapshot(), Name("3-preview"));

        factory.InsideWindowOf(2023, 2);
        var first = await planning.DrawAsync(planId, "4 1 5 9 2 6 5 3 5 8 9 7 9 3");
        Snapshot.Match(first.ToSnapshot(), Name("4-first-draw"));
        Assert.Null(first["draw"]!["outsideWindowReason"]);

        var noReason = await planning.DrawAsync(planId, "2 7 1 8 2 8 1 8 2 8 4 5 9 0");
        Assert.Equal("REDRAW_REASON_REQUIRED", PlanningClient.ErrorCode(noReason));
        var second = await planning.DrawAsync(planId, "2 7 1 8 2 8 1 8 2 8 4 5 9 0", reason: "公证员未到场，重新摇号");
        Assert.Equal(2, (int)second["draw"]!["attempt"]!);
        var secondId = (string)second["draw"]!["id"]!;
        var firstId = (string)first["draw"]!["id"]!;

        // Both attempts are kept; the first is superseded, with the time it happened.
        var attempts = await _coordinator.QueryAsync(
            "query($id: ID!) { node(id: $id) { ... on SamplingPlan { status draws { attempt status reason supersededAt seed } committedDraw { id } } } }",
            new { id = planId });
        Snapshot.Match(attempts.ToSnapshot(), Name("5-attempts"));

        var commitFirst = await planning.CommitAsync(firstId);
        Assert.Equal("DRAW_SUPERSEDED", PlanningClient.ErrorCode(commitFirst));

        var commit = await planning.CommitAsync(secondId);
        Snapshot.Match(commit.ToSnapshot(), Name("6-commit"));
        var tasks = commit["tasks"]!.AsArray();
        Assert.Equal(second["draw"]!["selections"]!.AsArray().Count, tasks.Count);
        Assert.All(tasks, task => Assert.Equal((bool)task!["target"]!["onPositiveList"]! ? "OFF_SITE" : "ON_SITE", (string?)task["mode"]));
        Assert.Contains(tasks, task => (string?)task!["target"]!["creditCode"] == KeyTarget && (string?)task["mode"] == "OFF_SITE");

        var afterCommit = await planning.DrawAsync(planId, "1 1 2 3 5 8 13 21 34 55", reason: "再抽一次");
        Assert.Equal("DRAW_ALREADY_COMMITTED", PlanningClient.ErrorCode(afterCommit));

        var verified = await factory.CreateGraphQLClient(Roles.Auditor).QueryAsync(
            "query($a: ID!, $b: ID!) { first: verifyDraw(id: $a) { matches differences documentUrl } second: verifyDraw(id: $b) { matches differences documentUrl } }",
            new { a = firstId, b = secondId });
        Snapshot.Match(verified.ToSnapshot(), Name("7-verified"));

        // The download is the document the query field returns, and the CLI verifies it with no database.
        var document = (string)(await _coordinator.QueryAsync("query($id: ID!) { draw(id: $id) { verificationDocument } }", new { id = secondId }))["draw"]!["verificationDocument"]!;
        using var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, (string)verified["second"]!["documentUrl"]!)
        {
            Headers = { Authorization = _coordinator.Http.DefaultRequestHeaders.Authorization },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename=\"draw-KETDZ-EPB-2023Q2-2.json\"", response.Content.Headers.ContentDisposition?.ToString());
        var downloaded = await response.Content.ReadAsStringAsync();
        Assert.Equal(document, downloaded);
        Snapshot.Match(JsonNode.Parse(downloaded)!.ToSnapshot(), Name("8-document"));

        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, downloaded);
            using var output = new StringWriter();
            Assert.Equal(0, VerifyDrawCommand.Run(file, output, TextWriter.Null));
            Assert.StartsWith("VERIFIED: the drg-1 draw of KETDZ-EPB/2023Q2 recomputes exactly", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static SnapshotNameExtension Name(string step) => SnapshotNameExtension.Create(step);
}
