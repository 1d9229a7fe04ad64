using DualRandomGraph.Api.Calendar;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Draws;
using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Types;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Plans;

/// <summary>Public once published (<see cref="PlanAccess"/>); its draws only for coordinators and auditors.</summary>
public sealed class SamplingPlanType : AppNodeType<SamplingPlan>
{
    public SamplingPlanType() : base(p => p.Id, p => p.AgencyId, p => p.PolicyId)
    {
        Name = nameof(SamplingPlan);
        Description = "抽查计划: the random spot checks of one agency in one quarter: DRAFT → PUBLISHED (事前公开) → DRAWN → COMPLETED.";
        this.MarkNonNull(nameof(SamplingPlan.Agency), nameof(SamplingPlan.Policy));
        ResolveReference(p => p.Agency, p => p.AgencyId);
        ResolveReference(p => p.Policy, p => p.PolicyId);
        GetField(nameof(SamplingPlan.Draws))!.UseSorting().RestrictTo(Roles.Coordinator, Roles.Auditor);

        Field<DrawType>("committedDraw")
            .Description("The draw made final, if any.")
            .AuthorizeWithRoles(Roles.Coordinator, Roles.Auditor)
            .ResolveAsync(async context =>
            {
                await using var db = context.CreateDbContext();
                var id = await db.Draws.Where(d => d.PlanId == context.Source.Id && d.Status == DrawStatus.Committed)
                    .Select(d => (int?)d.Id).FirstOrDefaultAsync(context.CancellationToken);
                return id is { } key ? await DrawLoading.LoadAsync(db, key, context.CancellationToken) : null;
            });
        Field<DateRangeType>("drawWindow")
            .Description("R4: the last 5 working days of the previous quarter, when the draw is due; null when the calendar lacks that year.")
            .ResolveAsync(async context =>
            {
                var calendars = context.RequestServices!.GetRequiredService<CalendarSource>();
                return PlanQueries.DrawWindow(await calendars.GetAsync(context.CancellationToken), context.Source);
            })
            .Requires(p => p.Year, p => p.Quarter);
    }

    protected override IQueryable<SamplingPlan> Readable(AppDbContext db, IResolveFieldContext context)
    {
        var plans = db.Plans.AsNoTracking().VisibleTo(context.User).Include(p => p.CheckItems.OrderBy(c => c.Code));
        return DrawLoading.IncludeDraws(plans).AsSplitQuery();
    }
}
