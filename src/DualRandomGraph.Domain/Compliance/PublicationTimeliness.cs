using DualRandomGraph.Domain.Calendar;

namespace DualRandomGraph.Domain.Compliance;

/// <summary>R5 after the fact: how late a publication was, in working days of the official calendar.</summary>
public static class PublicationTimeliness
{
    /// <summary>
    /// The working days after <paramref name="deadline"/> up to and including <paramref name="publishedOn"/>: 1 for a
    /// publication on the first working day after the deadline, 0 for one on or before it (or on the holiday right
    /// after it, which costs no working day).
    /// </summary>
    /// <exception cref="CalendarYearNotCoveredException">When the calendar lacks a year between the two days.</exception>
    public static int WorkingDaysLate(WorkingDayCalendar calendar, DateOnly deadline, DateOnly publishedOn)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return publishedOn <= deadline ? 0 : calendar.WorkingDays(deadline.AddDays(1), publishedOn).Count();
    }
}
