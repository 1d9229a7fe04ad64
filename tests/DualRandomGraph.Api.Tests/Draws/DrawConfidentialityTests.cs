using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Registry;
using Snapshooter.Xunit;

namespace DualRandomGraph.Api.Tests.Draws;

/// <summary>
/// A drawn list is for unannounced inspections: until the results are published, draws are for coordinators and
/// auditors, and selections, teams and tasks also for the inspectors on the team. Each role asks the same questions;
/// the answers are snapshotted as one table to read at a glance. What changes once results are published is in
/// <see cref="PublishedResultsTests"/>, on a database of its own.
/// </summary>
public sealed class DrawConfidentialityTests(DrawsApiFactory factory) : IClassFixture<DrawsApiFactory>
{
    private static readonly string[] Callers = ["anonymous", "admin", "inspector-on-team", "inspector-not-on-team", "inspector-unlinked", "coordinator", "auditor"];

    [Fact]
    public async Task Each_role_sees_what_it_may_and_nothing_leaks_through_node_or_counts()
    {
        var world = await WorldAsync();
        var table = new Dictionary<string, Dictionary<string, string>>();
        foreach (var caller in Callers)
        {
            var client = Client(world, caller);
            table[caller] = new()
            {
                ["draws"] = Outcome(await client.PostAsync("{ draws { totalCount } }"), d => $"totalCount {d["draws"]!["totalCount"]}"),
                ["draw(id)"] = Outcome(await client.PostAsync("query($id: ID!) { draw(id: $id) { seed } }", new { id = world.DrawId }), d => Seen(d["draw"])),
                ["node(draw)"] = Outcome(await client.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = world.DrawId }), d => Seen(d["node"])),
                ["verifyDraw"] = Outcome(await client.PostAsync("query($id: ID!) { verifyDraw(id: $id) { matches } }", new { id = world.DrawId }), d => Seen(d["verifyDraw"])),
                ["inspectionTasks"] = Outcome(
                    await client.PostAsync("{ inspectionTasks { totalCount nodes { target { creditCode } } } }"),
                    d => $"totalCount {d["inspectionTasks"]!["totalCount"]}: {string.Join(", ", d["inspectionTasks"]!["nodes"]!.AsArray().Select(n => (string)n!["target"]!["creditCode"]!))}"),
                ["inspectionTasks(where: target = a drawn one)"] = Outcome(
                    await client.PostAsync("query($k: String!) { inspectionTasks(where: { target: { creditCode: { eq: $k } } }) { totalCount } }", new { k = world.OtherTargetKey }),
                    d => $"totalCount {d["inspectionTasks"]!["totalCount"]}"),
                ["node(task on the team)"] = Outcome(await client.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = world.TeamTaskId }), d => Seen(d["node"])),
                ["node(other task)"] = Outcome(await client.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = world.OtherTaskId }), d => Seen(d["node"])),
                ["plans"] = Outcome(
                    await client.PostAsync("{ plans(first: 50) { totalCount nodes { year quarter status } } }"),
                    d => $"totalCount {d["plans"]!["totalCount"]}: {string.Join(", ", d["plans"]!["nodes"]!.AsArray().Select(p => $"{p!["year"]}Q{p["quarter"]} {p["status"]}"))}"),
                ["plans(where: DRAFT)"] = Outcome(
                    await client.PostAsync("{ plans(where: { status: { eq: DRAFT } }) { totalCount } }"), d => $"totalCount {d["plans"]!["totalCount"]}"),
                ["node(draft plan)"] = Outcome(await client.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = world.DraftPlanId }), d => Seen(d["node"])),
                ["plan.draws"] = Outcome(await client.PostAsync("query($id: ID!) { node(id: $id) { ... on SamplingPlan { draws { attempt } } } }", new { id = world.PlanId }), d => Seen(d["node"]?["draws"])),
                ["document"] = await DocumentStatusAsync(client, world.DrawId),
            };
        }

        Snapshot.Match(table.ToSnapshot());
    }

    [Fact]
    public async Task An_inspector_reading_a_task_cannot_reach_the_rest_of_its_draw()
    {
        var world = await WorldAsync();

        var response = await Client(world, "inspector-on-team").PostAsync(
            """
            query($id: ID!) { node(id: $id) { ... on InspectionTask {
              target { creditCode } selection { team { inspectorKey } skipped { rule } draw { seed selections { targetKey } } }
              plan { committedDraw { seed } } } } }
            """,
            new { id = world.TeamTaskId });

        var body = response.Body.ToJsonString();
        Assert.Contains(world.OnTeam, body, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Seed, body, StringComparison.Ordinal);
        Assert.DoesNotContain(world.OtherTargetKey, body, StringComparison.Ordinal);
        Assert.All(response.ErrorCodes, code => Assert.Equal("AUTH_NOT_AUTHORIZED", code));
        Snapshot.Match(response.ForSnapshot());
    }

    [Fact]
    public async Task No_filter_or_sort_input_leads_from_a_visible_record_to_a_hidden_one()
    {
        // Filter inputs are generated from the entities; the draw behind a selection, its skipped candidates and a
        // plan's draws are closed to where: and order:, so an inspector's task or a public plan cannot probe them.
        var data = await factory.CreateGraphQLClient().QueryAsync(
            """
            { selectionFilter: __type(name: "DrawSelectionFilterInput") { inputFields { name } }
              selectionSort: __type(name: "DrawSelectionSortInput") { inputFields { name } }
              planFilter: __type(name: "SamplingPlanFilterInput") { inputFields { name } }
              planSort: __type(name: "SamplingPlanSortInput") { inputFields { name } }
              inspectorFilter: __type(name: "InspectorFilterInput") { inputFields { name } }
              inspectorSort: __type(name: "InspectorSortInput") { inputFields { name } } }
            """);

        var fields = data.Select(p => (p.Key, Names: p.Value?["inputFields"]?.AsArray().Select(f => (string)f!["name"]!).ToList() ?? [])).ToList();
        Assert.Contains(fields, f => f.Names.Count > 0);
        Assert.All(fields, f => Assert.DoesNotContain(f.Names, name => name is "draw" or "skipped" or "draws" or "accountSubject"));
    }

    [Fact]
    public async Task Only_administrators_see_which_login_an_inspector_is()
    {
        var world = await WorldAsync();
        const string Query = "query($c: String!) { inspectorByCertificateNumber(certificateNumber: $c) { accountSubject } }";

        var coordinator = await factory.CreateGraphQLClient(Roles.Coordinator).PostAsync(Query, new { c = world.OnTeam });
        var admin = await factory.CreateGraphQLClient(Roles.Admin).QueryAsync(Query, new { c = world.OnTeam });

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], coordinator.ErrorCodes);
        Assert.Equal(world.OnTeam, (string?)admin["inspectorByCertificateNumber"]!["accountSubject"]);
    }

    /// <summary>
    /// Agency CNF: one key, one special and ten general targets, eight officers; 2023Q3 drawn and committed (three
    /// tasks of two officers each, so two officers are on no team), and a 2023Q4 draft.
    /// </summary>
    private Task<World> WorldAsync() => factory.SharedAsync(async () =>
    {
        var scenario = await Scenario.CreateAsync(
            factory.Services, "CNF", [TargetCategory.Key, TargetCategory.Special, .. Scenario.Many(TargetCategory.General, 10)], officers: 8);
        var planning = new PlanningClient(factory.CreateGraphQLClient(Roles.Coordinator));
        const string seed = "3 3 6 2 1 5 4 4 1 2 6 6 3 5 1 2";
        var planId = await planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
        var drawn = await planning.DrawAsync(planId, seed, outsideWindowReason: "测试");
        var drawId = (string)drawn["draw"]!["id"]!;
        var committed = await planning.CommitAsync(drawId);
        var draft = await planning.Client.QueryAsync(
            "mutation($input: CreatePlanInput!) { createPlan(input: $input) { plan { id } } }",
            new { input = new { agencyId = scenario.AgencyId, year = 2023, quarter = 4 } });

        var tasks = committed["tasks"]!.AsArray();
        var onTeam = (string)tasks[0]!["selection"]!["team"]![0]!["inspectorKey"]!;
        var teamTasks = tasks.Where(t => t!["selection"]!["team"]!.AsArray().Any(m => (string?)m!["inspectorKey"] == onTeam)).ToList();
        var otherTask = tasks.First(t => !teamTasks.Contains(t))!;
        var busy = tasks.SelectMany(t => t!["selection"]!["team"]!.AsArray().Select(m => (string)m!["inspectorKey"]!)).ToHashSet();
        return new World(
            scenario.AgencyId,
            planId,
            (string)draft["createPlan"]!["plan"]!["id"]!,
            drawId,
            seed,
            (string)tasks[0]!["id"]!,
            (string)otherTask["id"]!,
            (string)otherTask["target"]!["creditCode"]!,
            onTeam,
            scenario.InspectorKeys.First(k => !busy.Contains(k)));
    });

    private GraphQLClient Client(World world, string caller) => caller switch
    {
        "anonymous" => factory.CreateGraphQLClient(),
        "inspector-on-team" => factory.CreateGraphQLClientAs(world.OnTeam, Roles.Inspector),
        "inspector-not-on-team" => factory.CreateGraphQLClientAs(world.NotOnTeam, Roles.Inspector),
        "inspector-unlinked" => factory.CreateGraphQLClientAs("nobody-in-the-registry", Roles.Inspector),
        _ => factory.CreateGraphQLClient(caller),
    };

    private static string Outcome(GraphQLResponse response, Func<JsonObject, string> describe)
        => response.Errors is null ? describe(response.Data!) : string.Join(", ", response.ErrorCodes.Distinct());

    private static string Seen(JsonNode? node) => node is null ? "null" : "seen";

    private Task<string> DocumentStatusAsync(GraphQLClient client, string drawId) => PublishedResultsTests.DocumentStatusAsync(factory, client, drawId);

    private sealed record World(
        string AgencyId, string PlanId, string DraftPlanId, string DrawId, string Seed, string TeamTaskId, string OtherTaskId, string OtherTargetKey, string OnTeam, string NotOnTeam);
}
