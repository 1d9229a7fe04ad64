using DualRandomGraph.Api.Calendar;
using DualRandomGraph.Api.Common;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Calendar;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Publications;
using DualRandomGraph.GraphQL.Data;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Publications;

/// <summary>Published results are public: no account is needed to read or page through them.</summary>
public sealed class PublicationQueries
{
    /// <summary>Every publication, superseded revisions included (they show what was public when).</summary>
    [UsePaging, UseProjection, UseFiltering, UseSorting]
    public static IQueryable<Publication> Publications([FromDbContext] AppDbContext db) => db.Publications.AsNoTracking();

    /// <summary>The rows of the publications in force (not superseded by a later revision), for partner systems.</summary>
    [UsePaging, UseProjection, UseFiltering, UseSorting]
    public static IQueryable<PublishedResult> PublishedResults([FromDbContext] AppDbContext db)
        => db.PublishedResults.AsNoTracking().Where(r => r.Publication!.SupersededAt == null);

    /// <summary>R5: plans whose tasks are all recorded and whose results are still unpublished after the deadline.</summary>
    [Authorize(Roles = Roles.Coordinator + "," + Roles.Auditor)]
    public static async Task<IReadOnlyList<OverduePlan>> OverduePublicationsAsync(
        [FromDbContext] AppDbContext db, [FromServices] CalendarSource calendars, [FromServices] TimeProvider clock, IResolveFieldContext context)
    {
        var completed = await db.Plans.AsNoTracking()
            .Where(p => p.Status == PlanStatus.Drawn && p.ResultsPublishedAt == null)
            .Where(p => !db.Tasks.Any(t => t.PlanId == p.Id && t.Status == InspectionTaskStatus.Assigned))
            .Select(p => new { Plan = p, Last = db.InspectionRecords.Where(r => r.Task!.PlanId == p.Id).Max(r => (DateOnly?)r.InspectedOn) })
            .ToListAsync(context.CancellationToken);
        var calendar = await calendars.GetAsync(context.CancellationToken);
        var today = clock.Today();
        return [.. completed
            .Where(c => c.Last is not null)
            .Select(c => (c.Plan, Last: c.Last!.Value, Deadline: DeadlineOrNull(calendar, c.Last.Value)))
            .Where(c => c.Deadline < today)
            .Select(c => new OverduePlan(c.Plan, c.Last, c.Deadline!.Value))
            .OrderBy(o => o.Deadline)];
    }

    /// <summary>The R5 deadline; null when it falls in a year the calendar does not cover yet (it cannot be overdue today).</summary>
    internal static DateOnly? DeadlineOrNull(WorkingDayCalendar calendar, DateOnly workCompletedOn)
    {
        try
        {
            return calendar.AddWorkingDays(workCompletedOn, PublicationContent.DeadlineWorkingDays);
        }
        catch (CalendarYearNotCoveredException)
        {
            return null;
        }
    }
}
