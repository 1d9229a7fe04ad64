using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Draws;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Registry;
using Snapshooter.Xunit;

namespace DualRandomGraph.Api.Tests.Planning;

/// <summary>Sampling policies and plans: dated policies, one plan per quarter, publication, and their typed errors.</summary>
public sealed class PlanningMutationTests(DrawsApiFactory factory) : IClassFixture<DrawsApiFactory>
{
    private const string SetPolicy = """
        mutation($input: SetSamplingPolicyInput!) { setSamplingPolicy(input: $input) {
          policy { effectiveFrom keyQuarterlyRatio keyAnnualFullCoverage specialQuarterlyRatio generalAnnualRatio constructionProjectQuarterlyRatio
                   industrialParkQuarterlyRatio officersPerTeam assistantsPerTeam maxTasksPerInspector rotation annualCapPerTarget reason }
          errors { ... on Error { code } ... on ValidationError { field } } } }
        """;

    private const string CreatePlan = """
        mutation($input: CreatePlanInput!) { createPlan(input: $input) {
          plan { id year quarter status policy { effectiveFrom } checkItems { code } drawWindow { start end } }
          errors { ... on Error { code message } ... on ValidationError { field } } } }
        """;

    private readonly GraphQLClient _coordinator = factory.CreateGraphQLClient(Roles.Coordinator);

    [Fact]
    public async Task A_first_policy_takes_the_seed_plans_defaults_and_a_later_one_keeps_what_it_does_not_change()
    {
        var agency = await AgencyWithoutPolicyAsync("PLA");

        var first = await _coordinator.QueryAsync(SetPolicy, new { input = new { agencyId = agency, effectiveFrom = "2023-01-01" } });
        var second = await _coordinator.QueryAsync(SetPolicy, new { input = new { agencyId = agency, effectiveFrom = "2023-07-01", officersPerTeam = 3, maxTasksPerInspector = 4, annualCapPerTarget = 2, reason = "人员增加" } });
        var third = await _coordinator.QueryAsync(SetPolicy, new { input = new { agencyId = agency, effectiveFrom = "2024-01-01", maxTasksPerInspector = 0, keyQuarterlyRatio = 0.125 } });
        var all = await factory.CreateGraphQLClient().QueryAsync(
            "query($a: ID!) { policies(where: { agency: { id: { eq: $a } } }, order: [{ effectiveFrom: ASC }]) { totalCount nodes { effectiveFrom } } }", new { a = agency });

        Snapshot.Match(new { first, second, third, all }.ToSnapshot());
    }

    [Fact]
    public async Task A_policy_out_of_order_or_out_of_range_is_refused_with_every_problem()
    {
        var agency = await AgencyWithoutPolicyAsync("PLB");
        await _coordinator.QueryAsync(SetPolicy, new { input = new { agencyId = agency, effectiveFrom = "2023-07-01" } });

        var refused = await _coordinator.QueryAsync(SetPolicy, new { input = new { agencyId = agency, effectiveFrom = "2023-07-01", keyQuarterlyRatio = 1.5, generalAnnualRatio = -0.1, officersPerTeam = 1, assistantsPerTeam = 11 } });
        var unknown = await _coordinator.QueryAsync(SetPolicy, new { input = new { agencyId = "QWdlbmN5Ojk5OQ", effectiveFrom = "2023-07-01" } });

        Assert.Null(refused["setSamplingPolicy"]!["policy"]);
        Assert.Equal(
            "VALIDATION(effectiveFrom), VALIDATION(keyQuarterlyRatio), VALIDATION(generalAnnualRatio), VALIDATION(officersPerTeam), VALIDATION(assistantsPerTeam)",
            refused["setSamplingPolicy"]!.ErrorSummary());
        Assert.Equal("UNKNOWN_AGENCY", unknown["setSamplingPolicy"]!.ErrorSummary());
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Inspector)]
    [InlineData(Roles.Auditor)]
    public async Task Only_coordinators_plan(string role)
    {
        var client = factory.CreateGraphQLClient(role);

        var policy = await client.PostAsync(SetPolicy, new { input = new { agencyId = "QWdlbmN5OjE", effectiveFrom = "2030-01-01" } });
        var plan = await client.PostAsync(CreatePlan, new { input = new { agencyId = "QWdlbmN5OjE", year = 2030, quarter = 1 } });

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], policy.ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], plan.ErrorCodes);
    }

    [Fact]
    public async Task A_plan_needs_a_policy_in_force_on_its_first_day_and_is_one_per_quarter()
    {
        var agency = await AgencyWithoutPolicyAsync("PLC");
        await _coordinator.QueryAsync(SetPolicy, new { input = new { agencyId = agency, effectiveFrom = "2023-04-02" } });

        var noPolicy = await _coordinator.QueryAsync(CreatePlan, new { input = new { agencyId = agency, year = 2023, quarter = 2 } });
        var created = await _coordinator.QueryAsync(CreatePlan, new { input = new { agencyId = agency, year = 2023, quarter = 3 } });
        var duplicate = await _coordinator.QueryAsync(CreatePlan, new { input = new { agencyId = agency, year = 2023, quarter = 3 } });
        var invalid = await _coordinator.QueryAsync(CreatePlan, new { input = new { agencyId = agency, year = 1999, quarter = 5, checkItemIds = new[] { "Q2hlY2tJdGVtOjk5OQ" } } });

        Snapshot.Match(new { noPolicy, created, duplicate, invalid }.ToSnapshot(), options => options.IgnoreField("created.createPlan.plan.id"));
    }

    [Fact]
    public async Task A_plan_takes_the_check_items_asked_for_and_publishing_fixes_the_policy_in_force()
    {
        var agency = await AgencyWithoutPolicyAsync("PLD");
        await _coordinator.QueryAsync(SetPolicy, new { input = new { agencyId = agency, effectiveFrom = "2023-01-01" } });
        var items = await _coordinator.QueryAsync("{ checkItems(order: [{ code: ASC }]) { nodes { id code } } }");
        var itemIds = items["checkItems"]!["nodes"]!.AsArray().Take(2).Select(i => (string)i!["id"]!).ToArray();
        var created = await _coordinator.QueryAsync(CreatePlan, new { input = new { agencyId = agency, year = 2023, quarter = 4, checkItemIds = itemIds } });
        var planId = (string)created["createPlan"]!["plan"]!["id"]!;

        // A policy dated before the quarter, set while the plan is a draft, is the one the published plan uses.
        await _coordinator.QueryAsync(SetPolicy, new { input = new { agencyId = agency, effectiveFrom = "2023-09-01", officersPerTeam = 3 } });
        const string Publish = "mutation($id: ID!) { publishPlan(input: { planId: $id }) { plan { status policy { effectiveFrom officersPerTeam } checkItems { code } } errors { ... on Error { code message } } } }";
        var published = await _coordinator.QueryAsync(Publish, new { id = planId });
        var again = await _coordinator.QueryAsync(Publish, new { id = planId });

        Snapshot.Match(new { published, again }.ToSnapshot());
    }

    [Fact]
    public async Task A_plan_in_a_year_the_calendar_lacks_has_no_window_and_cannot_be_drawn_yet()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, "PLE", [TargetCategory.Key], officers: 2);
        var planning = new PlanningClient(_coordinator);
        var planId = await planning.PublishedPlanAsync(scenario.AgencyId, 2029, 2);

        var plan = await _coordinator.QueryAsync("query($id: ID!) { node(id: $id) { ... on SamplingPlan { drawWindow { start } } } }", new { id = planId });
        var drawn = await planning.DrawAsync(planId, "0 1 2 3 4 5 6 7 8 9 0 1 2 3", outsideWindowReason: "测试");

        Assert.Null(plan["node"]!["drawWindow"]);
        Assert.Equal("CALENDAR_YEAR_NOT_COVERED", PlanningClient.ErrorCode(drawn));
    }

    private async Task<string> AgencyWithoutPolicyAsync(string tag)
        => (await Scenario.CreateAsync(factory.Services, tag, [TargetCategory.Key], officers: 2, policy: _ => null)).AgencyId;
}
