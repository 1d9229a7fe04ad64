using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Draws;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Relay;

namespace DualRandomGraph.Api.Tests.Security;

/// <summary>
/// No side channels, on real hidden data: a committed draw whose results are not published, tasks for two inspectors
/// (each hidden from the other), a record of one of them, and a draft plan. Anonymous callers and the other inspector
/// must learn nothing of them: a hidden id answers exactly as an id that does not exist, filters and counts see only
/// what the caller may, and hidden rows leave no gap in pages or order.
/// </summary>
public sealed class SideChannelTests(DrawsApiFactory factory) : IClassFixture<DrawsApiFactory>
{
    private const int Unknown = 999_999;

    public static TheoryData<string> Outsiders => new() { "anonymous", "other-inspector" };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Node_and_nodes_answer_a_hidden_id_exactly_as_an_unknown_one(string caller)
    {
        var world = await WorldAsync();
        var client = Client(world, caller);

        foreach (var (type, hidden) in world.HiddenIds)
        {
            var unknown = GlobalId.Format(type, Unknown);
            const string Node = "query($id: ID!) { node(id: $id) { id __typename } }";
            const string Nodes = "query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }";

            Assert.Equal(
                await AnswerAsync(client, Node, new { id = unknown }, unknown),
                await AnswerAsync(client, Node, new { id = hidden }, hidden));
            Assert.Equal(
                await AnswerAsync(client, Nodes, new { ids = new[] { unknown } }, unknown),
                await AnswerAsync(client, Nodes, new { ids = new[] { hidden } }, hidden));
        }
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Fields_and_mutations_that_take_an_id_answer_a_hidden_one_as_an_unknown_one(string caller)
    {
        var world = await WorldAsync();
        var client = Client(world, caller);
        var probes = new (string Type, string Hidden, string Query, Func<string, object> Variables)[]
        {
            ("Draw", world.DrawId, "query($id: ID!) { draw(id: $id) { seed } }", id => new { id }),
            ("Draw", world.DrawId, "query($id: ID!) { verifyDraw(id: $id) { matches } }", id => new { id }),
            ("SamplingPlan", world.DraftPlanId, "query($id: ID!) { previewQuotas(planId: $id) { officers } }", id => new { id }),
            ("InspectionTask", world.HiddenTaskId,
                """
                mutation($id: ID!) { recordInspection(input: { taskId: $id, findings: { inspectedOn: "2023-07-11", mode: ON_SITE, outcome: NORMAL } }) {
                  record { id } errors { __typename ... on Error { code message } } } }
                """,
                id => new { id }),
            ("InspectionRecord", world.HiddenRecordId,
                """
                mutation($id: ID!) { amendInspection(input: { recordId: $id, reason: "更正", expectedVersion: 0, description: "已整改" }) {
                  record { id } errors { __typename ... on Error { code message } } } }
                """,
                id => new { id }),
        };

        foreach (var (type, hidden, query, variables) in probes)
        {
            var unknown = GlobalId.Format(type, Unknown);
            Assert.Equal(
                await AnswerAsync(client, query, variables(unknown), unknown),
                await AnswerAsync(client, query, variables(hidden), hidden));
        }

        Assert.Equal(1, await RecordsOfHiddenTaskAsync(world)); // its inspector's, and no other
    }

    [Fact]
    public async Task Filters_on_hidden_data_find_nothing_and_hidden_fields_cannot_be_filtered_or_sorted()
    {
        var world = await WorldAsync();
        var other = Client(world, "other-inspector");
        var anonymous = Client(world, "anonymous");

        Assert.Equal(0, await TotalAsync(other, "inspectionTasks", "{ target: { creditCode: { eq: $v } } }", world.HiddenTargetKey));
        Assert.Equal(0, await TotalAsync(other, "inspectionTasks", "{ selection: { team: { some: { inspector: { certificateNumber: { eq: $v } } } } } }", world.Inspector));
        Assert.Equal(0, await TotalAsync(other, "inspectionRecords", "{ target: { creditCode: { eq: $v } } }", world.HiddenTargetKey));
        Assert.Equal(0, await TotalAsync(other, "inspectionRecords", "{ recordedBy: { eq: $v } }", world.Inspector));
        foreach (var client in new[] { other, anonymous })
        {
            Assert.Equal(0, await TotalAsync(client, "plans", "{ status: { eq: DRAFT } }", null));
            Assert.Equal(0, await TotalAsync(client, "plans", "{ agency: { code: { eq: $v } }, quarter: { eq: 4 } }", world.AgencyCode));
        }

        // Which login an inspector uses is for administrators: it is no filter or sort field for anyone else to probe.
        foreach (var probe in new[] { "{ inspectors(where: { accountSubject: { eq: \"x\" } }) { totalCount } }", "{ inspectors(order: [{ accountSubject: ASC }]) { totalCount } }" })
        {
            var response = await other.PostAsync(probe);
            Assert.Null(response.Data);
            Assert.NotEmpty(response.ErrorCodes);
        }
    }

    [Fact]
    public async Task Counts_and_pages_hold_only_what_the_caller_sees()
    {
        var world = await WorldAsync();
        var other = Client(world, "other-inspector");

        var tasks = (await other.QueryAsync($"{{ inspectionTasks(first: {world.OtherInspectorTasks.Count}) {{ totalCount pageInfo {{ hasNextPage }} nodes {{ id }} }} }}"))["inspectionTasks"]!;
        var records = (await other.QueryAsync("{ inspectionRecords(first: 1) { totalCount pageInfo { hasNextPage } } }"))["inspectionRecords"]!;
        var plans = (await Client(world, "anonymous").QueryAsync(
            "query($c: String!) { plans(first: 1, where: { agency: { code: { eq: $c } } }) { totalCount pageInfo { hasNextPage } } }", new { c = world.AgencyCode }))["plans"]!;

        Assert.Equal(world.OtherInspectorTasks.Order(StringComparer.Ordinal), tasks["nodes"]!.AsArray().Select(n => (string)n!["id"]!).Order(StringComparer.Ordinal));
        Assert.Equal((world.OtherInspectorTasks.Count, false), ((int)tasks["totalCount"]!, (bool)tasks["pageInfo"]!["hasNextPage"]!));
        Assert.Equal((0, false), ((int)records["totalCount"]!, (bool)records["pageInfo"]!["hasNextPage"]!));
        Assert.Equal((1, false), ((int)plans["totalCount"]!, (bool)plans["pageInfo"]!["hasNextPage"]!));
    }

    [Fact]
    public async Task Hidden_rows_leave_no_trace_in_the_order_of_results()
    {
        var world = await WorldAsync();
        var other = Client(world, "other-inspector");
        var coordinator = factory.CreateGraphQLClient(Roles.Coordinator);

        foreach (var order in new[] { "", "order: [{ target: { name: DESC } }]", "order: [{ createdAt: ASC }, { status: DESC }]" })
        {
            var query = $"query($c: String!) {{ inspectionTasks(where: {{ plan: {{ agency: {{ code: {{ eq: $c }} }} }} }} {order}) {{ nodes {{ id }} }} }}";
            var seen = Ids(await other.QueryAsync(query, new { c = world.AgencyCode }));
            var all = Ids(await coordinator.QueryAsync(query, new { c = world.AgencyCode }));

            // The caller's rows come in the order everyone's rows do, with the hidden ones simply absent.
            Assert.Equal(all.Where(world.OtherInspectorTasks.Contains), seen);
        }

        // Paging one row at a time walks exactly the visible rows: a cursor never steps onto, or past, a hidden one.
        var walked = new List<string>();
        string? after = null;
        do
        {
            var page = (await other.QueryAsync(
                "query($c: String!, $after: String) { inspectionTasks(first: 1, after: $after, where: { plan: { agency: { code: { eq: $c } } } }) { nodes { id } pageInfo { hasNextPage endCursor } } }",
                new { c = world.AgencyCode, after }))["inspectionTasks"]!;
            walked.AddRange(page["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
            after = (bool)page["pageInfo"]!["hasNextPage"]! ? (string?)page["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null && walked.Count < 10);

        Assert.Equal(world.OtherInspectorTasks.Order(StringComparer.Ordinal), walked.Order(StringComparer.Ordinal));
    }

    /// <summary>The whole answer, status included, with the id that was asked about replaced, so two answers compare.</summary>
    private static async Task<string> AnswerAsync(GraphQLClient client, string query, object variables, string id)
    {
        var response = await client.PostAsync(query, variables);
        return $"{(int)response.Status} {response.Body.ToJsonString().Replace(id, "<id>", StringComparison.Ordinal)}";
    }

    private static async Task<int> TotalAsync(GraphQLClient client, string field, string where, string? value)
    {
        var declaration = value is null ? "" : "($v: String!)";
        var data = await client.QueryAsync($"query{declaration} {{ {field}(where: {where}) {{ totalCount }} }}", value is null ? null : new { v = value });
        return (int)data[field]!["totalCount"]!;
    }

    private static List<string> Ids(JsonObject data) => data["inspectionTasks"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToList();

    private async Task<int> RecordsOfHiddenTaskAsync(World world)
    {
        var data = await factory.CreateGraphQLClient(Roles.Auditor).QueryAsync(
            "query($id: ID!) { inspectionRecords(where: { task: { id: { eq: $id } } }) { totalCount } }", new { id = world.HiddenTaskId });
        return (int)data["inspectionRecords"]!["totalCount"]!;
    }

    private GraphQLClient Client(World world, string caller) => caller switch
    {
        "anonymous" => factory.CreateGraphQLClient(),
        "other-inspector" => factory.CreateGraphQLClientAs(world.OtherInspector, Roles.Inspector),
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
    };

    /// <summary>
    /// One key, one special and ten general targets, eight officers; 2023Q3 drawn and committed (three tasks of two
    /// officers); the inspector of the first task records it; the other inspector is on another task and not on the
    /// first; 2023Q4 is a draft.
    /// </summary>
    private Task<World> WorldAsync() => factory.SharedAsync(async () =>
    {
        var scenario = await Scenario.CreateAsync(
            factory.Services, Scenario.NextTag(), [TargetCategory.Key, TargetCategory.Special, .. Scenario.Many(TargetCategory.General, 10)], officers: 8);
        var planning = new PlanningClient(factory.CreateGraphQLClient(Roles.Coordinator));
        var planId = await planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
        var drawId = (string)(await planning.DrawAsync(planId, "6 1 4 4 2 5 3 3 6 1 2 5 5 4 1 6", outsideWindowReason: "测试"))["draw"]!["id"]!;
        var tasks = (await planning.CommitAsync(drawId))["tasks"]!.AsArray();
        var draft = await planning.Client.QueryAsync(
            "mutation($input: CreatePlanInput!) { createPlan(input: $input) { plan { id } } }",
            new { input = new { agencyId = scenario.AgencyId, year = 2023, quarter = 4 } });

        static HashSet<string> Team(JsonNode? task) => task!["selection"]!["team"]!.AsArray().Select(m => (string)m!["inspectorKey"]!).ToHashSet();
        var hiddenTask = tasks[0]!;
        var inspector = Team(hiddenTask).First();
        var otherInspector = tasks.Skip(1).SelectMany(Team).First(k => !Team(hiddenTask).Contains(k));
        var otherTasks = tasks.Where(t => Team(t).Contains(otherInspector)).Select(t => (string)t!["id"]!).ToList();

        factory.Clock.SetChinaDay(new DateOnly(2023, 8, 15));
        var recorded = await factory.CreateGraphQLClientAs(inspector, Roles.Inspector).QueryAsync(
            """
            mutation($id: ID!) { recordInspection(input: { taskId: $id, findings: { inspectedOn: "2023-07-10", mode: ON_SITE, outcome: NORMAL } }) {
              record { id } errors { ... on Error { code } } } }
            """,
            new { id = (string)hiddenTask["id"]! });
        var recordId = (string?)recorded["recordInspection"]!["record"]?["id"] ?? throw new InvalidOperationException(recorded.ToJsonString());

        var draftPlanId = (string)draft["createPlan"]!["plan"]!["id"]!;
        return new World(
            scenario.AgencyCode,
            drawId,
            draftPlanId,
            (string)hiddenTask["id"]!,
            (string)hiddenTask["target"]!["creditCode"]!,
            recordId,
            inspector,
            otherInspector,
            otherTasks);
    });

    private sealed record World(
        string AgencyCode,
        string DrawId,
        string DraftPlanId,
        string HiddenTaskId,
        string HiddenTargetKey,
        string HiddenRecordId,
        string Inspector,
        string OtherInspector,
        IReadOnlyList<string> OtherInspectorTasks)
    {
        public IEnumerable<(string Type, string Id)> HiddenIds =>
            [("Draw", DrawId), ("SamplingPlan", DraftPlanId), ("InspectionTask", HiddenTaskId), ("InspectionRecord", HiddenRecordId)];
    }
}
