namespace DualRandomGraph.Domain.Sampling;

/// <summary>
/// The minimum sampling ratios of a plan. The defaults are the seed plan's (Korla 2022): R1 key targets at least
/// 25 % a quarter and all of them once a year, R2 special targets at least 50 % a quarter, R3 general targets at
/// least 1 in 10 a year; no random checks of construction projects or industrial parks. Each agency may set its own,
/// e.g. Guangzhou's key ratio of 12.5 % a quarter.
/// </summary>
/// <param name="KeyQuarterlyRatio">Share of key targets drawn each quarter.</param>
/// <param name="KeyAnnualFullCoverage">Whether every key target must be inspected at random once per calendar year.</param>
/// <param name="SpecialQuarterlyRatio">Share of special targets drawn each quarter.</param>
/// <param name="GeneralAnnualRatio">Share of general targets inspected at random per calendar year, spread over the quarters.</param>
/// <param name="ConstructionProjectQuarterlyRatio">Share of construction projects drawn each quarter.</param>
/// <param name="IndustrialParkQuarterlyRatio">Share of industrial parks drawn each quarter.</param>
public sealed record SamplingRatios(
    decimal KeyQuarterlyRatio = 0.25m,
    bool KeyAnnualFullCoverage = true,
    decimal SpecialQuarterlyRatio = 0.5m,
    decimal GeneralAnnualRatio = 0.1m,
    decimal ConstructionProjectQuarterlyRatio = 0m,
    decimal IndustrialParkQuarterlyRatio = 0m)
{
    /// <summary>The seed plan's ratios.</summary>
    public static SamplingRatios Default { get; } = new();

    /// <summary>The names of ratios outside 0..1, empty when all are in range.</summary>
    public IReadOnlyList<string> OutOfRange() =>
        new (string Name, decimal Value)[]
        {
            (nameof(KeyQuarterlyRatio), KeyQuarterlyRatio),
            (nameof(SpecialQuarterlyRatio), SpecialQuarterlyRatio),
            (nameof(GeneralAnnualRatio), GeneralAnnualRatio),
            (nameof(ConstructionProjectQuarterlyRatio), ConstructionProjectQuarterlyRatio),
            (nameof(IndustrialParkQuarterlyRatio), IndustrialParkQuarterlyRatio),
        }
        .Where(r => r.Value is < 0m or > 1m)
        .Select(r => r.Name)
        .ToList();
}
