using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using DualRandomGraph.Domain.Draws;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.Domain.Sampling;

namespace DualRandomGraph.Benchmarks;

/// <summary>
/// drg-1 on a generated registry of 100,000 targets and 2,000 inspectors with the seed plan's default ratios for a
/// third quarter (issue goal: under 2 s), with the machine's SHA-256 throughput beside it, since hashing is the work.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class DrawBenchmarks
{
    private DrawInput _input = null!;
    private byte[] _message = null!;

    [Params(100_000)]
    public int Targets { get; set; }

    [Params(2_000)]
    public int Inspectors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = Generate(Targets, Inspectors);
        _message = Encoding.UTF8.GetBytes("6 2 8 3 1 8 5 3 0 7 1 7 9 5 8 6|KETDZ-EPB/2022Q3/TEAM/916528012022040019|XJHB02201");
    }

    [Benchmark(Description = "drg-1 draw (targets + teams)")]
    public int Draw() => Drg1.Run(_input).Selections.Count;

    /// <summary>One ticket's worth of hashing with the framework's SHA-256, for scale: the draw needs about 11 million.</summary>
    [Benchmark(Description = "SHA-256 of one ticket message (BCL)")]
    public byte[] Sha256OfOneTicket() => SHA256.HashData(_message);

    public static DrawInput Generate(int targets, int inspectors)
    {
        var random = new Random(20221001);
        var pool = new List<TargetPoolMember>(targets);
        for (var i = 0; i < targets; i++)
        {
            var stratum = (i % 100) switch
            {
                < 5 => TargetCategory.Key,
                < 8 => TargetCategory.Special,
                < 98 => TargetCategory.General,
                98 => TargetCategory.ConstructionProject,
                _ => TargetCategory.IndustrialPark,
            };
            var code = CreditCode.Complete(string.Create(CultureInfo.InvariantCulture, $"91652801{i:D9}"));
            pool.Add(new TargetPoolMember(code, stratum, stratum == TargetCategory.Special ? 0 : random.Next(2)));
        }

        var inspectorPool = Enumerable.Range(1, inspectors)
            .Select(n => new InspectorPoolMember(string.Create(CultureInfo.InvariantCulture, $"XJHB{n:D6}"), n % 10 == 0 ? InspectorRole.Assistant : InspectorRole.Officer))
            .ToList();
        var quotas = Enum.GetValues<TargetCategory>().ToDictionary(
            category => category,
            category =>
            {
                var n = pool.Count(t => t.Stratum == category);
                var covered = pool.Count(t => t.Stratum == category && t.PriorityGroup == 1);
                return QuotaCalculator.Calculate(category, n, covered, quarter: 3, SamplingRatios.Default).Quota;
            });
        return new DrawInput("6 2 8 3 1 8 5 3 0 7 1 7 9 5 8 6", "KETDZ-EPB", 2022, 3, quotas, new TeamRules(2, 1), pool, inspectorPool);
    }
}
