using System.Globalization;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Sampling;

/// <summary>
/// How many targets each stratum must give to a quarter's draw (R1–R3). With N active targets in the stratum,
/// q quarters left in the year (this one included) and r the stratum's ratio:
/// <list type="bullet">
/// <item>key: <c>max(ceil(r·N), ceil(U / q))</c>, U = key targets without a random inspection yet this year, so
/// that the fourth quarter takes every key target still uncovered (only <c>ceil(r·N)</c> without annual full coverage);</item>
/// <item>special, construction project, industrial park: <c>ceil(r·N)</c>;</item>
/// <item>general: <c>ceil(max(0, ceil(r·N) − I) / q)</c>, I = general targets already inspected at random this year;</item>
/// </list>
/// each capped at N. Arithmetic is exact (decimal ratios, integer division), so ceil(0.1×30) is 3, not 4.
/// </summary>
public static class QuotaCalculator
{
    /// <summary>The quota of one stratum.</summary>
    /// <param name="category">The stratum.</param>
    /// <param name="poolSize">N, the active targets of the stratum.</param>
    /// <param name="alreadyCovered">Active targets of the stratum already inspected at random this calendar year.</param>
    /// <param name="quarter">The planned quarter, 1–4.</param>
    /// <param name="ratios">The plan's ratios.</param>
    public static StratumQuota Calculate(TargetCategory category, int poolSize, int alreadyCovered, int quarter, SamplingRatios ratios)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        ArgumentOutOfRangeException.ThrowIfNegative(poolSize);
        ArgumentOutOfRangeException.ThrowIfNegative(alreadyCovered);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(alreadyCovered, poolSize);
        if (ratios.OutOfRange() is [var bad, ..])
        {
            throw new ArgumentOutOfRangeException(nameof(ratios), $"{bad} must be between 0 and 1.");
        }

        var n = poolSize;
        var q = 5 - quarter;
        var (k, formula) = category switch
        {
            TargetCategory.Key => KeyQuota(ratios.KeyQuarterlyRatio, ratios.KeyAnnualFullCoverage, n, n - alreadyCovered, q),
            TargetCategory.Special => RatioQuota(ratios.SpecialQuarterlyRatio, n),
            TargetCategory.General => GeneralQuota(ratios.GeneralAnnualRatio, n, alreadyCovered, q),
            TargetCategory.ConstructionProject => RatioQuota(ratios.ConstructionProjectQuarterlyRatio, n),
            TargetCategory.IndustrialPark => RatioQuota(ratios.IndustrialParkQuarterlyRatio, n),
            _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Not a target category."),
        };

        var capped = Math.Min(k, n);
        var rule = $"{formula}, capped at N={n}" + (capped < k ? $" → {capped}" : string.Empty);
        return new StratumQuota(category, n, alreadyCovered, q, capped, rule);
    }

    /// <summary>The quotas of all given strata for <paramref name="quarter"/>, in the order given.</summary>
    public static IReadOnlyList<StratumQuota> Calculate(IEnumerable<StratumCounts> strata, int quarter, SamplingRatios ratios)
    {
        ArgumentNullException.ThrowIfNull(strata);
        return strata.Select(s => Calculate(s.Category, s.PoolSize, s.AlreadyCovered, quarter, ratios)).ToList();
    }

    private static (int K, string Formula) KeyQuota(decimal r, bool annualFullCoverage, int n, int uncovered, int q)
    {
        var byRatio = CeilingOf(r, n);
        if (!annualFullCoverage)
        {
            return (byRatio, $"ceil({F(r)}×{n})={byRatio}");
        }

        var byCoverage = CeilingDivide(uncovered, q);
        var k = Math.Max(byRatio, byCoverage);
        return (k, $"max(ceil({F(r)}×{n})={byRatio}, ceil({uncovered}/{q})={byCoverage}) = {k}");
    }

    private static (int K, string Formula) RatioQuota(decimal r, int n)
    {
        var k = CeilingOf(r, n);
        return (k, $"ceil({F(r)}×{n})={k}");
    }

    private static (int K, string Formula) GeneralQuota(decimal r, int n, int inspected, int q)
    {
        var annual = CeilingOf(r, n);
        var remaining = Math.Max(0, annual - inspected);
        var k = CeilingDivide(remaining, q);
        return (k, $"ceil(max(0, ceil({F(r)}×{n})={annual} − {inspected})/{q}) = ceil({remaining}/{q}) = {k}");
    }

    /// <summary>ceil(r·n) in exact decimal arithmetic.</summary>
    private static int CeilingOf(decimal r, int n) => (int)decimal.Ceiling(r * n);

    private static int CeilingDivide(int a, int b) => (a + b - 1) / b;

    /// <summary>A ratio without trailing zeros: 0.25, 0.5, 0.1, 0.</summary>
    private static string F(decimal r) => r.ToString("0.############################", CultureInfo.InvariantCulture);
}
