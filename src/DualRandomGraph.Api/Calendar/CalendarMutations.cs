using DualRandomGraph.Api.Common;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Calendar;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Mutations;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Calendar;

[Authorize(Roles = Roles.Admin)]
public sealed class CalendarMutations
{
    /// <summary>
    /// Adds a year's holiday notice to the working-day calendar, so draws of that year can be timed without a
    /// release. Its days must lie in the year or in the December before it (a New Year break, an adjusted weekend).
    /// </summary>
    public static async Task<AddHolidayCalendarPayload> AddHolidayCalendarAsync(
        AddHolidayCalendarInput input, [FromDbContext] AppDbContext db, [FromServices] CalendarSource calendars,
        [FromServices] TimeProvider clock, IResolveFieldContext context)
    {
        var current = await calendars.GetAsync(context.CancellationToken);
        if (current.Covers(input.Year))
        {
            return new AddHolidayCalendarPayload(null, [new CalendarYearAlreadyCoveredError($"The calendar already covers {input.Year}.", input.Year)]);
        }

        var errors = new List<IUserError>();
        if (input.Year is < 2000 or > 2100)
        {
            errors.Add(new ValidationError("year", "The year must be between 2000 and 2100."));
        }

        InputRules.LimitText(errors, "source", input.Source, 200);
        if (input.Holidays.Count == 0)
        {
            errors.Add(new ValidationError("holidays", "A holiday notice lists at least one holiday."));
        }

        var earliest = new DateOnly(input.Year - 1, 12, 1);
        var latest = new DateOnly(input.Year, 12, 31);
        bool InReach(DateOnly day) => earliest <= day && day <= latest;
        foreach (var holiday in input.Holidays)
        {
            InputRules.RequireText(errors, "holidays.name", holiday.Name, 50);
            if (holiday.Last < holiday.First || !InReach(holiday.First) || !InReach(holiday.Last))
            {
                errors.Add(new ValidationError("holidays", $"{holiday.Name} ({holiday.First:yyyy-MM-dd}..{holiday.Last:yyyy-MM-dd}) must run forwards between {earliest:yyyy-MM-dd} and {latest:yyyy-MM-dd}."));
            }
        }

        foreach (var day in input.AdjustedWorkdays.Where(d => !InReach(d)))
        {
            errors.Add(new ValidationError("adjustedWorkdays", $"{day:yyyy-MM-dd} is not between {earliest:yyyy-MM-dd} and {latest:yyyy-MM-dd}."));
        }

        if (errors.Count == 0)
        {
            try
            {
                // The merged calendar checks what the data must satisfy together (adjusted days on weekends, not in holidays).
                _ = new WorkingDayCalendar(
                    current.Holidays.Concat(input.Holidays.Select(h => new HolidayRange(h.First, h.Last, h.Name.Trim()))),
                    current.AdjustedWorkdays.Concat(input.AdjustedWorkdays),
                    current.CoveredYears.Append(input.Year));
            }
            catch (ArgumentException e)
            {
                errors.Add(new ValidationError("adjustedWorkdays", e.Message.Split(" (Parameter", 2)[0]));
            }
        }

        if (errors.Count > 0)
        {
            return new AddHolidayCalendarPayload(null, errors);
        }

        var year = new HolidayCalendarYear
        {
            Year = input.Year,
            Source = InputRules.Clean(input.Source),
            Holidays = [.. input.Holidays.OrderBy(h => h.First).Select(h => new CalendarHoliday { Name = h.Name.Trim(), First = h.First, Last = h.Last })],
            AdjustedWorkdays = [.. input.AdjustedWorkdays.Distinct().Order()],
            AddedAt = clock.GetUtcNow().UtcDateTime,
            AddedBy = Actor.Name(context),
        };
        db.CalendarYears.Add(year);
        var raced = await DuplicateGuard.SaveAsync(
            db,
            async () => await db.CalendarYears.AnyAsync(y => y.Year == input.Year, context.CancellationToken)
                ? new CalendarYearAlreadyCoveredError($"The calendar already covers {input.Year}.", input.Year)
                : null,
            context.CancellationToken);
        return raced is null ? new AddHolidayCalendarPayload(year, null) : new AddHolidayCalendarPayload(null, [raced]);
    }
}
