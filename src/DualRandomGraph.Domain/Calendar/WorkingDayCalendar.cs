using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace DualRandomGraph.Domain.Calendar;

/// <summary>
/// The official Chinese working-day calendar: Monday to Friday are working days unless they fall in a
/// statutory holiday; Saturdays and Sundays are days off unless they are adjusted working days (调休上班).
/// It answers only for the years it covers and throws <see cref="CalendarYearNotCoveredException"/> otherwise.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>R4: the list for the next quarter is fixed within the last 5 working days of the quarter before.</summary>
    public const int DrawWindowWorkingDays = 5;

    private static readonly Lazy<WorkingDayCalendar> Official = new(LoadOfficialCore);

    private readonly FrozenSet<DateOnly> _holidayDays;
    private readonly FrozenSet<DateOnly> _adjustedWorkdays;
    private readonly FrozenSet<int> _coveredYears;

    /// <summary>
    /// Builds a calendar from the data of the State Council's holiday notices.
    /// </summary>
    /// <param name="holidays">The statutory holiday ranges.</param>
    /// <param name="adjustedWorkdays">Weekend days that are working days (调休上班).</param>
    /// <param name="coveredYears">The years whose notice is complete in this data; other years are refused.</param>
    /// <exception cref="ArgumentException">When an adjusted working day is not a weekend day or falls in a holiday.</exception>
    public WorkingDayCalendar(IEnumerable<HolidayRange> holidays, IEnumerable<DateOnly> adjustedWorkdays, IEnumerable<int> coveredYears)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(adjustedWorkdays);
        ArgumentNullException.ThrowIfNull(coveredYears);

        Holidays = holidays.OrderBy(h => h.Days.First).ToList().AsReadOnly();
        AdjustedWorkdays = adjustedWorkdays.Distinct().Order().ToList().AsReadOnly();
        CoveredYears = coveredYears.Distinct().Order().ToList().AsReadOnly();

        _holidayDays = Holidays.SelectMany(h => EachDay(h.Days)).ToFrozenSet();
        _adjustedWorkdays = AdjustedWorkdays.ToFrozenSet();
        _coveredYears = CoveredYears.ToFrozenSet();

        foreach (var day in AdjustedWorkdays)
        {
            if (!IsWeekend(day))
            {
                throw new ArgumentException($"Adjusted working day {day:yyyy-MM-dd} is a {day.DayOfWeek}; only a Saturday or Sunday can be made a working day.", nameof(adjustedWorkdays));
            }

            if (_holidayDays.Contains(day))
            {
                throw new ArgumentException($"{day:yyyy-MM-dd} is listed both as an adjusted working day and inside a holiday.", nameof(adjustedWorkdays));
            }
        }
    }

    /// <summary>The holiday ranges, in date order.</summary>
    public ReadOnlyCollection<HolidayRange> Holidays { get; }

    /// <summary>The adjusted working days, in date order.</summary>
    public ReadOnlyCollection<DateOnly> AdjustedWorkdays { get; }

    /// <summary>The years the calendar answers for, in order.</summary>
    public ReadOnlyCollection<int> CoveredYears { get; }

    /// <summary>
    /// The official 2022–2026 calendar shipped with the domain (embedded <c>cn-workdays-2022-2026.json</c>).
    /// </summary>
    public static WorkingDayCalendar LoadOfficial() => Official.Value;

    /// <summary>True when the calendar holds the holiday notice of <paramref name="year"/>.</summary>
    public bool Covers(int year) => _coveredYears.Contains(year);

    /// <summary>True when <paramref name="day"/> is a working day.</summary>
    /// <exception cref="CalendarYearNotCoveredException">When the calendar does not cover the day's year.</exception>
    public bool IsWorkingDay(DateOnly day)
    {
        EnsureCovered(day.Year);
        return _adjustedWorkdays.Contains(day) || (!IsWeekend(day) && !_holidayDays.Contains(day));
    }

    /// <summary>The working days from <paramref name="from"/> to <paramref name="to"/>, both included, in order.</summary>
    /// <exception cref="CalendarYearNotCoveredException">
    /// When any year of the range is not covered (checked before the first day is returned).
    /// </exception>
    public IEnumerable<DateOnly> WorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return [];
        }

        for (var year = from.Year; year <= to.Year; year++)
        {
            EnsureCovered(year);
        }

        return EachDay(new DateRange(from, to)).Where(IsWorkingDay);
    }

    /// <summary>
    /// The <paramref name="n"/>-th working day after <paramref name="start"/>, counting from the next day
    /// (R5: the publication deadline is <c>AddWorkingDays(lastInspection, 20)</c>). <c>n = 0</c> returns
    /// <paramref name="start"/> itself.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="n"/> is negative.</exception>
    /// <exception cref="CalendarYearNotCoveredException">When the count runs into a year that is not covered.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var day = start;
        while (n > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                n--;
            }
        }

        return day;
    }

    /// <summary>
    /// The last <paramref name="count"/> working days of a quarter, as the range from the first of them to the
    /// quarter's last working day (both included; the days off in between are inside the range).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="quarter"/> is not 1–4 or <paramref name="count"/> is not positive.</exception>
    /// <exception cref="CalendarYearNotCoveredException">When the year is not covered.</exception>
    public DateRange LastWorkingDaysOfQuarter(int year, int quarter, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        EnsureCovered(year);

        var quarterStart = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        var day = quarterStart.AddMonths(3).AddDays(-1);
        DateOnly? last = null;
        while (true)
        {
            if (day < quarterStart)
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, $"{year}Q{quarter} has fewer than {count} working days.");
            }

            if (IsWorkingDay(day))
            {
                last ??= day;
                if (--count == 0)
                {
                    return new DateRange(day, last.Value);
                }
            }

            day = day.AddDays(-1);
        }
    }

    /// <summary>
    /// R4: the window in which the draw for <paramref name="year"/>Q<paramref name="quarter"/> is made — the last
    /// <see cref="DrawWindowWorkingDays"/> working days of the quarter before (for Q1, the previous year's Q4).
    /// </summary>
    public DateRange DrawWindowFor(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return quarter == 1
            ? LastWorkingDaysOfQuarter(year - 1, 4, DrawWindowWorkingDays)
            : LastWorkingDaysOfQuarter(year, quarter - 1, DrawWindowWorkingDays);
    }

    private void EnsureCovered(int year)
    {
        if (!_coveredYears.Contains(year))
        {
            throw new CalendarYearNotCoveredException(year, CoveredYears);
        }
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static IEnumerable<DateOnly> EachDay(DateRange range)
    {
        for (var day = range.First; day <= range.Last; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static WorkingDayCalendar LoadOfficialCore()
    {
        const string resource = "DualRandomGraph.Domain.Calendar.cn-workdays-2022-2026.json";
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing from the domain assembly.");
        using var reader = new StreamReader(stream);
        return WorkingDayCalendarJson.Parse(reader.ReadToEnd());
    }
}
