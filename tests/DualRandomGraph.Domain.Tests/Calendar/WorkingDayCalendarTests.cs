using System.Globalization;
using DualRandomGraph.Domain.Calendar;

namespace DualRandomGraph.Domain.Tests.Calendar;

// Every expected date here was counted by hand from the State Council notices in
// cn-workdays-2022-2026.json (and cross-checked with a separate script), not taken from the code.
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Official = WorkingDayCalendar.LoadOfficial();

    [Theory]
    [InlineData("2022-04-24", true)] // Sunday, adjusted working day — the seed's table has a check on it
    [InlineData("2022-04-23", false)] // the Saturday before it
    [InlineData("2022-04-22", true)] // plain Friday
    [InlineData("2022-10-03", false)] // Monday in National Day (10-01..10-07)
    [InlineData("2022-10-08", true)] // Saturday, adjusted
    [InlineData("2022-10-09", true)] // Sunday, adjusted
    [InlineData("2022-10-10", true)]
    [InlineData("2022-01-03", false)] // Monday, New Year 2022
    [InlineData("2022-01-29", true)] // Saturday before Spring Festival, adjusted
    [InlineData("2022-01-31", false)] // Spring Festival eve (Monday)
    [InlineData("2022-02-07", true)] // first day back
    [InlineData("2022-12-30", true)] // last working day of 2022
    [InlineData("2022-12-31", false)] // Saturday, New Year 2023 starts
    [InlineData("2023-01-02", false)] // Monday, New Year 2023
    [InlineData("2023-01-03", true)]
    [InlineData("2023-01-27", false)] // Friday, last day of Spring Festival 2023
    [InlineData("2023-01-28", true)] // Saturday, adjusted
    [InlineData("2023-01-29", true)] // Sunday, adjusted
    [InlineData("2023-09-29", false)] // Mid-Autumn + National Day 2023 (09-29..10-06)
    [InlineData("2023-10-06", false)]
    [InlineData("2023-10-07", true)] // Saturday, adjusted
    [InlineData("2024-02-09", true)] // Friday before Spring Festival 2024 (02-10..02-17)
    [InlineData("2024-02-16", false)] // Friday inside it
    [InlineData("2024-02-18", true)] // Sunday, adjusted
    [InlineData("2024-06-10", false)] // Monday, Dragon Boat
    [InlineData("2025-01-26", true)] // Sunday, adjusted before Spring Festival 2025
    [InlineData("2025-09-28", true)] // Sunday, adjusted before National Day 2025
    [InlineData("2025-10-08", false)] // Wednesday, last day of National Day 2025
    [InlineData("2026-01-04", true)] // Sunday, adjusted after New Year 2026
    [InlineData("2026-02-23", false)] // Monday, last day of Spring Festival 2026
    [InlineData("2026-02-28", true)] // Saturday, adjusted
    [InlineData("2026-12-31", true)] // Thursday
    public void Official_working_days(string day, bool expected) =>
        Assert.Equal(expected, Official.IsWorkingDay(D(day)));

    [Theory]
    [InlineData(2022, 249)] // 260 weekdays − 18 weekday holidays + 7 adjusted weekend days
    [InlineData(2023, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void Working_days_per_year(int year, int expected) =>
        Assert.Equal(expected, Official.WorkingDays(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)).Count());

    [Fact]
    public void Working_days_lists_the_days_in_order()
    {
        // Around Qingming 2022: Sat 04-02 adjusted, 04-03..04-05 holiday.
        Assert.Equal(
            [D("2022-04-01"), D("2022-04-02"), D("2022-04-06"), D("2022-04-07")],
            Official.WorkingDays(D("2022-04-01"), D("2022-04-07")));
        Assert.Empty(Official.WorkingDays(D("2022-04-07"), D("2022-04-06")));
    }

    [Theory]
    [InlineData("2022-06-21", 20, "2022-07-19")] // R5 for the seed's last inspection: no holiday in between
    [InlineData("2022-06-21", 1, "2022-06-22")]
    [InlineData("2022-06-21", 0, "2022-06-21")]
    [InlineData("2022-06-24", 1, "2022-06-27")] // Friday → Monday
    [InlineData("2022-12-30", 1, "2023-01-03")] // over New Year 2023, across the year
    [InlineData("2023-01-20", 1, "2023-01-28")] // Spring Festival 2023, back on an adjusted Saturday
    [InlineData("2023-01-20", 2, "2023-01-29")] // ... and Sunday
    [InlineData("2023-01-20", 3, "2023-01-30")]
    [InlineData("2022-09-30", 1, "2022-10-08")] // National Day 2022, back on an adjusted Saturday
    [InlineData("2022-09-30", 20, "2022-11-02")] // 10-08, 10-09 (adjusted), 15 weekdays 10-10..10-28, 10-31, 11-01, 11-02
    [InlineData("2022-04-01", 1, "2022-04-02")] // adjusted Saturday before Qingming
    [InlineData("2022-04-01", 2, "2022-04-06")]
    [InlineData("2022-04-22", 1, "2022-04-24")] // the adjusted Sunday
    public void Add_working_days(string start, int n, string expected) =>
        Assert.Equal(D(expected), Official.AddWorkingDays(D(start), n));

    [Fact]
    public void Add_working_days_rejects_a_negative_count() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.AddWorkingDays(D("2022-06-21"), -1));

    [Theory]
    [InlineData(2022, 3, "2022-06-24", "2022-06-30")] // Q2 2022 ends Thu 06-30
    [InlineData(2023, 1, "2022-12-26", "2022-12-30")] // crosses the year: 12-31 is a Saturday in New Year 2023
    [InlineData(2022, 4, "2022-09-26", "2022-09-30")]
    [InlineData(2023, 4, "2023-09-22", "2023-09-28")] // 09-29 starts Mid-Autumn/National Day
    [InlineData(2025, 4, "2025-09-25", "2025-09-30")] // includes Sunday 2025-09-28, an adjusted working day
    [InlineData(2026, 1, "2025-12-25", "2025-12-31")]
    [InlineData(2024, 2, "2024-03-25", "2024-03-29")] // 2024-03-30/31 are a weekend
    [InlineData(2026, 2, "2026-03-25", "2026-03-31")]
    public void Draw_window_is_the_last_five_working_days_of_the_quarter_before(int year, int quarter, string first, string last)
    {
        var window = Official.DrawWindowFor(year, quarter);
        Assert.Equal(new DateRange(D(first), D(last)), window);
        Assert.Equal(WorkingDayCalendar.DrawWindowWorkingDays, Official.WorkingDays(window.First, window.Last).Count());
    }

    [Fact]
    public void Last_working_days_of_a_quarter()
    {
        Assert.Equal(new DateRange(D("2022-06-30"), D("2022-06-30")), Official.LastWorkingDaysOfQuarter(2022, 2, 1));
        Assert.Equal(new DateRange(D("2022-12-30"), D("2022-12-30")), Official.LastWorkingDaysOfQuarter(2022, 4, 1));
        // Q1 2022: January 4–28 (19 weekdays) + adjusted 01-29/30 = 21, February 7–28 = 16, March = 23: 60 working days.
        Assert.Equal(new DateRange(D("2022-01-04"), D("2022-03-31")), Official.LastWorkingDaysOfQuarter(2022, 1, 60));
        Assert.Equal(new DateRange(D("2022-01-07"), D("2022-03-31")), Official.LastWorkingDaysOfQuarter(2022, 1, 57));
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.LastWorkingDaysOfQuarter(2022, 1, 61));
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.LastWorkingDaysOfQuarter(2022, 5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.LastWorkingDaysOfQuarter(2022, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.DrawWindowFor(2022, 0));
    }

    [Fact]
    public void Uncovered_years_are_refused_not_guessed()
    {
        Assert.Equal([2022, 2023, 2024, 2025, 2026], Official.CoveredYears);
        Assert.False(Official.Covers(2027));

        var before = Assert.Throws<CalendarYearNotCoveredException>(() => Official.IsWorkingDay(D("2021-12-31")));
        Assert.Equal(2021, before.Year);
        Assert.Contains("2021", before.Message, StringComparison.Ordinal);

        Assert.Equal(2027, Assert.Throws<CalendarYearNotCoveredException>(() => Official.IsWorkingDay(D("2027-01-04"))).Year);
        Assert.Throws<CalendarYearNotCoveredException>(() => Official.AddWorkingDays(D("2026-12-30"), 5));
        // Thrown when the query is made, before any day is returned.
        Assert.Throws<CalendarYearNotCoveredException>(() => Official.WorkingDays(D("2026-12-01"), D("2027-01-10")));
        // Q1 2022's window lies in Q4 2021.
        Assert.Throws<CalendarYearNotCoveredException>(() => Official.DrawWindowFor(2022, 1));
    }

    [Fact]
    public void A_later_year_can_be_added_from_data()
    {
        var next = new WorkingDayCalendar(
            Official.Holidays.Append(new HolidayRange(D("2027-01-01"), D("2027-01-03"), "元旦")),
            Official.AdjustedWorkdays.Append(D("2027-01-09")),
            Official.CoveredYears.Append(2027));

        Assert.False(next.IsWorkingDay(D("2027-01-01")));
        Assert.True(next.IsWorkingDay(D("2027-01-04")));
        Assert.True(next.IsWorkingDay(D("2027-01-09")));
        Assert.Equal(D("2027-01-04"), next.AddWorkingDays(D("2026-12-31"), 1));
    }

    [Fact]
    public void Inconsistent_data_is_rejected()
    {
        var holiday = new HolidayRange(D("2022-10-01"), D("2022-10-07"), "国庆节");
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([holiday], [D("2022-10-02")], [2022])); // Sunday inside the holiday
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([holiday], [D("2022-10-10")], [2022])); // a Monday
        Assert.Throws<ArgumentException>(() => new HolidayRange(D("2022-10-07"), D("2022-10-01"), "x"));
    }

    private static DateOnly D(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
