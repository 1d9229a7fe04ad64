using DualRandomGraph.Domain.Registry;
using DualRandomGraph.Domain.Sampling;

namespace DualRandomGraph.Domain.Tests.Sampling;

public sealed class QuotaCalculatorTests
{
    private static readonly SamplingRatios Seed = SamplingRatios.Default;

    [Theory]
    // quarter, N, already covered → k           (k = max(ceil(0.25·N), ceil(U/q)), U = N − covered, q = 5 − quarter)
    [InlineData(1, 10, 0, 3)] // max(ceil(2.5)=3, ceil(10/4)=3)
    [InlineData(2, 10, 3, 3)] // max(3, ceil(7/3)=3)
    [InlineData(3, 10, 6, 3)] // max(3, ceil(4/2)=2)
    [InlineData(4, 10, 9, 3)] // max(3, ceil(1/1)=1)
    [InlineData(1, 40, 0, 10)] // max(10, 10)
    [InlineData(2, 40, 5, 12)] // a quarter that fell behind: max(10, ceil(35/3)=12)
    [InlineData(3, 13, 6, 4)] // max(ceil(3.25)=4, ceil(7/2)=4)
    [InlineData(4, 20, 11, 9)] // Q4 takes every uncovered key target: max(5, 9)
    [InlineData(4, 12, 0, 12)] // nobody covered yet: all of them
    [InlineData(4, 12, 12, 3)] // all covered: the quarterly ratio still applies
    [InlineData(1, 1, 0, 1)]
    [InlineData(2, 0, 0, 0)]
    public void Key_quota(int quarter, int n, int covered, int expected) =>
        Assert.Equal(expected, QuotaCalculator.Calculate(TargetCategory.Key, n, covered, quarter, Seed).Quota);

    [Theory]
    [InlineData(1, 10, 0, 3)]
    [InlineData(4, 20, 11, 5)] // only the ratio part: ceil(0.25×20)
    [InlineData(4, 12, 0, 3)]
    public void Key_quota_without_annual_full_coverage(int quarter, int n, int covered, int expected) =>
        Assert.Equal(expected, QuotaCalculator.Calculate(TargetCategory.Key, n, covered, quarter, Seed with { KeyAnnualFullCoverage = false }).Quota);

    [Theory]
    [InlineData(1, 7, 4)] // ceil(3.5)
    [InlineData(2, 7, 4)]
    [InlineData(3, 8, 4)]
    [InlineData(4, 1, 1)]
    [InlineData(4, 0, 0)]
    [InlineData(2, 2, 1)]
    public void Special_quota(int quarter, int n, int expected) =>
        Assert.Equal(expected, QuotaCalculator.Calculate(TargetCategory.Special, n, 0, quarter, Seed).Quota);

    [Theory]
    // quarter, N, inspected → k                  (k = ceil(max(0, ceil(0.1·N) − I) / q))
    [InlineData(1, 30, 0, 1)] // ceil(3/4)
    [InlineData(2, 30, 1, 1)] // ceil(2/3)
    [InlineData(3, 30, 2, 1)] // ceil(1/2)
    [InlineData(4, 30, 3, 0)] // done
    [InlineData(1, 95, 0, 3)] // ceil(ceil(9.5)=10 / 4)
    [InlineData(2, 95, 3, 3)] // ceil(7/3)
    [InlineData(3, 95, 6, 2)] // ceil(4/2)
    [InlineData(4, 95, 8, 2)] // ceil(2/1)
    [InlineData(4, 95, 0, 10)] // nothing done all year: the whole tenth in Q4
    [InlineData(2, 30, 9, 0)] // more than the tenth already inspected
    [InlineData(1, 9, 0, 1)] // ceil(0.9)=1 → ceil(1/4)
    [InlineData(3, 0, 0, 0)]
    public void General_quota(int quarter, int n, int inspected, int expected) =>
        Assert.Equal(expected, QuotaCalculator.Calculate(TargetCategory.General, n, inspected, quarter, Seed).Quota);

    [Theory]
    [InlineData(TargetCategory.ConstructionProject)]
    [InlineData(TargetCategory.IndustrialPark)]
    public void Other_enforcement_items_are_not_drawn_by_default(TargetCategory category)
    {
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            Assert.Equal(0, QuotaCalculator.Calculate(category, 25, 0, quarter, Seed).Quota);
        }
    }

    [Fact]
    public void Other_enforcement_items_follow_their_ratio_when_set()
    {
        var ratios = Seed with { ConstructionProjectQuarterlyRatio = 0.2m, IndustrialParkQuarterlyRatio = 1m };
        Assert.Equal(5, QuotaCalculator.Calculate(TargetCategory.ConstructionProject, 21, 0, 2, ratios).Quota); // ceil(4.2)
        Assert.Equal(3, QuotaCalculator.Calculate(TargetCategory.IndustrialPark, 3, 0, 2, ratios).Quota);
    }

    [Theory]
    [InlineData("0.1", 30, 3)] // in binary floating point 0.1×30 is 3.0000000000000004 and would round up to 4
    [InlineData("0.1", 10, 1)]
    [InlineData("0.1", 70, 7)]
    [InlineData("0.3", 10, 3)]
    [InlineData("0.125", 8, 1)] // Guangzhou's 12.5 %
    [InlineData("0.125", 9, 2)]
    [InlineData("0.5", 7, 4)]
    [InlineData("0.07", 100, 7)]
    public void Ceiling_is_exact(string ratio, int n, int expected)
    {
        var r = decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, QuotaCalculator.Calculate(TargetCategory.Special, n, 0, 1, Seed with { SpecialQuarterlyRatio = r }).Quota);
    }

    [Fact]
    public void Rules_explain_the_computation()
    {
        Assert.Equal(
            "max(ceil(0.25×12)=3, ceil(5/2)=3) = 3, capped at N=12",
            QuotaCalculator.Calculate(TargetCategory.Key, 12, 7, 3, Seed).Rule);
        Assert.Equal(
            "ceil(0.25×12)=3, capped at N=12",
            QuotaCalculator.Calculate(TargetCategory.Key, 12, 7, 3, Seed with { KeyAnnualFullCoverage = false }).Rule);
        Assert.Equal("ceil(0.5×7)=4, capped at N=7", QuotaCalculator.Calculate(TargetCategory.Special, 7, 0, 1, Seed).Rule);
        Assert.Equal(
            "ceil(max(0, ceil(0.1×95)=10 − 3)/3) = ceil(7/3) = 3, capped at N=95",
            QuotaCalculator.Calculate(TargetCategory.General, 95, 3, 2, Seed).Rule);
        Assert.Equal("ceil(0×5)=0, capped at N=5", QuotaCalculator.Calculate(TargetCategory.IndustrialPark, 5, 0, 2, Seed).Rule);
    }

    [Fact]
    public void Result_carries_its_inputs()
    {
        var quota = QuotaCalculator.Calculate(TargetCategory.Key, 12, 7, 3, Seed);
        Assert.Equal(new StratumQuota(TargetCategory.Key, 12, 7, 2, 3, quota.Rule), quota);
    }

    [Fact]
    public void All_strata_at_once()
    {
        var quotas = QuotaCalculator.Calculate(
            [
                new StratumCounts(TargetCategory.Key, 4, 1),
                new StratumCounts(TargetCategory.Special, 2, 0),
                new StratumCounts(TargetCategory.General, 80, 0),
                new StratumCounts(TargetCategory.ConstructionProject, 3, 0),
                new StratumCounts(TargetCategory.IndustrialPark, 1, 0),
            ],
            quarter: 2,
            Seed);
        Assert.Equal([1, 1, 3, 0, 0], quotas.Select(q => q.Quota));
        Assert.All(quotas, q => Assert.Equal(3, q.QuartersLeft));
    }

    [Fact]
    public void Invalid_input_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuotaCalculator.Calculate(TargetCategory.Key, 10, 0, 0, Seed));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuotaCalculator.Calculate(TargetCategory.Key, 10, 0, 5, Seed));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuotaCalculator.Calculate(TargetCategory.Key, -1, 0, 1, Seed));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuotaCalculator.Calculate(TargetCategory.Key, 10, 11, 1, Seed));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuotaCalculator.Calculate(TargetCategory.Key, 10, -1, 1, Seed));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => QuotaCalculator.Calculate(TargetCategory.Key, 10, 0, 1, Seed with { GeneralAnnualRatio = 1.5m }));
        Assert.Contains(nameof(SamplingRatios.GeneralAnnualRatio), e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A year of draws over a changing registry: targets open and close between quarters. Each quarter draws the
    /// quota, not-yet-covered targets first (drg-1's priority group 0), at random within a group.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    public void One_year_reaches_full_key_coverage_and_one_in_ten_general(int seed)
    {
        var random = new Random(seed);
        var key = new Stratum(TargetCategory.Key, random, 37);
        var general = new Stratum(TargetCategory.General, random, 143);
        var special = new Stratum(TargetCategory.Special, random, 9);

        for (var quarter = 1; quarter <= 4; quarter++)
        {
            if (quarter > 1)
            {
                // 动态管理: the registries change between quarters.
                key.Change(opened: random.Next(0, 6), closed: random.Next(0, 4));
                general.Change(opened: random.Next(0, 30), closed: random.Next(0, 15));
                special.Change(opened: random.Next(0, 2), closed: random.Next(0, 2));
            }

            var keyQuota = key.Draw(quarter);
            var specialQuota = special.Draw(quarter);
            general.Draw(quarter);

            Assert.True(keyQuota.Quota >= Math.Ceiling(0.25m * keyQuota.PoolSize), keyQuota.Rule);
            Assert.True(specialQuota.Quota * 2 >= specialQuota.PoolSize, specialQuota.Rule);
        }

        Assert.Equal(key.Active.Count, key.Active.Count(key.Covered.Contains)); // 100 % of the key targets
        Assert.True(general.Active.Count(general.Covered.Contains) * 10 >= general.Active.Count, $"{general.Active.Count(general.Covered.Contains)} of {general.Active.Count}");
    }

    private sealed class Stratum(TargetCategory category, Random random, int initial)
    {
        private int _nextId = initial;

        public List<int> Active { get; } = [.. Enumerable.Range(0, initial)];

        public HashSet<int> Covered { get; } = [];

        public void Change(int opened, int closed)
        {
            for (var i = 0; i < closed && Active.Count > 0; i++)
            {
                Active.RemoveAt(random.Next(Active.Count));
            }

            for (var i = 0; i < opened; i++)
            {
                Active.Add(_nextId++);
            }
        }

        public StratumQuota Draw(int quarter)
        {
            var quota = QuotaCalculator.Calculate(category, Active.Count, Active.Count(Covered.Contains), quarter, SamplingRatios.Default);
            var drawn = Active
                .OrderBy(Covered.Contains) // priority group 0 (not yet covered) first
                .ThenBy(_ => random.Next())
                .Take(quota.Quota);
            Covered.UnionWith(drawn);
            return quota;
        }
    }
}
