using System.Globalization;

namespace DualRandomGraph.Api.Data.Generation;

/// <summary>
/// What <see cref="DataGenerator"/> makes: <see cref="Targets"/> targets and <see cref="Inspectors"/> inspectors spread
/// over <see cref="Agencies"/> agencies, and the <see cref="Years"/> × 4 quarters of history that end with
/// <see cref="Until"/>, plus the quarter after it drawn and committed with its tasks still open.
/// </summary>
public sealed record GenerationOptions(int Targets, int Inspectors, int Years, int Seed, int Agencies, YearQuarter Until)
{
    /// <summary>Agencies when none is asked for: one per 5,000 targets, at least one, at most the regions on the list.</summary>
    public static int DefaultAgencies(int targets) => Math.Clamp((targets + 4_999) / 5_000, 1, GeneratedRegistry.MaxAgencies);

    /// <summary>The problem with the options, or null.</summary>
    public string? Problem() => this switch
    {
        { Targets: < 1 or > 10_000_000 } => "--targets takes 1 to 10,000,000.",
        { Inspectors: < 1 } => "--inspectors takes at least 1.",
        { Years: < 0 or > 10 } => "--years takes 0 (the registry alone) to 10.",
        { Agencies: < 1 } or { Agencies: > GeneratedRegistry.MaxAgencies } => $"--agencies takes 1 to {GeneratedRegistry.MaxAgencies}.",
        _ when Targets < Agencies * 10 => "Give each agency at least 10 targets.",
        _ when Inspectors < Agencies * 3 => "Give each agency at least 3 inspectors (two officers per team, and one more for the rotation rule).",
        _ => null,
    };
}

/// <summary>A calendar quarter, written <c>2026Q3</c>.</summary>
public readonly record struct YearQuarter(int Year, int Quarter) : IComparable<YearQuarter>
{
    public DateOnly First => new(Year, ((Quarter - 1) * 3) + 1, 1);

    public DateOnly Last => First.AddMonths(3).AddDays(-1);

    public YearQuarter Next => Quarter == 4 ? new(Year + 1, 1) : new(Year, Quarter + 1);

    public YearQuarter Previous => Quarter == 1 ? new(Year - 1, 4) : new(Year, Quarter - 1);

    /// <summary>The quarter <paramref name="quarters"/> after this one (before it when negative).</summary>
    public YearQuarter Plus(int quarters)
    {
        var index = (Year * 4) + Quarter - 1 + quarters;
        return new(index / 4, (index % 4) + 1);
    }

    /// <summary>The quarter that has <paramref name="day"/>.</summary>
    public static YearQuarter Of(DateOnly day) => new(day.Year, ((day.Month - 1) / 3) + 1);

    public static bool TryParse(string? text, out YearQuarter quarter)
    {
        quarter = default;
        if (text is not { Length: 6 } || char.ToUpperInvariant(text[4]) != 'Q'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || text[5] is not (>= '1' and <= '4'))
        {
            return false;
        }

        quarter = new(year, text[5] - '0');
        return true;
    }

    public int CompareTo(YearQuarter other) => (Year, Quarter).CompareTo((other.Year, other.Quarter));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Quarter}");
}
