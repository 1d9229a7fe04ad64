using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Inspections;
using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Tasks;

public sealed class InspectionTaskType : AppNodeType<InspectionTask>
{
    public InspectionTaskType() : base(t => t.Id, t => t.SelectionId, t => t.PlanId, t => t.TargetId)
    {
        Name = nameof(InspectionTask);
        Description = "检查任务: the inspection a committed selection asks for; its team is the selection's.";
        this.AuthorizeWithRoles(Roles.Coordinator, Roles.Auditor, Roles.Inspector);
        this.MarkNonNull(nameof(InspectionTask.Selection), nameof(InspectionTask.Plan), nameof(InspectionTask.Target));
        ResolveReference(t => t.Plan, t => t.PlanId);
        ResolveReference(t => t.Target, t => t.TargetId);
        GetField(nameof(InspectionTask.FollowUps))!.UseSorting().NotFilterable();

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InspectionRecordType>>>>("records")
            .Description("The recorded visits, in visit order.")
            .ResolveAsync(async context =>
            {
                await using var db = context.CreateDbContext();
                return await db.InspectionRecords.AsNoTracking().Include(r => r.CheckItems.OrderBy(c => c.Code)).Include(r => r.Amendments.OrderBy(a => a.Id)).AsSplitQuery()
                    .Where(r => r.TaskId == context.Source.Id).OrderBy(r => r.Visit).ToListAsync(context.CancellationToken);
            })
            .Requires(t => t.Id);
    }

    protected override IQueryable<InspectionTask> Readable(AppDbContext db, IResolveFieldContext context)
    {
        return db.Tasks.AsNoTracking().VisibleTo(context.User)
            .Include(t => t.CheckItems.OrderBy(c => c.Code))
            .Include(t => t.FollowUps)
            .Include(t => t.Selection!.Team).ThenInclude(m => m.Inspector)
            .AsSplitQuery();
    }
}

public sealed class InspectionModeType : EnumerationGraphType<InspectionMode>
{
    public InspectionModeType()
    {
        Description = "ON_SITE 现场检查; OFF_SITE 非现场检查 (R6: the default for positive-list targets).";
    }
}

public sealed class TaskStatusType : EnumerationGraphType<InspectionTaskStatus>
{
    public TaskStatusType()
    {
        Name = "TaskStatus";
    }
}
