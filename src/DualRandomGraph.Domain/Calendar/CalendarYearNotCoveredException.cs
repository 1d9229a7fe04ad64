namespace DualRandomGraph.Domain.Calendar;

/// <summary>
/// A date was asked about in a year whose holiday notice the calendar does not hold. The calendar never
/// guesses (a plain Monday–Friday rule would be wrong on about 20 days a year): load the year first.
/// </summary>
public sealed class CalendarYearNotCoveredException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="year"/>.</summary>
    public CalendarYearNotCoveredException(int year, IReadOnlyCollection<int> coveredYears)
        : base($"The working-day calendar does not cover {year} (it covers {Describe(coveredYears)}); load that year's official holiday arrangement first.")
    {
        Year = year;
        CoveredYears = coveredYears;
    }

    /// <summary>The year that is not covered.</summary>
    public int Year { get; }

    /// <summary>The years the calendar does cover.</summary>
    public IReadOnlyCollection<int> CoveredYears { get; }

    private static string Describe(IReadOnlyCollection<int> years) =>
        years.Count == 0 ? "no year" : string.Join(", ", years.Order());
}
