using DualRandomGraph.Api.Common;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Mutations;

namespace DualRandomGraph.Api.Calendar;

/// <summary>The year is in the calendar already; a year's data never changes, since draws were timed by it.</summary>
public sealed record CalendarYearAlreadyCoveredError(string Message, int Year) : IUserError
{
    public string Code => "CALENDAR_YEAR_ALREADY_COVERED";
}

public sealed record AddHolidayCalendarPayload(
    HolidayCalendarYear? Calendar,
    [property: Errors(typeof(CalendarYearAlreadyCoveredError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);
