namespace DualRandomGraph.Domain.Compliance;

/// <summary>
/// Whether a stratum met its minimum: the firms inspected at random against the quota k the draw takes from
/// <see cref="Sampling.QuotaCalculator"/>. Measured by what was inspected, not by what was drawn: a committed draw
/// always has exactly k selections, so only the inspections can fall short.
/// </summary>
public static class CategoryFigures
{
    /// <summary>The achieved ratio: inspected firms over the pool; 0 for an empty pool.</summary>
    public static double Ratio(int inspectedFirms, int poolSize) => Share(inspectedFirms, poolSize);

    /// <summary>The required ratio: the quota over the pool; 0 for an empty pool.</summary>
    public static double RequiredRatio(int requiredMinimum, int poolSize) => Share(requiredMinimum, poolSize);

    /// <summary>Met when at least the quota's number of firms was inspected (always, when the quota is 0).</summary>
    public static bool Met(int inspectedFirms, int requiredMinimum) => inspectedFirms >= requiredMinimum;

    /// <summary><paramref name="part"/> over <paramref name="whole"/>, 0 when <paramref name="whole"/> is 0.</summary>
    public static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
