using DualRandomGraph.Domain.Calendar;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Types;
using GraphQL.Types;

namespace DualRandomGraph.Api.Calendar;

public sealed class HolidayCalendarType : AutoRegisteringObjectGraphType<HolidayCalendarYear>
{
    public HolidayCalendarType() : base(y => y.Id)
    {
        Name = "HolidayCalendar";
        Description = "One year's holiday notice, added to the working-day calendar after the years the product ships with.";
    }
}

public sealed class CalendarHolidayType : AutoRegisteringObjectGraphType<CalendarHoliday>
{
    public CalendarHolidayType() : base(h => h.Id, h => h.CalendarYearId)
    {
        Description = "A statutory holiday (法定节假日): every day from first to last is off.";
    }
}

/// <summary>A range of days, both ends included, e.g. a draw window (R4).</summary>
public sealed class DateRangeType : ObjectGraphType<DateRange>
{
    public DateRangeType()
    {
        Name = "DateRange";
        Description = "Calendar days from start to end, both included.";
        Field<NonNullGraphType<DateScalarType>>("start").Resolve(context => context.Source.First);
        Field<NonNullGraphType<DateScalarType>>("end").Resolve(context => context.Source.Last);
    }
}
