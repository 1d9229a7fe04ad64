using System.Text.Json;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Draws;
using DualRandomGraph.Api.Inspections;
using DualRandomGraph.Api.Publications;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Draws;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.Tests.Shared;

namespace DualRandomGraph.Api.Tests.Subscriptions;

/// <summary>
/// inspectionRecorded, drawCommitted and publicationPublished over graphql-transport-ws on the real server: the
/// mutations go over HTTP, the events arrive on sockets whose token travelled in <c>connection_init</c>, and each
/// subscriber hears only of what the access model lets it read.
/// </summary>
public sealed class DomainSubscriptionTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>
{
    private const string Errors = "errors { __typename ... on Error { code message } ... on ValidationError { field } }";

    private const string DrawCommitted = "subscription($agencyId: ID) { drawCommitted(agencyId: $agencyId) { id status plan { year quarter } selections { targetKey } } }";

    private const string InspectionRecorded = "subscription($agencyId: ID) { inspectionRecorded(agencyId: $agencyId) { id visit origin outcome task { id } } }";

    private const string PublicationPublished = "subscription($agencyId: ID) { publicationPublished(agencyId: $agencyId) { id agencyCode year quarter revision visits } }";

    [Fact]
    public async Task Each_subscriber_hears_of_what_it_may_read_once_the_mutation_has_committed()
    {
        // One task per officer pair (maxTasksPerInspector 1), so the two teams have no one in common.
        var scenario = await Scenario.CreateAsync(
            factory.Services,
            Scenario.NextTag(),
            [TargetCategory.Key, TargetCategory.Special],
            officers: 6,
            policy: agency => new SamplingPolicy { Agency = agency, EffectiveFrom = new DateOnly(2022, 1, 1), CreatedBy = "test", MaxTasksPerInspector = 1 });
        var planning = new PlanningClient(factory.CreateGraphQLClient(Roles.Coordinator));
        var coordinatorHttp = planning.Client;
        var planId = await planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
        var drawId = (string)(await planning.DrawAsync(planId, "6 5 4 3 2 1 1 2 3 4 5 6 6 5", outsideWindowReason: "测试"))["draw"]!["id"]!;
        var demoAgencyId = (string)(await coordinatorHttp.QueryAsync(
            "query($code: String!) { agencies(where: { code: { eq: $code } }) { nodes { id } } }", new { code = DemoData.AgencyCode }))["agencies"]!["nodes"]![0]!["id"]!;

        // The server listens to the domain events itself too (complianceChanged relays them).
        var (draws, records, publications) = (factory.Subscribers<DrawCommitted>(), factory.Subscribers<InspectionRecorded>(), factory.Subscribers<PublicationPublished>());
        await using var coordinator = await factory.ConnectAsync(factory.Token("live-coordinator", Roles.Coordinator));
        await using var auditorOfAnotherAgency = await factory.ConnectAsync(factory.Token("live-auditor", Roles.Auditor));
        await coordinator.SubscribeAsync("draws", DrawCommitted, new { agencyId = scenario.AgencyId });
        await auditorOfAnotherAgency.SubscribeAsync("draws", DrawCommitted, new { agencyId = demoAgencyId });
        await factory.WaitForSubscribersAsync<DrawCommitted>(draws + 2);

        var tasks = (await planning.CommitAsync(drawId))["tasks"]!.AsArray();
        var draw = await coordinator.ExpectNextAsync("draws");
        Assert.Equal(
            $$$"""{"drawCommitted":{"id":"{{{drawId}}}","status":"COMMITTED","plan":{"year":2023,"quarter":3},"selections":[{"targetKey":"{{{scenario.TargetKeys[0]}}}"},{"targetKey":"{{{scenario.TargetKeys[1]}}}"}]}}""",
            Data(draw));
        await auditorOfAnotherAgency.ExpectSilenceAsync();

        var (first, second) = ((string)tasks[0]!["id"]!, (string)tasks[1]!["id"]!);
        var firstTeam = tasks[0]!["selection"]!["team"]!.AsArray().Select(m => (string)m!["inspectorKey"]!).ToList();
        var secondTeam = tasks[1]!["selection"]!["team"]!.AsArray().Select(m => (string)m!["inspectorKey"]!).ToList();
        Assert.Empty(firstTeam.Intersect(secondTeam));
        await using var onFirstTeam = await factory.ConnectAsync(factory.Token(firstTeam[0], Roles.Inspector));
        await using var onSecondTeam = await factory.ConnectAsync(factory.Token(secondTeam[0], Roles.Inspector));
        await coordinator.SubscribeAsync("records", InspectionRecorded, new { agencyId = scenario.AgencyId });
        await auditorOfAnotherAgency.SubscribeAsync("records", InspectionRecorded, new { agencyId = demoAgencyId });
        await onFirstTeam.SubscribeAsync("records", InspectionRecorded);
        await onSecondTeam.SubscribeAsync("records", InspectionRecorded, new { agencyId = (string?)null }); // null: every agency, as omitted
        await factory.WaitForSubscribersAsync<InspectionRecorded>(records + 4);

        var firstRecord = await RecordAsync(factory.CreateGraphQLClientAs(firstTeam[0], Roles.Inspector), first, "2023-07-10");
        Assert.Equal("TASK_ALREADY_RECORDED", await RecordErrorsAsync(coordinatorHttp, first, "2023-07-11"));
        var secondRecord = await RecordAsync(factory.CreateGraphQLClientAs(secondTeam[0], Roles.Inspector), second, "2023-07-12");

        // Events arrive in order, so an inspector's first event being its own team's shows the other team's was withheld,
        // not late; and the refused second recording of the first task raised nothing.
        Assert.Equal($$$$"""{"inspectionRecorded":{"id":"{{{{firstRecord}}}}","visit":1,"origin":"RANDOM","outcome":"NORMAL","task":{"id":"{{{{first}}}}"}}}""", Data(await coordinator.ExpectNextAsync("records")));
        Assert.Equal(secondRecord, RecordId(await coordinator.ExpectNextAsync("records")));
        Assert.Equal(firstRecord, RecordId(await onFirstTeam.ExpectNextAsync("records")));
        Assert.Equal(secondRecord, RecordId(await onSecondTeam.ExpectNextAsync("records")));
        var followUp = await coordinatorHttp.QueryAsync(
            $"mutation($taskId: ID!) {{ addFollowUpVisit(input: {{ taskId: $taskId, reason: \"复查\" }}) {{ task {{ visits }} {Errors} }} }}", new { taskId = first });
        Assert.Equal(2, (int)followUp["addFollowUpVisit"]!["task"]!["visits"]!);
        var revisit = await RecordAsync(coordinatorHttp, first, "2023-08-01");
        Assert.Equal(revisit, RecordId(await onFirstTeam.ExpectNextAsync("records")));
        Assert.Equal(revisit, RecordId(await coordinator.ExpectNextAsync("records")));
        await onSecondTeam.ExpectSilenceAsync();
        await auditorOfAnotherAgency.ExpectSilenceAsync();

        await using var anonymous = await factory.ConnectAsync(null);
        await anonymous.SubscribeAsync("publications", PublicationPublished, new { agencyId = scenario.AgencyId });
        await auditorOfAnotherAgency.SubscribeAsync("publications", PublicationPublished, new { agencyId = demoAgencyId });
        await factory.WaitForSubscribersAsync<PublicationPublished>(publications + 2);
        var published = await coordinatorHttp.QueryAsync(
            $"mutation($planId: ID!) {{ publishResults(input: {{ planId: $planId }}) {{ publication {{ id }} {Errors} }} }}", new { planId });
        var publicationId = (string)published["publishResults"]!["publication"]!["id"]!;
        Assert.Equal(
            $$$"""{"publicationPublished":{"id":"{{{publicationId}}}","agencyCode":"{{{scenario.AgencyCode}}}","year":2023,"quarter":3,"revision":1,"visits":3}}""",
            Data(await anonymous.ExpectNextAsync("publications")));
        await auditorOfAnotherAgency.ExpectSilenceAsync();
    }

    [Fact]
    public async Task A_subscriber_without_access_to_the_records_is_refused_when_it_subscribes()
    {
        await using var anonymous = await factory.ConnectAsync(null);
        await using var inspector = await factory.ConnectAsync(factory.Token("live-inspector", Roles.Inspector));
        await using var admin = await factory.ConnectAsync(factory.Token("live-admin", Roles.Admin));

        await anonymous.SubscribeAsync("records", InspectionRecorded);
        await anonymous.SubscribeAsync("draws", DrawCommitted);
        await inspector.SubscribeAsync("draws", DrawCommitted);
        await admin.SubscribeAsync("draws", DrawCommitted);

        // The two operations of one socket are set up concurrently, so their answers may come in either order.
        var refusals = new[] { await anonymous.ExpectAsync("error"), await anonymous.ExpectAsync("error") }
            .ToDictionary(m => m.GetProperty("id").GetString()!, ErrorCode);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", refusals["records"]);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", refusals["draws"]);
        Assert.Equal("AUTH_NOT_AUTHORIZED", ErrorCode(await inspector.ExpectAsync("error", "draws")));
        Assert.Equal("AUTH_NOT_AUTHORIZED", ErrorCode(await admin.ExpectAsync("error", "draws")));
    }

    [Fact]
    public async Task A_refused_token_in_connection_init_closes_the_socket()
    {
        var expired = TokenIssuer.Issue(factory.Jwt, "live-expired", [Roles.Coordinator], TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow.AddHours(-1));
        await using var client = await GraphQLWsTestClient.ConnectAsync(factory.WebSocketUri);

        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = $"Bearer {expired}" } });

        Assert.Equal(4403, (await client.ExpectCloseAsync()).Code);
    }

    private static string Data(JsonElement payload)
    {
        Assert.False(payload.TryGetProperty("errors", out var errors), $"unexpected errors: {errors}");
        return JsonSerializer.Serialize(payload.GetProperty("data"), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string RecordId(JsonElement payload) => payload.GetProperty("data").GetProperty("inspectionRecorded").GetProperty("id").GetString()!;

    private static string? ErrorCode(JsonElement message) => message.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString();

    private const string Record = $$"""
        mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { record { id } {{Errors}} } }
        """;

    private static async Task<string> RecordAsync(GraphQLClient client, string taskId, string inspectedOn)
    {
        var payload = (await client.QueryAsync(Record, new { input = new { taskId, findings = new { inspectedOn, mode = "ON_SITE", outcome = "NORMAL" } } }))["recordInspection"]!;
        Assert.Equal("none", payload.ErrorSummary());
        return (string)payload["record"]!["id"]!;
    }

    private static async Task<string> RecordErrorsAsync(GraphQLClient client, string taskId, string inspectedOn)
        => (await client.QueryAsync(Record, new { input = new { taskId, findings = new { inspectedOn, mode = "ON_SITE", outcome = "NORMAL" } } }))["recordInspection"]!.ErrorSummary();
}
