using System.Text.Json.Nodes;
using DualRandomGraph.Api.Data.Generation;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.Api.Tests.Generation;

/// <summary>
/// A small generation (500 targets, 20 inspectors, 2 years over two agencies) on top of the demo data, read back
/// through <c>/graphql</c>: the counts are as asked, every generated draw verifies, the history obeys the rules the API
/// enforces (one committed draw per plan, every attempt kept, completed quarters recorded and published), the
/// audit chain is intact, and the same seed gives the same data.
/// </summary>
public sealed class DataGeneratorTests(DataGeneratorTests.GeneratedApiFactory factory) : IClassFixture<DataGeneratorTests.GeneratedApiFactory>
{
    private static readonly GenerationOptions Options = new(Targets: 500, Inspectors: 20, Years: 2, Seed: 7, Agencies: 2, Until: new YearQuarter(2026, 3));

    private const string DrawsQuery = """
        query($after: String) {
          draws(first: 50, after: $after, where: { agencyCode: { startsWith: "XJ" } }, order: [{ agencyCode: ASC }, { year: ASC }, { quarter: ASC }, { attempt: ASC }]) {
            totalCount
            pageInfo { hasNextPage endCursor }
            nodes { id agencyCode year quarter attempt status seed targetPoolDigest inspectorPoolDigest reason plan { status } }
          }
        }
        """;

    private readonly GraphQLClient _auditor = factory.CreateGraphQLClient(Roles.Auditor);

    [Fact]
    public async Task The_report_counts_what_was_asked_for()
    {
        var counts = (await factory.ReportAsync()).Counts;

        // Demo data: 11 targets, 12 inspectors, one agency; 8 quarters of history and the open one per agency.
        Assert.Equal((2, 500, 20), (counts.Agencies, counts.Targets, counts.Inspectors));
        Assert.Equal(511, await _auditor.CountAsync("targets"));
        Assert.Equal(32, await _auditor.CountAsync("inspectors"));
        Assert.Equal(3, await _auditor.CountAsync("agencies"));
        Assert.Equal(2 * 9, counts.Plans);
        Assert.Equal(counts.Tasks, await _auditor.CountAsync("inspectionTasks"));
        Assert.InRange(counts.Tasks, 1, counts.Selections);
    }

    [Fact]
    public async Task Every_generated_draw_verifies()
    {
        await factory.ReportAsync();
        var draws = await DrawsAsync();

        var failures = new List<string>();
        foreach (var draw in draws)
        {
            var verification = (await _auditor.QueryAsync("query($id: ID!) { verifyDraw(id: $id) { matches differences } }", new { id = (string)draw["id"]! }))["verifyDraw"]!;
            if (!(bool)verification["matches"]!)
            {
                failures.Add($"{draw["agencyCode"]} {draw["year"]}Q{draw["quarter"]}#{draw["attempt"]}: {verification["differences"]!.ToJsonString()}");
            }
        }

        Assert.InRange(draws.Count, 2 * 9, 2 * 9 * 2);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_history_keeps_the_rules_of_draws_tasks_and_publications()
    {
        var report = await factory.ReportAsync();
        var draws = await DrawsAsync();

        // Per plan: every attempt kept, the latest committed, the earlier ones superseded with a reason for the redraw.
        foreach (var plan in draws.GroupBy(d => ((string)d["agencyCode"]!, (int)d["year"]!, (int)d["quarter"]!)))
        {
            var attempts = plan.OrderBy(d => (int)d["attempt"]!).ToList();
            Assert.Equal(Enumerable.Range(1, attempts.Count), attempts.Select(d => (int)d["attempt"]!));
            Assert.Equal("COMMITTED", (string)attempts[^1]["status"]!);
            Assert.All(attempts[..^1], d => Assert.Equal("SUPERSEDED", (string)d["status"]!));
            Assert.All(attempts[1..], d => Assert.False(string.IsNullOrEmpty((string?)d["reason"])));
            var open = (plan.Key.Item2, plan.Key.Item3) == (2026, 4);
            Assert.Equal(open ? "DRAWN" : "COMPLETED", (string)attempts[^1]["plan"]!["status"]!);
        }

        var assigned = await _auditor.QueryAsync("""{ inspectionTasks(where: { status: { eq: ASSIGNED } }) { totalCount } }""");
        var recorded = await _auditor.QueryAsync("""{ inspectionRecords(where: { origin: { eq: RANDOM } }) { totalCount } }""");
        var publications = await _auditor.QueryAsync("""{ publications(where: { agencyCode: { startsWith: "XJ" } }) { totalCount } }""");
        var audit = await _auditor.QueryAsync("{ verifyAuditLog { intact } }");

        Assert.True(report.Counts.Tasks > (int)assigned["inspectionTasks"]!["totalCount"]!);
        Assert.True((int)assigned["inspectionTasks"]!["totalCount"]! > 0, "the open quarter's tasks wait to be recorded");
        Assert.Equal(report.Counts.Records, (int)recorded["inspectionRecords"]!["totalCount"]!);
        Assert.Equal(2 * 8, report.Counts.Publications);
        Assert.Equal(report.Counts.Publications, (int)publications["publications"]!["totalCount"]!);
        Assert.True((bool)audit["verifyAuditLog"]!["intact"]!);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_draws()
    {
        await factory.ReportAsync();
        using var again = new GeneratedApiFactory();
        await again.ReportAsync();
        var other = again.CreateGraphQLClient(Roles.Auditor);

        static string Fingerprint(JsonObject d) => $"{d["agencyCode"]} {d["year"]}Q{d["quarter"]}#{d["attempt"]} {d["seed"]} {d["targetPoolDigest"]} {d["inspectorPoolDigest"]}";
        var first = (await DrawsAsync()).Select(Fingerprint).ToList();
        var second = (await DrawsAsync(other)).Select(Fingerprint).ToList();

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    private Task<List<JsonObject>> DrawsAsync() => DrawsAsync(_auditor);

    private static async Task<List<JsonObject>> DrawsAsync(GraphQLClient client)
    {
        var draws = new List<JsonObject>();
        string? after = null;
        do
        {
            var page = (await client.QueryAsync(DrawsQuery, new { after }))["draws"]!;
            draws.AddRange(page["nodes"]!.AsArray().Select(n => n!.AsObject()));
            after = (bool)page["pageInfo"]!["hasNextPage"]! ? (string?)page["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null);
        return draws;
    }

    /// <summary>The API over a database the generator filled once, on top of the demo data.</summary>
    public sealed class GeneratedApiFactory : ApiFactory
    {
        private readonly SemaphoreSlim _once = new(1, 1);
        private GenerationReport? _report;

        public async Task<GenerationReport> ReportAsync()
        {
            await _once.WaitAsync();
            try
            {
                _ = CreateClient();
                return _report ??= await ActivatorUtilities.CreateInstance<DataGenerator>(Services).GenerateAsync(Options, TextWriter.Null, CancellationToken.None);
            }
            finally
            {
                _once.Release();
            }
        }

        protected override void Dispose(bool disposing)
        {
            _once.Dispose();
            base.Dispose(disposing);
        }
    }
}
