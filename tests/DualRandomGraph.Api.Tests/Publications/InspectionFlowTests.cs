using System.Net;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Draws;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Api.Tests.Publications;

/// <summary>
/// A plan from its committed draw to its published results: recording (and every typed error on the way), a follow-up
/// visit, an amendment and its history, a targeted check kept out of the table, and a corrected revision.
/// </summary>
public sealed class InspectionFlowTests(DrawsApiFactory factory) : IClassFixture<DrawsApiFactory>
{
    private const string Errors = "errors { __typename ... on Error { code message } ... on ValidationError { field } }";

    private const string Record = $$"""
        mutation($input: RecordInspectionInput!) { recordInspection(input: $input) {
          record { id visit origin category outcome description recordedBy task { status visits } } {{Errors}} } }
        """;

    [Fact]
    public async Task A_plan_is_recorded_corrected_and_published_in_revisions()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, Scenario.NextTag(), [TargetCategory.Key, TargetCategory.Special], officers: 6);
        var planning = new PlanningClient(factory.CreateGraphQLClient(Roles.Coordinator));
        var coordinator = planning.Client;
        var planId = await planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
        var drawId = (string)(await planning.DrawAsync(planId, "1 2 3 4 5 6 6 5 4 3 2 1 1 2", outsideWindowReason: "测试"))["draw"]!["id"]!;
        var tasks = (await planning.CommitAsync(drawId))["tasks"]!.AsArray();
        var (first, second) = ((string)tasks[0]!["id"]!, (string)tasks[1]!["id"]!);
        var member = (string)tasks[0]!["selection"]!["team"]![0]!["inspectorKey"]!;
        var team = tasks[0]!["selection"]!["team"]!.AsArray().Select(m => (string)m!["inspectorKey"]!).ToHashSet();
        var inspector = factory.CreateGraphQLClientAs(member, Roles.Inspector);
        var outsider = factory.CreateGraphQLClientAs(scenario.InspectorKeys.First(k => !team.Contains(k)), Roles.Inspector);
        factory.Clock.SetChinaDay(new DateOnly(2023, 8, 15));

        Assert.Equal("NOT_FOUND", await RecordErrorsAsync(outsider, first, Findings("2023-07-10"))); // unpublished: hidden from them, as if unknown
        Assert.Equal("DATE_OUTSIDE_QUARTER", await RecordErrorsAsync(inspector, first, Findings("2023-06-30")));
        Assert.Equal("VALIDATION(findings.inspectedOn)", await RecordErrorsAsync(inspector, first, Findings("2023-09-01")));
        Assert.Equal("EVIDENCE_REQUIRED", await RecordErrorsAsync(inspector, first, Findings("2023-07-10", mode: "OFF_SITE")));
        Assert.Equal("CASE_REFERENCE_REQUIRED", await RecordErrorsAsync(inspector, first, Findings("2023-07-10", outcome: "PROBLEM_FOUND", transferred: true)));
        Assert.Equal("VALIDATION(findings.transferredToEnforcement)", await RecordErrorsAsync(inspector, first, Findings("2023-07-10", transferred: true, caseReference: "库开环罚〔2023〕1号")));

        var recorded = await RecordAsync(inspector, first, Findings("2023-07-10", mode: "OFF_SITE", evidence: ["AUTOMATIC_MONITORING", "PERMIT_PLATFORM"]));
        Assert.Equal(("RANDOM", 1, "无", "RECORDED", member), ((string)recorded["origin"]!, (int)recorded["visit"]!, (string)recorded["description"]!, (string)recorded["task"]!["status"]!, (string)recorded["recordedBy"]!));
        Assert.Equal("TASK_ALREADY_RECORDED", await RecordErrorsAsync(inspector, first, Findings("2023-07-11")));

        // Unpublished results stay confidential: no one without an account reads records, or finds them published.
        var anonymous = factory.CreateGraphQLClient();
        Assert.Contains("AUTH_NOT_AUTHENTICATED", (await anonymous.PostAsync("{ inspectionRecords { totalCount } }")).ErrorCodes);

        var followUp = (await coordinator.QueryAsync(
            $"mutation($taskId: ID!) {{ addFollowUpVisit(input: {{ taskId: $taskId, reason: \"复查整改情况\" }}) {{ task {{ status visits followUps {{ visit reason }} }} {Errors} }} }}",
            new { taskId = first }))["addFollowUpVisit"]!["task"]!;
        Assert.Equal(("ASSIGNED", 2), ((string)followUp["status"]!, (int)followUp["visits"]!));
        var revisit = await RecordAsync(coordinator, first, Findings("2023-08-01", outcome: "PROBLEM_FOUND", description: "危废台账不全", transferred: true, caseReference: "库开环罚〔2023〕7号"));
        Assert.Equal((2, "RECORDED"), ((int)revisit["visit"]!, (string)revisit["task"]!["status"]!));

        Assert.Equal("TASKS_NOT_RECORDED", await PublishErrorsAsync(coordinator, planId, null));
        await RecordAsync(coordinator, second, Findings("2023-07-20"));
        var targetId = (string)(await coordinator.QueryAsync("query($id: ID!) { node(id: $id) { ... on InspectionTask { target { id } } } }", new { id = second }))["node"]!["target"]!["id"]!;
        var targeted = (await coordinator.QueryAsync(
            $$"""
            mutation($targetId: ID!) { recordTargetedInspection(input: { targetId: $targetId, reason: COMPLAINT, basis: "12369 投诉 2023-0815",
              findings: { inspectedOn: "2023-08-15", mode: ON_SITE, outcome: NORMAL } }) { record { origin targetedReason } {{Errors}} } }
            """,
            new { targetId }))["recordTargetedInspection"]!["record"]!;
        Assert.Equal("TARGETED", (string?)targeted["origin"]);

        var publication = await PublishAsync(coordinator, planId, null);
        Assert.Equal("NOT_ON_TEAM", await RecordErrorsAsync(outsider, first, Findings("2023-07-11"))); // published: seen, yet not theirs
        Assert.Equal(
            "1 2023-07-10 正常 无 | 2 2023-07-20 正常 无 | 3 2023-08-01 发现问题 危废台账不全",
            Table(publication["rows"]!));
        Assert.Equal((1, 1, 2, 3), ((int)publication["revision"]!, (int)publication["keyFirms"]!, (int)publication["specialVisits"]! + (int)publication["keyFirms"]!, (int)publication["visits"]!));
        Assert.Equal(("2023-08-01", "2023-08-29", true), ((string?)publication["workCompletedOn"], (string?)publication["deadline"], (bool)publication["onTime"]!));
        Assert.NotNull((string?)publication["verificationDocumentUrl"]);
        Assert.Equal("200 OK", await PublishedResultsTests.DocumentStatusAsync(factory, anonymous, drawId));
        Assert.Equal("COMPLETED", (string?)(await coordinator.QueryAsync("query($id: ID!) { node(id: $id) { ... on SamplingPlan { status } } }", new { id = planId }))["node"]!["status"]);

        // A correction changes the record, keeps the history, and leaves the published row alone until a new revision.
        var recordId = (string)recorded["id"]!;
        Assert.Equal("VALIDATION(reason)", await AmendErrorsAsync(coordinator, recordId, "", "废气排放口标识不规范（已整改）"));
        Assert.Equal("none", await AmendErrorsAsync(coordinator, recordId, "录入遗漏情况说明", "废气排放口标识不规范（已整改）"));
        var history = (await factory.CreateGraphQLClient(Roles.Auditor).QueryAsync(
            "query($id: ID!) { node(id: $id) { ... on InspectionRecord { version description task { status } amendments { reason amendedBy previousDescription description } } } }",
            new { id = recordId }))["node"]!;
        Assert.Equal(
            """{"version":1,"description":"废气排放口标识不规范（已整改）","task":{"status":"CORRECTED"},"amendments":[{"reason":"录入遗漏情况说明","amendedBy":"test-coordinator","previousDescription":"无","description":"废气排放口标识不规范（已整改）"}]}""",
            history.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal("1 2023-07-10 正常 无", await FirstPublishedRowAsync(anonymous, scenario.AgencyCode));

        Assert.Equal("REVISION_REASON_REQUIRED", await PublishErrorsAsync(coordinator, planId, null));
        var revision = await PublishAsync(coordinator, planId, "更正第1行情况说明");
        Assert.Equal((2, "1 2023-07-10 正常 废气排放口标识不规范（已整改）"), ((int)revision["revision"]!, Table(revision["rows"]!).Split(" | ")[0]));
        Assert.Equal("1 2023-07-10 正常 废气排放口标识不规范（已整改）", await FirstPublishedRowAsync(anonymous, scenario.AgencyCode));
        var revisions = (await anonymous.QueryAsync(
            "query($code: String!) { publications(where: { agencyCode: { eq: $code } }, order: [{ revision: ASC }]) { nodes { revision supersededAt } } }",
            new { code = scenario.AgencyCode }))["publications"]!["nodes"]!.AsArray();
        Assert.Equal([true, false], revisions.Select(r => r!["supersededAt"] is not null));
    }

    private static object Findings(
        string inspectedOn, string mode = "ON_SITE", string[]? evidence = null, string outcome = "NORMAL", string? description = null, bool transferred = false, string? caseReference = null)
        => new { inspectedOn, mode, evidence, outcome, description, transferredToEnforcement = transferred, caseReference };

    private static async Task<JsonNode> RecordAsync(GraphQLClient client, string taskId, object findings)
    {
        var payload = (await client.QueryAsync(Record, new { input = new { taskId, findings } }))["recordInspection"]!;
        Assert.Equal("none", payload.ErrorSummary());
        return payload["record"]!;
    }

    private static async Task<string> RecordErrorsAsync(GraphQLClient client, string taskId, object findings)
        => (await client.QueryAsync(Record, new { input = new { taskId, findings } }))["recordInspection"]!.ErrorSummary();

    private static async Task<string> AmendErrorsAsync(GraphQLClient client, string recordId, string reason, string description)
        => (await client.QueryAsync(
            $"mutation($input: AmendInspectionInput!) {{ amendInspection(input: $input) {{ record {{ id }} {Errors} }} }}",
            new { input = new { recordId, reason, description } }))["amendInspection"]!.ErrorSummary();

    private const string Publish = $$"""
        mutation($planId: ID!, $reason: String) { publishResults(input: { planId: $planId, reason: $reason }) {
          publication { id revision keyFirms specialVisits visits workCompletedOn deadline onTime verificationDocumentUrl
            rows(order: [{ number: ASC }]) { number inspectedOn outcomeLabel description } }
          {{Errors}} } }
        """;

    private static async Task<JsonNode> PublishAsync(GraphQLClient client, string planId, string? reason)
    {
        var payload = (await client.QueryAsync(Publish, new { planId, reason }))["publishResults"]!;
        Assert.Equal("none", payload.ErrorSummary());
        return payload["publication"]!;
    }

    private static async Task<string> PublishErrorsAsync(GraphQLClient client, string planId, string? reason)
        => (await client.QueryAsync(Publish, new { planId, reason }))["publishResults"]!.ErrorSummary();

    private static string Table(JsonNode rows)
        => string.Join(" | ", rows.AsArray().Select(r => $"{r!["number"]} {r["inspectedOn"]} {r["outcomeLabel"]} {r["description"]}"));

    private static async Task<string> FirstPublishedRowAsync(GraphQLClient anonymous, string agencyCode)
    {
        var response = await anonymous.PostAsync(
            "query($code: String!) { publishedResults(first: 1, where: { publication: { agencyCode: { eq: $code } } }, order: [{ number: ASC }]) { nodes { number inspectedOn outcomeLabel description } } }",
            new { code = agencyCode });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.Errors is null, response.Body.ToJsonString());
        return Table(response.Data!["publishedResults"]!["nodes"]!);
    }
}
