using System.Globalization;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Compliance;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Draws;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.Tests.Shared;
using Xunit.Abstractions;

namespace DualRandomGraph.Api.Tests.Dashboard;

/// <summary>
/// The dashboard in Debian's Chromium, driven by playwright-core (tests/dashboard-browser), against the real server on
/// Kestrel: the figures it shows are the API's, and recording an inspection refreshes them live through complianceChanged.
/// The screenshot stays in the test's output folder (dashboard-browser/dashboard.png).
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private const string Stats = """
        query($agencyId: ID!) { complianceStats(agencyId: $agencyId, year: 2023, quarter: 3) {
          categories { category poolSize requiredMinimum drawn inspectedFirms visits ratio requiredRatio met }
          keyCoverage keyTargets keyTargetsCovered publicationsOnTime publicationsLate publicationsDue visits problemFoundRate } }
        """;

    [Fact]
    public async Task The_dashboard_shows_the_APIs_figures_and_refreshes_live_when_an_inspection_is_recorded()
    {
        var scriptDirectory = RepositoryPaths.File("tests", "dashboard-browser");
        await ExternalProcess.EnsureNpmPackagesAsync(scriptDirectory, TimeSpan.FromMinutes(5));
        var outputDirectory = Path.Combine(AppContext.BaseDirectory, "dashboard-browser");
        if (Directory.Exists(outputDirectory))
        {
            Directory.Delete(outputDirectory, recursive: true);
        }

        Directory.CreateDirectory(outputDirectory);

        await using var factory = new KestrelApiFactory();
        var scenario = await Scenario.CreateAsync(
            factory.Services, Scenario.NextTag(), [.. Scenario.Many(TargetCategory.Key, 4), .. Scenario.Many(TargetCategory.Special, 2), .. Scenario.Many(TargetCategory.General, 10)], officers: 12);
        var planning = new PlanningClient(factory.CreateGraphQLClient(Roles.Coordinator));
        var coordinator = planning.Client;
        var planId = await planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
        var drawId = (string)(await planning.DrawAsync(planId, "3 1 4 1 5 9 2 6 5 3 5 8 9 7", outsideWindowReason: "测试"))["draw"]!["id"]!;
        var tasks = (await planning.CommitAsync(drawId))["tasks"]!.AsArray().Select(t => (string)t!["id"]!).ToList();
        Assert.True(tasks.Count >= 3, $"{tasks.Count} task(s) drawn");
        foreach (var task in tasks.Skip(1))
        {
            await RecordAsync(coordinator, task, "2023-07-20");
        }

        var expectedBefore = await StatsAsync(coordinator, scenario.AgencyId);
        var url = new Uri(factory.BaseAddress, $"/dashboard/?agency={Uri.EscapeDataString(scenario.AgencyId)}&year=2023");
        var browser = ExternalProcess.RunAsync(
            "node", ["dashboard.mjs", url.ToString(), factory.Token("dashboard-coordinator", Roles.Coordinator), "3", outputDirectory], scriptDirectory, TimeSpan.FromMinutes(2));

        // The page has shown its first figures and listens: only now does the data change.
        var before = Path.Combine(outputDirectory, "before.json");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!File.Exists(before) && !browser.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(File.Exists(before), $"the page showed no figures:\n{(browser.IsCompleted ? (await browser).Output : "(still running)")}");
        await factory.WaitForSubscribersAsync<ComplianceChanged>(1);
        await RecordAsync(coordinator, tasks[0], "2023-08-02");
        var expectedAfter = await StatsAsync(coordinator, scenario.AgencyId);

        var (exitCode, text) = await browser;
        output.WriteLine(text);
        Assert.True(exitCode == 0, $"the browser run failed:\n{text}");
        var shownBefore = JsonNode.Parse(await File.ReadAllTextAsync(before))!;
        var shownAfter = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outputDirectory, "after.json")))!;
        Assert.Empty(shownAfter["problems"]!.AsArray());
        Assert.Equal(("2023Q3", true), ((string?)shownAfter["period"], (bool)shownAfter["chartDrawn"]!));
        Assert.NotEqual(expectedBefore.ToJsonString(), expectedAfter.ToJsonString());
        AssertShows(expectedBefore, shownBefore);
        AssertShows(expectedAfter, shownAfter);
        Assert.True(File.Exists(Path.Combine(outputDirectory, "dashboard.png")));
    }

    /// <summary>Every figure of the API's answer is on the page: raw values in the table's cells, formatted ones elsewhere.</summary>
    private static void AssertShows(JsonNode expected, JsonNode shown)
    {
        var rows = shown["categories"]!.AsArray().ToDictionary(r => (string)r!["category"]!);
        foreach (var category in expected["categories"]!.AsArray())
        {
            var row = rows[(string)category!["category"]!];
            foreach (var field in new[] { "poolSize", "requiredMinimum", "drawn", "inspectedFirms", "visits", "met" })
            {
                Assert.Equal(category[field]?.ToJsonString(), (string?)row![field]);
            }

            foreach (var field in new[] { "ratio", "requiredRatio" })
            {
                var (api, page) = ((double?)category[field], (string?)row![field]);
                Assert.Equal(api is null, page is null);
                if (api is { } value)
                {
                    Assert.Equal(value, double.Parse(page!, CultureInfo.InvariantCulture), 12);
                }
            }
        }

        Assert.Equal(rows.Count, expected["categories"]!.AsArray().Count);
        Assert.Equal(Percent((double?)expected["keyCoverage"]), (string?)shown["keyCoverage"]);
        Assert.StartsWith($"{expected["keyTargetsCovered"]} / {expected["keyTargets"]} ", (string?)shown["keyDetail"], StringComparison.Ordinal);
        Assert.Equal(
            (expected["publicationsOnTime"]!.ToJsonString(), expected["publicationsLate"]!.ToJsonString(), expected["publicationsDue"]!.ToJsonString(), expected["visits"]!.ToJsonString()),
            ((string?)shown["onTime"], (string?)shown["late"], (string?)shown["due"], (string?)shown["visits"]));
        Assert.Equal(Percent((double?)expected["problemFoundRate"]), (string?)shown["problemRate"]);
    }

    private static string Percent(double? value)
        => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";

    private static async Task<JsonNode> StatsAsync(GraphQLClient client, string agencyId)
        => (await client.QueryAsync(Stats, new { agencyId }))["complianceStats"]!;

    private static async Task RecordAsync(GraphQLClient client, string taskId, string inspectedOn)
    {
        var payload = (await client.QueryAsync(
            "mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { record { id } errors { ... on Error { code } } } }",
            new { input = new { taskId, findings = new { inspectedOn, mode = "ON_SITE", outcome = "NORMAL" } } }))["recordInspection"]!;
        Assert.True(payload["errors"] is null, payload.ToJsonString());
    }
}
