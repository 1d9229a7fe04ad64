using System.Data.Common;
using DualRandomGraph.Api.Draws;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Relay;
using Snapshooter.Xunit;

namespace DualRandomGraph.Api.Tests.Draws;

/// <summary>
/// A stored draw is immutable in the database (triggers refuse every change but a proposed draw's status moving on),
/// and should someone with access to the database get round that, verification names what was changed.
/// </summary>
public sealed class DrawImmutabilityTests(DrawsApiFactory factory) : IClassFixture<DrawsApiFactory>
{
    private const string Seed = "2 5 1 6 3 4 4 6 1 2 5 3 3 1 6";

    private readonly PlanningClient _planning = new(factory.CreateGraphQLClient(Roles.Coordinator));

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_stored_draw()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, "HLD", [TargetCategory.Key, TargetCategory.Special], officers: 4);
        var planId = await _planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
        var first = DrawKey((string)(await _planning.DrawAsync(planId, Seed, outsideWindowReason: "测试"))["draw"]!["id"]!);
        var latest = (string)(await _planning.DrawAsync(planId, Seed + " 6", reason: "重抽", outsideWindowReason: "测试"))["draw"]!["id"]!;
        await _planning.CommitAsync(latest);

        var refusals = new Dictionary<string, string>();
        foreach (var (attempt, sql) in new[]
        {
            ("change what was drawn", $"""UPDATE "Draws" SET "Seed" = 'another seed of twenty chars' WHERE "Id" = {DrawKey(latest)}"""),
            ("commit a superseded draw", $"""UPDATE "Draws" SET "Status" = 'Committed' WHERE "Id" = {first}"""),
            ("take back a commit", $"""UPDATE "Draws" SET "Status" = 'Proposed', "CommittedAt" = NULL WHERE "Id" = {DrawKey(latest)}"""),
            ("delete a draw", $"""DELETE FROM "Draws" WHERE "Id" = {first}"""),
            ("change a selection", $"""UPDATE "DrawSelections" SET "TargetKey" = 'X' WHERE "DrawId" = {first}"""),
            ("delete a team", $"""DELETE FROM "DrawTeamMembers" WHERE "SelectionId" IN (SELECT "Id" FROM "DrawSelections" WHERE "DrawId" = {first})"""),
            ("change the pool", $"""UPDATE "DrawTargetPool" SET "PriorityGroup" = 1 WHERE "DrawId" = {first}"""),
            ("delete the quotas", $"""DELETE FROM "DrawQuotas" WHERE "DrawId" = {first}"""),
            ("empty a table at once", EmptyTable("DrawQuotas")),
        })
        {
            refusals[attempt] = factory.Database.Refusal(await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(sql)));
        }

        Snapshot.Match(refusals.ToSnapshot());
    }

    [Fact]
    public async Task Without_the_triggers_the_unique_index_still_allows_one_committed_draw_per_plan()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, "UNQ", [TargetCategory.Key], officers: 2);
        var planId = await _planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
        var first = DrawKey((string)(await _planning.DrawAsync(planId, Seed, outsideWindowReason: "测试"))["draw"]!["id"]!);
        await _planning.CommitAsync((string)(await _planning.DrawAsync(planId, Seed + " 6", reason: "重抽", outsideWindowReason: "测试"))["draw"]!["id"]!);

        var error = await factory.Database.WithoutTriggersAsync(["Draws_StatusMovesOnOnce"], () =>
            Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync($"""UPDATE "Draws" SET "Status" = 'Committed' WHERE "Id" = {first}""")));

        Assert.True(factory.Database.IsUniqueViolation(error), error.Message);
        Assert.Contains("PlanId", error.Message, StringComparison.Ordinal); // SQLite: "Draws.PlanId"; PostgreSQL: "IX_Draws_PlanId_Committed"
    }

    [Fact]
    public async Task Verification_reports_rows_tampered_with_in_the_database()
    {
        var scenario = await Scenario.CreateAsync(factory.Services, "TMP", [TargetCategory.Key, TargetCategory.General, TargetCategory.General], officers: 4);
        var planId = await _planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
        var drawn = await _planning.DrawAsync(planId, Seed, outsideWindowReason: "测试");
        var drawId = (string)drawn["draw"]!["id"]!;
        var member = PlanningClient.Team(drawn["draw"]!, 0)[0];
        var stranger = scenario.InspectorKeys.Except(PlanningClient.Team(drawn["draw"]!, 0)).First();

        // As someone with write access to the database could: switch off the guards, change the rows.
        await factory.Database.WithoutTriggersAsync(["DrawTeamMembers_Immutable", "DrawTargetPool_Immutable"], async () =>
        {
            await ExecuteAsync($"""
                UPDATE "DrawTeamMembers" SET "InspectorKey" = '{stranger}'
                WHERE "InspectorKey" = '{member}' AND "SelectionId" IN (SELECT "Id" FROM "DrawSelections" WHERE "DrawId" = {DrawKey(drawId)} AND "Category" = 'Key')
                """);
            return await ExecuteAsync($"""UPDATE "DrawTargetPool" SET "PriorityGroup" = 1 WHERE "DrawId" = {DrawKey(drawId)} AND "TargetKey" = '{scenario.TargetKeys[2]}'""");
        });
        var verified = await _planning.Client.QueryAsync("query($id: ID!) { verifyDraw(id: $id) { matches differences } }", new { id = drawId });

        Snapshot.Match(verified.ToSnapshot());
        var document = (string)(await _planning.Client.QueryAsync("query($id: ID!) { draw(id: $id) { verificationDocument } }", new { id = drawId }))["draw"]!["verificationDocument"]!;
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, document);
            using var output = new StringWriter();
            Assert.Equal(1, VerifyDrawCommand.Run(file, output, TextWriter.Null));
            Assert.Contains($"team of {scenario.TargetKeys[0]}: member", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static int DrawKey(string id) => GlobalId.ParseFor(nameof(Draw), id)!.Value;

    /// <summary>
    /// The statement that empties a table at once: PostgreSQL's TRUNCATE skips row triggers (a statement trigger
    /// refuses it); SQLite has none, and its DELETE without WHERE still runs the row triggers.
    /// </summary>
    internal static string EmptyTable(string table) => TestDatabase.UsesPostgres ? $"""TRUNCATE "{table}" """ : $"""DELETE FROM "{table}" """;

    /// <summary>Runs <paramref name="sql"/> directly on the database and checks that it changed a row.</summary>
    private async Task<int> ExecuteAsync(string sql)
    {
        var rows = await factory.Database.ExecuteAsync(sql);
        Assert.True(rows > 0, sql);
        return rows;
    }
}
