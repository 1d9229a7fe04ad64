using DualRandomGraph.Domain.Calendar;
using GraphQL;

namespace DualRandomGraph.Api.Calendar;

/// <summary>Public: the official working-day calendar is public information.</summary>
public sealed class CalendarQueries
{
    /// <summary>The longest range <see cref="WorkingDaysAsync"/> answers, so one request cannot ask for centuries.</summary>
    private const int MaxRangeDays = 731;

    /// <summary>
    /// The working days from <c>from</c> to <c>to</c>, both included, by the official calendar: weekends and
    /// statutory holidays off, adjusted weekends (调休) on.
    /// </summary>
    public static async Task<IReadOnlyList<DateOnly>> WorkingDaysAsync(DateOnly from, DateOnly to, [FromServices] CalendarSource calendars, IResolveFieldContext context)
    {
        if (to.DayNumber - from.DayNumber >= MaxRangeDays)
        {
            throw new ExecutionError($"Ask for at most {MaxRangeDays} days at a time.") { Code = "RANGE_TOO_LONG" };
        }

        var calendar = await calendars.GetAsync(context.CancellationToken);
        try
        {
            return [.. calendar.WorkingDays(from, to)];
        }
        catch (CalendarYearNotCoveredException e)
        {
            throw NotCovered(e);
        }
    }

    /// <summary>The years the calendar holds the holiday notice of, in order.</summary>
    public static async Task<IReadOnlyList<int>> CalendarYearsAsync([FromServices] CalendarSource calendars, IResolveFieldContext context)
        => (await calendars.GetAsync(context.CancellationToken)).CoveredYears;

    internal static ExecutionError NotCovered(CalendarYearNotCoveredException e)
        => new(e.Message) { Code = "CALENDAR_YEAR_NOT_COVERED" };
}
