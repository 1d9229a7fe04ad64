using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Draws;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Registry;
using Xunit.Abstractions;

namespace DualRandomGraph.Api.Tests.Compliance;

/// <summary>
/// The statistics are grouped and counted in the database: the statements a request runs do not depend on how many
/// targets, inspections and tasks there are.
/// </summary>
public sealed class ComplianceStatementTests(ComplianceApiFactory factory, ITestOutputHelper output) : IClassFixture<ComplianceApiFactory>
{
    private const string Everything = """
        agencyCode categories { category poolSize requiredMinimum drawn inspectedFirms visits ratio requiredRatio met }
        keyCoverage keyTargets keyTargetsCovered uncoveredKeyTargets { name categoryHistory { category } }
        publicationsOnTime publicationsLate latePublications { workingDaysLate } publicationsDue duePublications { deadline }
        visits problemsFound problemFoundRate transfers offSiteShare workload { min median max } auxiliaryShare targeted { inspections }
        agency { name region { name } }
        """;

    [Fact]
    public async Task The_statements_of_a_request_do_not_grow_with_the_targets()
    {
        var small = await HistoryAsync("CTA", perCategory: 2);
        var large = await HistoryAsync("CTB", perCategory: 20);
        var auditor = factory.CreateGraphQLClient(Roles.Auditor);

        foreach (var query in new[]
        {
            $"query($id: ID!) {{ complianceStats(agencyId: $id, year: 2023, quarter: 2) {{ {Everything} }} }}",
            $"query($id: ID!) {{ complianceStats(agencyId: $id, year: 2023) {{ {Everything} }} }}",
            $"query($id: ID!) {{ complianceSeries(agencyId: $id, fromYear: 2022, toYear: 2023) {{ {Everything} }} }}",
        })
        {
            var (smallStatements, smallData) = await StatementsAsync(auditor, query, small);
            var (largeStatements, largeData) = await StatementsAsync(auditor, query, large);

            // The large history really is ten times the small one, and costs the same statements.
            Assert.Contains("\"visits\":6,", smallData, StringComparison.Ordinal);
            Assert.Contains("\"visits\":60,", largeData, StringComparison.Ordinal);
            output.WriteLine($"{smallStatements} statements: {query[..60]}");
            Assert.Equal(smallStatements, largeStatements);
            Assert.InRange(smallStatements, 10, 60);
        }
    }

    [Fact]
    public async Task A_longer_series_runs_the_same_statements()
    {
        var agencyId = await HistoryAsync("CTC", perCategory: 2);
        var auditor = factory.CreateGraphQLClient(Roles.Auditor);

        var (oneYear, oneYearData) = await StatementsAsync(auditor, $"query($id: ID!) {{ complianceSeries(agencyId: $id, fromYear: 2023, toYear: 2023) {{ {Everything} }} }}", agencyId);
        var (threeYears, threeYearsData) = await StatementsAsync(auditor, $"query($id: ID!) {{ complianceSeries(agencyId: $id, fromYear: 2021, toYear: 2023) {{ {Everything} }} }}", agencyId);

        // 4 entries against 12, each with the key targets still uncovered (batched, not one query per entry).
        Assert.Equal(4, JsonNode.Parse(oneYearData)!["complianceSeries"]!.AsArray().Count);
        Assert.Equal(12, JsonNode.Parse(threeYearsData)!["complianceSeries"]!.AsArray().Count);
        Assert.Contains("\"uncoveredKeyTargets\":[{\"name\"", threeYearsData, StringComparison.Ordinal);
        output.WriteLine($"{oneYear} statements for 4 quarters, {threeYears} for 12");
        Assert.Equal(oneYear, threeYears);
    }

    /// <summary>
    /// An agency with <paramref name="perCategory"/> key, special and general targets, each inspected in 2023 Q2 as imported
    /// history, and a committed draw for Q3 (so there are tasks and teams); returns the agency id.
    /// </summary>
    private async Task<string> HistoryAsync(string tag, int perCategory)
    {
        var scenario = await Scenario.CreateAsync(
            factory.Services, tag, [.. Scenario.Many(TargetCategory.Key, perCategory), .. Scenario.Many(TargetCategory.Special, perCategory), .. Scenario.Many(TargetCategory.General, perCategory)],
            officers: 3, assistants: 1);
        factory.Clock.SetChinaDay(new DateOnly(2023, 7, 1));
        var imported = await factory.CreateGraphQLClient(Roles.Admin).QueryAsync(
            "mutation($input: ImportInspectionHistoryInput!) { importInspectionHistory(input: $input) { errors { ... on Error { code } } } }",
            new
            {
                input = new
                {
                    agencyId = scenario.AgencyId,
                    source = "旧平台",
                    records = scenario.TargetKeys.Select((creditCode, i) => new
                    {
                        creditCode,
                        findings = new { inspectedOn = "2023-05-10", mode = i % 2 == 0 ? "ON_SITE" : "OFF_SITE", evidence = i % 2 == 0 ? null : new[] { "PERMIT_PLATFORM" }, outcome = i % 3 == 0 ? "PROBLEM_FOUND" : "NORMAL" },
                    }),
                },
            });
        Assert.Equal("none", imported["importInspectionHistory"]!.ErrorSummary());
        var planning = new PlanningClient(factory.CreateGraphQLClient(Roles.Coordinator));
        var planId = await planning.PublishedPlanAsync(scenario.AgencyId, 2023, 3);
        var drawId = (string)(await planning.DrawAsync(planId, "statement count seed 2023Q3 7 7 7", outsideWindowReason: "测试"))["draw"]!["id"]!;
        Assert.Null(PlanningClient.ErrorCode(await planning.CommitAsync(drawId)));
        return scenario.AgencyId;
    }

    private async Task<(int Statements, string Data)> StatementsAsync(GraphQLClient client, string query, string agencyId)
    {
        factory.Sql.Clear();
        var response = await client.PostAsync(query, new { id = agencyId });
        Assert.True(response.Errors is null, response.Pretty);
        return (factory.Sql.Statements.Count, response.Data!.ToJsonString());
    }
}
