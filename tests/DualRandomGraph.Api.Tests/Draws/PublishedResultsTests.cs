using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Relay;

namespace DualRandomGraph.Api.Tests.Draws;

/// <summary>
/// Once a plan's results are published (一公开; set here in the database, as the publication of results will), its
/// drawn list is no longer confidential: the verification document downloads without a token and every inspector
/// sees the plan's tasks.
/// </summary>
public sealed class PublishedResultsTests(DrawsApiFactory factory) : IClassFixture<DrawsApiFactory>
{
    [Fact]
    public async Task Once_the_results_are_published_the_list_is_public()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, "PUB", [TargetCategory.Key, TargetCategory.Special], officers: 6);
        var planning = new PlanningClient(factory.CreateGraphQLClient(Roles.Coordinator));
        var planId = await planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
        var drawId = (string)(await planning.DrawAsync(planId, "1 2 3 4 5 6 6 5 4 3 2 1 1 2", outsideWindowReason: "测试"))["draw"]!["id"]!;
        var committed = await planning.CommitAsync(drawId);
        var busy = committed["tasks"]!.AsArray().SelectMany(t => t!["selection"]!["team"]!.AsArray().Select(m => (string)m!["inspectorKey"]!)).ToHashSet();
        var bystander = factory.CreateGraphQLClientAs(scenario.InspectorKeys.First(k => !busy.Contains(k)), Roles.Inspector);
        var before = (await DocumentStatusAsync(factory, factory.CreateGraphQLClient(), drawId), await TaskCountAsync(bystander));

        Assert.Equal(1, await factory.Database.ExecuteAsync($"""UPDATE "Plans" SET "ResultsPublishedAt" = '2023-10-20 02:00:00' WHERE "Id" = {GlobalId.ParseFor(nameof(SamplingPlan), planId)}"""));

        var after = (await DocumentStatusAsync(factory, factory.CreateGraphQLClient(), drawId), await TaskCountAsync(bystander));

        Assert.Equal(("401 Unauthorized", 0), before);
        Assert.Equal(("200 OK", 2), after);
    }

    internal static async Task<string> DocumentStatusAsync(DrawsApiFactory factory, GraphQLClient client, string drawId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/draws/{drawId}/verification.json") { Headers = { Authorization = client.Http.DefaultRequestHeaders.Authorization } };
        using var response = await factory.CreateClient().SendAsync(request);
        return $"{(int)response.StatusCode} {response.StatusCode}";
    }

    private static async Task<int> TaskCountAsync(GraphQLClient client)
        => (int)(await client.QueryAsync("{ inspectionTasks { totalCount } }"))["inspectionTasks"]!["totalCount"]!;
}
