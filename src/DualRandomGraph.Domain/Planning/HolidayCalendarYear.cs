namespace DualRandomGraph.Domain.Planning;

/// <summary>
/// The State Council's holiday notice for one year, added by an administrator after the years the product ships
/// with (<c>WorkingDayCalendar.LoadOfficial</c>), so a new year needs no release. Never changed once added: draws
/// were timed by it.
/// </summary>
public sealed class HolidayCalendarYear
{
    public int Id { get; init; }

    public int Year { get; init; }

    /// <summary>The notice it was copied from, e.g. 国办发明电〔2026〕N号.</summary>
    public string? Source { get; init; }

    public List<CalendarHoliday> Holidays { get; init; } = [];

    /// <summary>Weekend days that are working days (调休上班).</summary>
    public List<DateOnly> AdjustedWorkdays { get; init; } = [];

    /// <summary>UTC.</summary>
    public DateTime AddedAt { get; init; }

    public required string AddedBy { get; init; }
}

/// <summary>A statutory holiday of a <see cref="HolidayCalendarYear"/>: every day from First to Last is off.</summary>
public sealed class CalendarHoliday
{
    public int Id { get; init; }

    public int CalendarYearId { get; init; }

    public required string Name { get; init; }

    public DateOnly First { get; init; }

    public DateOnly Last { get; init; }
}
