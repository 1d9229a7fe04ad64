using DualRandomGraph.Domain.Draws;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.Domain.Sampling;

namespace DualRandomGraph.Domain.Tests.Draws;

/// <summary>
/// A registry of 100,000 targets and 2,000 inspectors (1,500 officers, 500 assistants; teams of two officers and
/// one assistant, at most 20 teams each) with the seed plan's quotas for a third quarter in which half the key
/// targets and 5 % of the general ones were already inspected: about 5,650 selections, each needing the tickets
/// of all 2,000 inspectors. Its speed is measured by the benchmark project (DrawBenchmarks), not here.
/// </summary>
public sealed class Drg1ScaleTests
{
    [Fact]
    public void A_province_sized_registry_meets_every_quota_and_staffs_every_team()
    {
        var input = LargeInput();

        var result = Drg1.Run(input);

        Assert.Equal(input.Quotas.Values.Sum(), result.Selections.Count);
        Assert.Equal(result.Selections.Count, result.Selections.Select(s => s.TargetKey).Distinct().Count());
        Assert.All(result.Selections, s => Assert.True(s.Staffed));
    }

    internal static DrawInput LargeInput()
    {
        var random = new Random(2022);
        (TargetCategory Category, int Count)[] strata =
        [
            (TargetCategory.Key, 10_000),
            (TargetCategory.Special, 2_000),
            (TargetCategory.General, 86_000),
            (TargetCategory.ConstructionProject, 1_500),
            (TargetCategory.IndustrialPark, 500),
        ];

        var targets = new List<TargetPoolMember>(100_000);
        foreach (var (category, count) in strata)
        {
            for (var i = 0; i < count; i++)
            {
                var group = category switch
                {
                    TargetCategory.Key => random.Next(2),
                    TargetCategory.General => random.Next(20) == 0 ? 1 : 0,
                    _ => 0,
                };
                targets.Add(new TargetPoolMember(CreditCode.Complete($"91652801{targets.Count:D9}"), category, group));
            }
        }

        var quotas = strata.ToDictionary(
            s => s.Category,
            s => QuotaCalculator.Calculate(s.Category, s.Count, targets.Count(t => t.Stratum == s.Category && t.PriorityGroup == 1), 3, SamplingRatios.Default).Quota);

        var inspectors = Enumerable.Range(0, 2_000)
            .Select(i => new InspectorPoolMember(
                i < 1_500 ? $"XJHB{i:D6}" : $"FZ{i:D6}",
                i < 1_500 ? InspectorRole.Officer : InspectorRole.Assistant,
                Enumerable.Range(0, 3).Select(_ => new Exclusion(targets[random.Next(targets.Count)].Key, SkipRules.Recusal)).ToList()))
            .ToList();

        return new DrawInput("3 6 1 4 2 5 6 6 1 3 2 4 5 1 2 3", "KETDZ-EPB", 2023, 3, quotas, new TeamRules(2, 1, 20), targets, inspectors);
    }
}
