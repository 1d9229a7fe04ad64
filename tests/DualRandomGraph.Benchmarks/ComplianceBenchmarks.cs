using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Data.Generation;
using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Relay;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.Benchmarks;

/// <summary>
/// <c>complianceStats</c> (a quarter, a year), <c>complianceSeries</c> (5 years, 20 quarters) and <c>regionCompliance</c>
/// (the whole province) through the GraphQL executor, as an auditor, on the data generator's history of 100,000
/// targets and 2,000 inspectors over 5 years, 2021Q4–2026Q3 (the calendar reaches back to 2021), in 20 agencies of
/// about 5,000 targets. Generating takes minutes, so the database is made once under the temp folder (complete, or not
/// at all) and reused by later runs and by each benchmark's process; delete <c>drg-bench-compliance-*.db</c> to make it again.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ComplianceBenchmarks
{
    private static readonly GenerationOptions Options = new(
        Targets: 100_000, Inspectors: 2_000, Years: 5, Seed: 1, Agencies: GenerationOptions.DefaultAgencies(100_000), Until: new YearQuarter(2026, 3));

    /// <summary>新疆维吾尔自治区, the province the generator places every agency under.</summary>
    private const string ProvinceCode = "650000";

    private const string Fields = """
        agencyCode year quarter
        categories { category poolSize requiredMinimum drawn inspectedFirms visits ratio requiredRatio met }
        keyCoverage keyTargets keyTargetsCovered
        publicationsOnTime publicationsLate latePublications { workingDaysLate } publicationsDue duePublications { deadline }
        visits problemsFound problemFoundRate transfers offSiteShare workload { inspectors min median max } auxiliaryShare
        targeted { inspections problemsFound transfers }
        """;

    private readonly string _databasePath = Path.Combine(
        Path.GetTempPath(), $"drg-bench-compliance-{Options.Targets}-{Options.Inspectors}-{Options.Years}y-{Options.Until.Year}Q{Options.Until.Quarter}-seed{Options.Seed}.db");

    private WebApplication _app = null!;
    private IDocumentExecuter<AppSchema> _executer = null!;
    private IGraphQLTextSerializer _serializer = null!;
    private ClaimsPrincipal _user = null!;
    private Inputs _agency = null!;
    private Inputs _province = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        if (!File.Exists(_databasePath))
        {
            await GenerateAsync();
        }

        _app = BenchmarkHost.Build(_databasePath);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        // The generated agency with the most targets, and the province above every generated county.
        var agencyId = await db.Targets.GroupBy(t => t.AgencyId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var provinceId = await db.Regions.Where(r => r.Code == ProvinceCode).Select(r => r.Id).FirstAsync();
        _agency = new Inputs(new Dictionary<string, object?> { ["id"] = GlobalId.Format(nameof(Agency), agencyId) });
        _province = new Inputs(new Dictionary<string, object?> { ["id"] = GlobalId.Format(nameof(Region), provinceId) });

        _executer = _app.Services.GetRequiredService<IDocumentExecuter<AppSchema>>();
        _serializer = _app.Services.GetRequiredService<IGraphQLTextSerializer>();
        _user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "bench"), new Claim("role", Roles.Auditor)], "Bearer", "sub", "role"));
    }

    /// <summary>Generates into a file of its own and renames it when done, so a failed generation leaves nothing to reuse.</summary>
    private async Task GenerateAsync()
    {
        var partial = _databasePath + ".partial";
        File.Delete(partial);
        await using (var app = BenchmarkHost.Build(partial))
        {
            await app.Services.InitializeDatabaseAsync();
            var report = await ActivatorUtilities.CreateInstance<DataGenerator>(app.Services).GenerateAsync(Options, Console.Out, CancellationToken.None);
            Console.WriteLine($"// generated {report.Counts.Targets:N0} targets, {report.Counts.Tasks:N0} tasks, {report.Counts.Records:N0} records in {report.Elapsed.TotalSeconds:F0} s");
        }

        SqliteConnection.ClearAllPools();
        File.Move(partial, _databasePath);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    [Benchmark(Description = "complianceStats, one agency, 2026 Q2")]
    public Task<string> QuarterAsync() => RunAsync($"query($id: ID!) {{ complianceStats(agencyId: $id, year: 2026, quarter: 2) {{ {Fields} uncoveredKeyTargets {{ name }} }} }}", _agency);

    [Benchmark(Description = "complianceStats, one agency, year 2025")]
    public Task<string> YearAsync() => RunAsync($"query($id: ID!) {{ complianceStats(agencyId: $id, year: 2025) {{ {Fields} }} }}", _agency);

    [Benchmark(Description = "complianceSeries, one agency, 2022–2026 (20 quarters)")]
    public Task<string> SeriesAsync() => RunAsync($"query($id: ID!) {{ complianceSeries(agencyId: $id, fromYear: 2022, toYear: 2026) {{ {Fields} }} }}", _agency);

    [Benchmark(Description = "regionCompliance, the province (all agencies), 2026 Q2")]
    public Task<string> RegionAsync() => RunAsync($"query($id: ID!) {{ regionCompliance(regionId: $id, year: 2026, quarter: 2) {{ {Fields} }} }}", _province);

    private async Task<string> RunAsync(string query, Inputs variables)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var result = await _executer.ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Variables = variables,
            User = _user,
            RequestServices = scope.ServiceProvider,
        });
        if (result.Errors is { Count: > 0 } errors)
        {
            throw new InvalidOperationException(errors[0].Message, errors[0].InnerException);
        }

        return _serializer.Serialize(result);
    }
}
