using System.Diagnostics;
using System.Globalization;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Draws;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.Domain.Sampling;

namespace DualRandomGraph.LoadBenchmarks;

/// <summary>
/// Draw on a million targets (issue 8, benchmark 4): drg-1 alone on a pool of 1,000,000 targets and 2,000 inspectors
/// (time and allocations), then the full path over HTTP on a generated registry of that size: <c>createPlan</c>,
/// <c>publishPlan</c>, <c>drawPlan</c> (pools read from the database, the draw stored whole) and <c>commitDraw</c>,
/// each timed, with the process's peak working set and GC heap.
/// </summary>
internal static class DrawBenchmark
{
    private const int Inspectors = 2_000;

    public static async Task RunAsync(BenchmarkOptions options)
    {
        DomainDraw(options.DrawTargets);
        DomainDraw(options.DrawTargets);
        await FullPathAsync(options);
    }

    private static void DomainDraw(int targets)
    {
        var pool = new List<TargetPoolMember>(targets);
        var shares = new[] { (TargetCategory.Key, 16), (TargetCategory.Special, 16), (TargetCategory.General, 952), (TargetCategory.ConstructionProject, 16) };
        for (var i = 0; i < targets; i++)
        {
            var key = CreditCode.Complete(string.Create(CultureInfo.InvariantCulture, $"91650100{i:D9}"));
            var slot = i % 1000;
            var stratum = slot < 16 ? TargetCategory.Key : slot < 32 ? TargetCategory.Special : slot < 984 ? TargetCategory.General : TargetCategory.ConstructionProject;
            pool.Add(new TargetPoolMember(key, stratum, 0));
        }

        var inspectors = Enumerable.Range(1, Inspectors)
            .Select(i => new InspectorPoolMember(string.Create(CultureInfo.InvariantCulture, $"65010{i:D5}"), i % 5 == 0 ? InspectorRole.Assistant : InspectorRole.Officer))
            .ToList();
        var ratios = new SamplingRatios(0.25m, true, 0.5m, 0.1m, 0m, 0m);
        var quotas = Drg1.StratumOrder.ToDictionary(
            s => s,
            s => QuotaCalculator.Calculate(s, pool.Count(t => t.Stratum == s), 0, 1, ratios).Quota);
        var input = new DrawInput("2026Q1 百万对象基准 骰子 3141592653589793", "BENCH-1M", 2026, 1, quotas, TeamRules.Default, pool, inspectors);

        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(true);
        var watch = Stopwatch.StartNew();
        var result = Drg1.Run(input);
        watch.Stop();
        allocated = GC.GetTotalAllocatedBytes(true) - allocated;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"draw, drg-1 alone: {targets:N0} targets × {Inspectors:N0} inspectors, {result.Selections.Count:N0} selections ({string.Join(", ", quotas.Where(q => q.Value > 0).Select(q => $"{q.Key.ToStratumName()} {q.Value:N0}"))}): {watch.Elapsed.TotalSeconds:F2} s, {allocated / 1048576.0:N0} MiB allocated"));
    }

    private static async Task FullPathAsync(BenchmarkOptions options)
    {
        await using var server = await BenchmarkServer.StartAsync(options, options.DrawDatabase, BenchmarkData.Registry(options.DrawTargets));
        var coordinator = server.Token(Roles.Coordinator, "bench-draw");
        var agency = (await server.GraphQLAsync(coordinator, """{ agencies(first: 1, where: { code: { startsWith: "XJ" } }) { nodes { id code } } }"""))["agencies"]!["nodes"]![0]!;
        var agencyId = (string)agency["id"]!;
        var taken = (await server.GraphQLAsync(coordinator, "{ plans(first: 10, where: { year: { eq: 2026 } }) { nodes { quarter } } }"))["plans"]!["nodes"]!
            .AsArray().Select(p => (int)p!["quarter"]!).ToHashSet();
        var quarter = new[] { 4, 3, 2 }.FirstOrDefault(q => !taken.Contains(q));
        if (quarter == 0)
        {
            Console.WriteLine($"draw, full path: every quarter this benchmark uses was drawn in earlier runs; delete {options.DrawDatabase} to repeat");
            return;
        }

        var peak = new PeakMemory();
        var created = await TimedAsync("createPlan", () => server.GraphQLAsync(coordinator, "mutation($input: CreatePlanInput!) { createPlan(input: $input) { plan { id } } }", new { input = new { agencyId, year = 2026, quarter } }));
        var planId = (string)created["createPlan"]!["plan"]!["id"]!;
        await TimedAsync("publishPlan", () => server.GraphQLAsync(coordinator, "mutation($input: PublishPlanInput!) { publishPlan(input: $input) { plan { id } } }", new { input = new { planId } }));
        var drawn = await TimedAsync("drawPlan", () => server.GraphQLAsync(
            coordinator,
            "mutation($input: DrawPlanInput!) { drawPlan(input: $input) { draw { id selections { rank } } errors { ... on Error { code message } } } }",
            new { input = new { planId, seed = "2026 百万对象基准 骰子 2718281828459045", outsideWindowReason = "基准测试" } }));
        if (drawn["drawPlan"]!["draw"] is not { } draw)
        {
            Console.WriteLine($"draw, full path: drawPlan failed: {drawn.ToJsonString()}");
            return;
        }

        var committed = await TimedAsync("commitDraw", () => server.GraphQLAsync(
            coordinator,
            "mutation($input: CommitDrawInput!) { commitDraw(input: $input) { tasks { id } errors { ... on Error { code message } } } }",
            new { input = new { drawId = (string)draw["id"]! } }));
        var (workingSet, gcHeap) = peak.Stop();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"draw, full path on {options.DrawTargets:N0} targets (2026Q{quarter}): {draw["selections"]!.AsArray().Count:N0} selections, {committed["commitDraw"]!["tasks"]?.AsArray().Count ?? 0:N0} tasks; peak working set {workingSet / 1048576.0:F0} MiB, peak GC heap {gcHeap / 1048576.0:F0} MiB"));
    }

    private static async Task<T> TimedAsync<T>(string name, Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        var result = await action();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {watch.Elapsed.TotalSeconds:F2} s"));
        return result;
    }

    /// <summary>Samples the process's memory every 200 ms until stopped.</summary>
    private sealed class PeakMemory
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampler;
        private long _workingSet;
        private long _gcHeap;

        public PeakMemory() => _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var (workingSet, gcHeap) = BenchmarkServer.Memory();
                _workingSet = Math.Max(_workingSet, workingSet);
                _gcHeap = Math.Max(_gcHeap, gcHeap);
                await Task.Delay(200, CancellationToken.None);
            }
        });

        public (long WorkingSet, long GcHeap) Stop()
        {
            _stop.Cancel();
            _sampler.Wait();
            _stop.Dispose();
            return (_workingSet, _gcHeap);
        }
    }
}
