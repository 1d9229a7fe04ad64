using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Draws;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Registry;
using Snapshooter.Xunit;

namespace DualRandomGraph.Api.Tests.Planning;

/// <summary>Recusals (回避) are declared and ended, never deleted; a draw honours those valid in its quarter.</summary>
public sealed class RecusalTests(DrawsApiFactory factory) : IClassFixture<DrawsApiFactory>
{
    private const string Declare = """
        mutation($input: DeclareRecusalInput!) { declareRecusal(input: $input) {
          recusal { id reason validFrom validTo declaredBy version } errors { ... on Error { code } ... on ValidationError { field } ... on NotFoundError { field } } } }
        """;

    private const string End = """
        mutation($input: EndRecusalInput!) { endRecusal(input: $input) {
          recusal { validFrom validTo endedBy endReason version } errors { ... on Error { code } ... on ValidationError { field } } } }
        """;

    private readonly GraphQLClient _coordinator = factory.CreateGraphQLClient(Roles.Coordinator);

    [Fact]
    public async Task A_recusal_is_declared_ended_earlier_and_kept()
    {
        var (inspector, target) = await PairAsync("REA");

        var declared = await _coordinator.QueryAsync(Declare, new { input = new { inspectorId = inspector, targetId = target, reason = "曾在该企业任职", validFrom = "2023-01-01" } });
        var id = (string)declared["declareRecusal"]!["recusal"]!["id"]!;
        var ended = await _coordinator.QueryAsync(End, new { input = new { recusalId = id, validTo = "2023-06-30", reason = "离职满三年", expectedVersion = 0 } });
        var later = await _coordinator.QueryAsync(End, new { input = new { recusalId = id, validTo = "2023-12-31", reason = "延后" } });
        var stale = await _coordinator.QueryAsync(End, new { input = new { recusalId = id, validTo = "2023-03-31", reason = "提前", expectedVersion = 0 } });
        var listed = await factory.CreateGraphQLClient(Roles.Auditor).QueryAsync(
            "query($id: ID!) { recusals(where: { id: { eq: $id } }) { totalCount nodes { inspector { certificateNumber } target { creditCode } validTo } } }", new { id });

        Snapshot.Match(new { declared, ended, later, stale, listed }.ToSnapshot(), options => options.IgnoreField("declared.declareRecusal.recusal.id"));
    }

    [Fact]
    public async Task A_declaration_with_unknown_records_bad_dates_or_an_overlap_is_refused()
    {
        var (inspector, target) = await PairAsync("REB");
        await _coordinator.QueryAsync(Declare, new { input = new { inspectorId = inspector, targetId = target, reason = "亲属", validFrom = "2023-01-01" } });
        var (otherAgencyInspector, _) = await PairAsync("REC");

        var unknown = await _coordinator.QueryAsync(Declare, new { input = new { inspectorId = "SW5zcGVjdG9yOjk5OQ", targetId = "SW5zcGVjdGlvblRhcmdldDo5OTk", reason = " " } });
        var backwards = await _coordinator.QueryAsync(Declare, new { input = new { inspectorId = inspector, targetId = target, reason = "x", validFrom = "2023-05-01", validTo = "2023-04-01" } });
        var overlap = await _coordinator.QueryAsync(Declare, new { input = new { inspectorId = inspector, targetId = target, reason = "x", validFrom = "2024-01-01" } });
        var otherAgency = await _coordinator.QueryAsync(Declare, new { input = new { inspectorId = otherAgencyInspector, targetId = target, reason = "x" } });

        Assert.Equal("NOT_FOUND(inspectorId), NOT_FOUND(targetId), VALIDATION(reason)", unknown["declareRecusal"]!.ErrorSummary());
        Assert.Equal("VALIDATION(validTo)", backwards["declareRecusal"]!.ErrorSummary());
        Assert.Equal("VALIDATION(targetId)", overlap["declareRecusal"]!.ErrorSummary());
        Assert.Equal("VALIDATION(targetId)", otherAgency["declareRecusal"]!.ErrorSummary());
    }

    [Theory]
    [InlineData(Roles.Inspector, "AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHORIZED")]
    [InlineData(Roles.Auditor, "AUTH_NOT_AUTHORIZED", "read")]
    [InlineData(Roles.Admin, "written", "read")]
    public async Task Administrators_and_coordinators_manage_recusals_and_auditors_read_them(string role, string write, string read)
    {
        var (inspector, target) = await PairAsync(Scenario.NextTag());
        var client = factory.CreateGraphQLClient(role);

        var declared = await client.PostAsync(Declare, new { input = new { inspectorId = inspector, targetId = target, reason = "亲属" } });
        var listed = await client.PostAsync("{ recusals { totalCount } }");

        Assert.Equal(write, declared.Errors is null ? "written" : string.Join(", ", declared.ErrorCodes));
        Assert.Equal(read, listed.Errors is null ? "read" : string.Join(", ", listed.ErrorCodes));
    }

    [Fact]
    public async Task A_recusal_that_ended_before_the_quarter_no_longer_excludes()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, "RED", [TargetCategory.Key], officers: 3);
        var (inspector, target) = (await IdAsync("inspectorByCertificateNumber(certificateNumber", scenario.InspectorKeys[0]), await IdAsync("targetByCreditCode(creditCode", scenario.TargetKeys[0]));
        await _coordinator.QueryAsync(Declare, new { input = new { inspectorId = inspector, targetId = target, reason = "旧", validFrom = "2022-01-01", validTo = "2023-06-30" } });
        var (other, _) = (await IdAsync("inspectorByCertificateNumber(certificateNumber", scenario.InspectorKeys[1]), 0);
        await _coordinator.QueryAsync(Declare, new { input = new { inspectorId = other, targetId = target, reason = "新", validFrom = "2023-09-30" } });
        var planning = new PlanningClient(_coordinator);
        var planId = await planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);

        var drawn = await planning.DrawAsync(planId, "5 5 5 1 2 3 4 6 6 2 1 3 4 5", outsideWindowReason: "测试");
        var document = JsonNode.Parse((string)(await _coordinator.QueryAsync("query($id: ID!) { draw(id: $id) { verificationDocument } }", new { id = (string)drawn["draw"]!["id"]! }))["draw"]!["verificationDocument"]!)!;

        var excluded = document["inspectorPool"]!.AsArray().ToDictionary(i => (string)i!["key"]!, i => i!["excludedFor"]!.AsArray().Count);
        Assert.Equal((0, 1, 0), (excluded[scenario.InspectorKeys[0]], excluded[scenario.InspectorKeys[1]], excluded[scenario.InspectorKeys[2]]));
    }

    private async Task<(string Inspector, string Target)> PairAsync(string tag)
    {
        var scenario = await Scenario.CreateAsync(factory.Services, tag, [TargetCategory.General], officers: 2);
        return (await IdAsync("inspectorByCertificateNumber(certificateNumber", scenario.InspectorKeys[0]), await IdAsync("targetByCreditCode(creditCode", scenario.TargetKeys[0]));
    }

    private async Task<string> IdAsync(string lookup, string key)
    {
        var data = await factory.CreateGraphQLClient(Roles.Admin).QueryAsync($"query($k: String!) {{ x: {lookup}: $k) {{ id }} }}", new { k = key });
        return (string)data["x"]!["id"]!;
    }
}
