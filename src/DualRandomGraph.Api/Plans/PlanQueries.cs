using DualRandomGraph.Api.Calendar;
using DualRandomGraph.Api.Common;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Draws;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Calendar;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Relay;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Plans;

/// <summary>Published plans are public (事前公开); drafts are for coordinators and auditors (<see cref="PlanAccess"/>).</summary>
public sealed class PlanQueries
{
    /// <summary>The sampling plans the caller may see.</summary>
    [UsePaging, UseProjection, UseFiltering, UseSorting]
    public static IQueryable<SamplingPlan> Plans([FromDbContext] AppDbContext db, IResolveFieldContext context)
        => db.Plans.AsNoTracking().VisibleTo(context.User);

    /// <summary>
    /// The quotas a draw of the plan would use if made now (N, U or I, q, k and the rule behind each k), with the
    /// inspector pool's size and the draw window; null when there is no such plan.
    /// </summary>
    [Authorize(Roles = Roles.Coordinator + "," + Roles.Auditor)]
    public static async Task<QuotaPreview?> PreviewQuotasAsync(
        [Id] string planId, [FromDbContext] AppDbContext db, [FromServices] CalendarSource calendars, [FromServices] TimeProvider clock, IResolveFieldContext context)
    {
        var key = GlobalId.ParseFor(nameof(SamplingPlan), planId);
        var plan = key is null ? null : await db.Plans.AsNoTracking().Include(p => p.Policy).FirstOrDefaultAsync(p => p.Id == key, context.CancellationToken);
        if (plan is null)
        {
            return null;
        }

        var pools = await DrawPools.ReadAsync(db, plan, plan.Policy!, context.CancellationToken);
        var window = DrawWindow(await calendars.GetAsync(context.CancellationToken), plan);
        return new QuotaPreview(pools.Quotas, pools.Officers, pools.Assistants, window, window?.Contains(clock.Today()) == true);
    }

    /// <summary>R4: the last 5 working days of the quarter before the plan's; null when the calendar lacks that year.</summary>
    internal static DateRange? DrawWindow(WorkingDayCalendar calendar, SamplingPlan plan)
    {
        try
        {
            return calendar.DrawWindowFor(plan.Year, plan.Quarter);
        }
        catch (CalendarYearNotCoveredException)
        {
            return null;
        }
    }
}
