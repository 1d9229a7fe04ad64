using System.Globalization;

namespace DualRandomGraph.LoadBenchmarks;

/// <summary>
/// Load benchmarks of issue 8, over HTTP on loopback against the API composed in this process (Kestrel on a real
/// port): the ceiling ratio, the nested query, a mixed load and a draw on a million targets. Prints figures; it is not
/// a test. Run in Release, e.g.
/// <code>dotnet run -c Release --project tests/DualRandomGraph.LoadBenchmarks -- --only ceiling,nested,mixed,draw</code>
/// The databases are generated on first use (<c>-- generate</c>'s generator) and reused; see README.md.
/// </summary>
internal static class LoadBenchmarkProgram
{
    private const string Usage = """
        Usage: dotnet run -c Release --project tests/DualRandomGraph.LoadBenchmarks -- [options]
          --only LIST           ceiling,nested,mixed,draw (default: all four)
          --database FILE       the 100,000-target SQLite database (default: $TMPDIR/drg-load-100k.db, generated when missing)
          --draw-database FILE  the 1,000,000-target SQLite database for the draw (default: $TMPDIR/drg-load-1m.db)
          --postgres CONNSTR    run against PostgreSQL instead (Database:Provider=Postgres), generated when empty
          --concurrency N       concurrent clients (default 8)
          --seconds N           measuring time of each side of the ceiling ratio (default 20, in rounds of 2 s, ABBA)
          --mixed-seconds N     length of the mixed load (default 60)
          --nested-requests N   requests per page size of the nested query (default 20)
          --draw-targets N      targets of the full drawPlan/commitDraw run (default 1,000,000)
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var options = BenchmarkOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load average {LoadAverage()}"));
        if (options.Runs("ceiling") || options.Runs("nested") || options.Runs("mixed"))
        {
            await using var server = await BenchmarkServer.StartAsync(options, options.Database, BenchmarkData.Standard);
            if (options.Runs("ceiling"))
            {
                await CeilingBenchmark.RunAsync(server, options);
            }

            if (options.Runs("nested"))
            {
                await NestedQueryBenchmark.RunAsync(server, options);
            }

            if (options.Runs("mixed"))
            {
                await MixedLoadBenchmark.RunAsync(server, options);
            }
        }

        if (options.Runs("draw"))
        {
            await DrawBenchmark.RunAsync(options);
        }

        Console.WriteLine($"load average at the end: {LoadAverage()}");
        return 0;
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), because the machine is shared with other builds.</summary>
    public static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

/// <summary>The command line of the harness.</summary>
internal sealed record BenchmarkOptions(
    IReadOnlySet<string> Only,
    string Database,
    string DrawDatabase,
    string? Postgres,
    int Concurrency,
    int Seconds,
    int MixedSeconds,
    int NestedRequests,
    int DrawTargets)
{
    public bool Runs(string benchmark) => Only.Contains(benchmark);

    public static BenchmarkOptions? Parse(string[] args)
    {
        string? Value(string name) => args.Select((a, i) => (a, i)).Where(p => p.a == name && p.i + 1 < args.Length).Select(p => args[p.i + 1]).LastOrDefault();
        int Number(string name, int fallback) => Value(name) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

        var only = (Value("--only") ?? "ceiling,nested,mixed,draw").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (only.Except(["ceiling", "nested", "mixed", "draw"]).Any())
        {
            return null;
        }

        return new BenchmarkOptions(
            only,
            Path.GetFullPath(Value("--database") ?? Path.Combine(Path.GetTempPath(), "drg-load-100k.db")),
            Path.GetFullPath(Value("--draw-database") ?? Path.Combine(Path.GetTempPath(), "drg-load-1m.db")),
            Value("--postgres"),
            Number("--concurrency", 8),
            Number("--seconds", 20),
            Number("--mixed-seconds", 60),
            Number("--nested-requests", 20),
            Number("--draw-targets", 1_000_000));
    }
}
