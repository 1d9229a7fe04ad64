using System.Text.Json;
using DualRandomGraph.Api.Compliance;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Draws;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Api.Tests.Subscriptions;

/// <summary>
/// complianceChanged over graphql-transport-ws: fresh statistics after each event of the agency that the subscriber may
/// see, in the subscriber's own view; the public hears of nothing before the quarter is published.
/// </summary>
public sealed class ComplianceSubscriptionTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>
{
    private const string Staff = """
        subscription($agencyId: ID!) { complianceChanged(agencyId: $agencyId, year: 2023, quarter: 3) {
          year quarter visits categories { category drawn inspectedFirms } } }
        """;

    private const string Public = """
        subscription($agencyId: ID!) { complianceChanged(agencyId: $agencyId, year: 2023, quarter: 3) { year quarter visits publicationsOnTime publicationsLate } }
        """;

    private const string PublicAskingForStaffFigures = """
        subscription($agencyId: ID!) { complianceChanged(agencyId: $agencyId, year: 2023, quarter: 3) { visits keyCoverage } }
        """;

    [Fact]
    public async Task Staff_hear_of_every_change_and_the_public_once_the_quarter_is_published()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, Scenario.NextTag(), [TargetCategory.Key, TargetCategory.Special], officers: 4);
        var planning = new PlanningClient(factory.CreateGraphQLClient(Roles.Coordinator));
        var planId = await planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
        var drawId = (string)(await planning.DrawAsync(planId, "1 1 2 3 5 8 13 21 34 55 89", outsideWindowReason: "测试"))["draw"]!["id"]!;

        var listening = factory.Subscribers<ComplianceChanged>();
        await using var coordinator = await factory.ConnectAsync(factory.Token("compliance-coordinator", Roles.Coordinator));
        await using var anonymous = await factory.ConnectAsync(null);
        await coordinator.SubscribeAsync("stats", Staff, new { agencyId = scenario.AgencyId });
        await anonymous.SubscribeAsync("stats", Public, new { agencyId = scenario.AgencyId });
        await anonymous.SubscribeAsync("staff-figures", PublicAskingForStaffFigures, new { agencyId = scenario.AgencyId });
        await factory.WaitForSubscribersAsync<ComplianceChanged>(listening + 3);

        var tasks = (await planning.CommitAsync(drawId))["tasks"]!.AsArray().Select(t => (string)t!["id"]!).ToList();
        Assert.Equal("2023Q3 visits 0: KEY drawn 1 inspected 0, SPECIAL drawn 1 inspected 0", Summary(await coordinator.ExpectNextAsync("stats")));
        await RecordAsync(planning.Client, tasks[0], "2023-07-10");
        Assert.Equal("2023Q3 visits 1: KEY drawn 1 inspected 1, SPECIAL drawn 1 inspected 0", Summary(await coordinator.ExpectNextAsync("stats")));
        await RecordAsync(planning.Client, tasks[1], "2023-07-11");
        Assert.Equal("2023Q3 visits 2: KEY drawn 1 inspected 1, SPECIAL drawn 1 inspected 1", Summary(await coordinator.ExpectNextAsync("stats")));

        // The anonymous subscriber's first event is the publication: the draw and the records before it were withheld.
        await planning.Client.QueryAsync("mutation($planId: ID!) { publishResults(input: { planId: $planId }) { publication { id } } }", new { planId });
        Assert.Equal("""{"year":2023,"quarter":3,"visits":2,"publicationsOnTime":0,"publicationsLate":1}""", Stats(await anonymous.ExpectNextAsync("stats")));
        Assert.Equal("2023Q3 visits 2: KEY drawn 1 inspected 1, SPECIAL drawn 1 inspected 1", Summary(await coordinator.ExpectNextAsync("stats")));

        // A selection with a figure the public may not read is withheld whole rather than sent with holes.
        await anonymous.ExpectSilenceAsync();
        await coordinator.ExpectSilenceAsync();
    }

    [Fact]
    public async Task Arguments_are_checked_when_subscribing()
    {
        await using var client = await factory.ConnectAsync(factory.Token("compliance-auditor", Roles.Auditor));

        await client.SendAsync(new { id = "agency", type = "subscribe", payload = new { query = "subscription { complianceChanged(agencyId: \"QWdlbmN5Ojk5OTk\", year: 2023) { year } }" } });
        var unknownAgency = await client.ExpectAsync("error", "agency");
        await client.SendAsync(new { id = "quarter", type = "subscribe", payload = new { query = "subscription { complianceChanged(agencyId: \"QWdlbmN5OjE\", year: 2023, quarter: 5) { year } }" } });
        var badQuarter = await client.ExpectAsync("error", "quarter");

        Assert.Equal("UNKNOWN_AGENCY", unknownAgency.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("VALIDATION", badQuarter.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private static string Stats(JsonElement payload)
    {
        Assert.False(payload.TryGetProperty("errors", out var errors), $"unexpected errors: {errors}");
        return payload.GetProperty("data").GetProperty("complianceChanged").GetRawText();
    }

    /// <summary>The period, its visits, and the categories with anything drawn or inspected.</summary>
    private static string Summary(JsonElement payload)
    {
        var stats = JsonDocument.Parse(Stats(payload)).RootElement;
        var categories = stats.GetProperty("categories").EnumerateArray()
            .Where(c => c.GetProperty("drawn").GetInt32() > 0 || c.GetProperty("inspectedFirms").GetInt32() > 0)
            .Select(c => $"{c.GetProperty("category").GetString()} drawn {c.GetProperty("drawn").GetInt32()} inspected {c.GetProperty("inspectedFirms").GetInt32()}");
        return $"{stats.GetProperty("year").GetInt32()}Q{stats.GetProperty("quarter").GetInt32()} visits {stats.GetProperty("visits").GetInt32()}: {string.Join(", ", categories)}";
    }

    private static async Task RecordAsync(GraphQLClient client, string taskId, string inspectedOn)
    {
        var payload = (await client.QueryAsync(
            "mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { record { id } errors { ... on Error { code } } } }",
            new { input = new { taskId, findings = new { inspectedOn, mode = "ON_SITE", outcome = "NORMAL" } } }))["recordInspection"]!;
        Assert.True(payload["errors"] is null, payload.ToJsonString());
    }
}
