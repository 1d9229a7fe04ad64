using DualRandomGraph.Api.Data;
using DualRandomGraph.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Calendar;

/// <summary>
/// The working-day calendar in force: the official years the product ships with
/// (<see cref="WorkingDayCalendar.LoadOfficial"/>) plus the years administrators added since
/// (<c>addHolidayCalendar</c>). Years are only ever added, never changed, so their count tells whether the cached
/// calendar is current; one COUNT per use keeps several server instances over one database in step.
/// </summary>
public sealed class CalendarSource(IDbContextFactory<AppDbContext> contexts)
{
    // Replaced whole (a reference swap), so concurrent requests never see half of an update.
    private Snapshot? _cached;

    public async Task<WorkingDayCalendar> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var added = await db.CalendarYears.CountAsync(cancellationToken);
        if (_cached is { } cached && cached.Added == added)
        {
            return cached.Calendar;
        }

        var years = await db.CalendarYears.AsNoTracking().Include(y => y.Holidays).ToListAsync(cancellationToken);
        var official = WorkingDayCalendar.LoadOfficial();
        var calendar = new WorkingDayCalendar(
            official.Holidays.Concat(years.SelectMany(y => y.Holidays).Select(h => new HolidayRange(h.First, h.Last, h.Name))),
            official.AdjustedWorkdays.Concat(years.SelectMany(y => y.AdjustedWorkdays)),
            official.CoveredYears.Concat(years.Select(y => y.Year)));
        _cached = new Snapshot(added, calendar);
        return calendar;
    }

    private sealed record Snapshot(int Added, WorkingDayCalendar Calendar);
}
