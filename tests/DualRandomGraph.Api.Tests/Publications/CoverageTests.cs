using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Draws;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Api.Tests.Publications;

/// <summary>Imported history counts as random coverage for the year's next draws; targeted checks never do.</summary>
public sealed class CoverageTests(DrawsApiFactory factory) : IClassFixture<DrawsApiFactory>
{
    [Fact]
    public async Task Imported_checks_cover_a_target_and_targeted_ones_do_not()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, Scenario.NextTag(), [TargetCategory.Key, TargetCategory.Key, TargetCategory.Key, TargetCategory.Key], officers: 4);
        factory.Clock.SetChinaDay(new DateOnly(2023, 4, 20));
        var admin = factory.CreateGraphQLClient(Roles.Admin);
        var coordinator = factory.CreateGraphQLClient(Roles.Coordinator);

        var unknown = (await admin.QueryAsync(
            "mutation($input: ImportInspectionHistoryInput!) { importInspectionHistory(input: $input) { records { id } errors { ... on Error { code } } } }",
            new { input = new { agencyId = scenario.AgencyId, source = "旧平台", records = new[] { Imported(scenario.TargetKeys[0]), Imported("91652801MA00000000") } } }))["importInspectionHistory"]!;
        Assert.Equal("UNKNOWN_TARGET", unknown.ErrorSummary());
        var imported = (await admin.QueryAsync(
            "mutation($input: ImportInspectionHistoryInput!) { importInspectionHistory(input: $input) { records { origin inspectedOn } errors { ... on Error { code } } } }",
            new { input = new { agencyId = scenario.AgencyId, source = "旧平台", records = new[] { Imported(scenario.TargetKeys[0]) } } }))["importInspectionHistory"]!;
        Assert.Equal("""[{"origin":"IMPORTED","inspectedOn":"2023-02-15"}]""", imported["records"]!.ToJsonString());

        var targetId = (string)(await admin.QueryAsync("query($code: String!) { targetByCreditCode(creditCode: $code) { id } }", new { code = scenario.TargetKeys[1] }))["targetByCreditCode"]!["id"]!;
        var targeted = (await coordinator.QueryAsync(
            """
            mutation($targetId: ID!) { recordTargetedInspection(input: { targetId: $targetId, reason: MONITORING_ALERT, basis: "在线监测超标报警",
              findings: { inspectedOn: "2023-03-01", mode: ON_SITE, outcome: NORMAL } }) { errors { ... on Error { code } } } }
            """,
            new { targetId }))["recordTargetedInspection"]!;
        Assert.Equal("none", targeted.ErrorSummary());

        var planId = await new PlanningClient(coordinator).PublishedPlanAsync(scenario.AgencyId, 2023, 2);
        var quotas = (await coordinator.QueryAsync(
            "query($id: ID!) { previewQuotas(planId: $id) { quotas { category poolSize alreadyCovered } } }", new { id = planId }))["previewQuotas"]!["quotas"]!.AsArray();
        var key = quotas.Single(q => (string?)q!["category"] == "KEY")!;
        Assert.Equal((4, 1), ((int)key["poolSize"]!, (int)key["alreadyCovered"]!));
    }

    [Fact]
    public async Task An_on_site_check_of_a_positive_list_target_needs_approval()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, Scenario.NextTag(), [TargetCategory.General], officers: 2);
        factory.Clock.SetChinaDay(new DateOnly(2023, 4, 20));
        var admin = factory.CreateGraphQLClient(Roles.Admin);
        var targetId = (string)(await admin.QueryAsync(
            "mutation($id: ID!) { updateTarget(input: { id: $id, onPositiveList: true }) { target { id } } }",
            new { id = (string)(await admin.QueryAsync("query($code: String!) { targetByCreditCode(creditCode: $code) { id } }", new { code = scenario.TargetKeys[0] }))["targetByCreditCode"]!["id"]! }))["updateTarget"]!["target"]!["id"]!;
        const string Mutation = """
            mutation($targetId: ID!, $approval: OnSiteApprovalInput) { recordTargetedInspection(input: { targetId: $targetId, reason: REFERRAL, basis: "上级转办",
              findings: { inspectedOn: "2023-04-10", mode: ON_SITE, outcome: NORMAL, onSiteApproval: $approval } }) { record { onSiteApprovedBy } errors { ... on Error { code } } } }
            """;
        var coordinator = factory.CreateGraphQLClient(Roles.Coordinator);

        var refused = (await coordinator.QueryAsync(Mutation, new { targetId }))["recordTargetedInspection"]!;
        var approved = (await coordinator.QueryAsync(Mutation, new { targetId, approval = new { approvedBy = "局长 王某", approvedOn = "2023-04-07" } }))["recordTargetedInspection"]!;

        Assert.Equal("ON_SITE_APPROVAL_REQUIRED", refused.ErrorSummary());
        Assert.Equal(("none", "局长 王某"), (approved.ErrorSummary(), (string?)approved["record"]!["onSiteApprovedBy"]));
    }

    private static object Imported(string creditCode)
        => new { creditCode, findings = new { inspectedOn = "2023-02-15", mode = "ON_SITE", outcome = "NORMAL" } };
}
