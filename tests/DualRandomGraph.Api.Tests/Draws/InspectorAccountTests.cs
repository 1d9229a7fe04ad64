using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Api.Tests.Draws;

/// <summary>
/// An inspector's token shows the tasks of the inspector whose <c>accountSubject</c> is the token's <c>sub</c>; an
/// administrator links and unlinks logins (<c>linkInspectorAccount</c>), one login per inspector.
/// </summary>
public sealed class InspectorAccountTests(DrawsApiFactory factory) : IClassFixture<DrawsApiFactory>
{
    private const string Link = """
        mutation($input: LinkInspectorAccountInput!) { linkInspectorAccount(input: $input) {
          inspector { certificateNumber accountSubject } errors { ... on Error { code } ... on ValidationError { field } } } }
        """;

    [Fact]
    public async Task A_login_sees_the_tasks_of_the_inspector_it_is_linked_to()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, "LNK", [TargetCategory.Key], officers: 2);
        var planning = new PlanningClient(factory.CreateGraphQLClient(Roles.Coordinator));
        var planId = await planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
        await planning.CommitAsync((string)(await planning.DrawAsync(planId, "4 4 2 6 1 3 5 5 2 1 6 3 4 2", outsideWindowReason: "测试"))["draw"]!["id"]!);
        var admin = factory.CreateGraphQLClient(Roles.Admin);
        var ids = await Task.WhenAll(scenario.InspectorKeys.Select(async key => (string)(await admin.QueryAsync(
            "query($c: String!) { inspectorByCertificateNumber(certificateNumber: $c) { id } }", new { c = key }))["inspectorByCertificateNumber"]!["id"]!));
        var login = factory.CreateGraphQLClientAs("wang.li@idp.example", Roles.Inspector);

        var before = await CountAsync(login);
        var linked = await admin.QueryAsync(Link, new { input = new { inspectorId = ids[0], accountSubject = "wang.li@idp.example" } });
        var withLink = await CountAsync(login);
        var taken = await admin.QueryAsync(Link, new { input = new { inspectorId = ids[1], accountSubject = "wang.li@idp.example" } });
        var byCoordinator = await factory.CreateGraphQLClient(Roles.Coordinator).PostAsync(Link, new { input = new { inspectorId = ids[1], accountSubject = "x" } });
        await admin.QueryAsync(Link, new { input = new { inspectorId = ids[0], accountSubject = (string?)null } });
        var unlinked = await CountAsync(login);

        Assert.Equal((0, 1, 0), (before, withLink, unlinked));
        Assert.Equal("wang.li@idp.example", (string?)linked["linkInspectorAccount"]!["inspector"]!["accountSubject"]);
        Assert.Equal("VALIDATION(accountSubject)", taken["linkInspectorAccount"]!.ErrorSummary());
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], byCoordinator.ErrorCodes);
    }

    private static async Task<int> CountAsync(GraphQLClient client)
        => (int)(await client.QueryAsync("{ inspectionTasks { totalCount } }"))["inspectionTasks"]!["totalCount"]!;
}
