using System.Security.Claims;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Inspections;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Inspections;

/// <summary>Staff only, and an inspector only the records of their own teams (<see cref="RecordAccess"/>).</summary>
public sealed class InspectionRecordType : AppNodeType<InspectionRecord>
{
    public InspectionRecordType() : base(r => r.Id, r => r.AgencyId, r => r.TargetId, r => r.TaskId)
    {
        Name = nameof(InspectionRecord);
        Description = "检查结果: what one visit found. RANDOM records come from tasks, TARGETED ones never count as random coverage, IMPORTED ones are history drawn elsewhere.";
        this.AuthorizeWithRoles(ReadBy);
        this.MarkNonNull(nameof(InspectionRecord.Agency), nameof(InspectionRecord.Target));
        ResolveReference(r => r.Agency, r => r.AgencyId);
        ResolveReference(r => r.Target, r => r.TargetId);
        ResolveReference(r => r.Task, r => r.TaskId);
        GetField(nameof(InspectionRecord.Amendments))!.UseSorting().NotFilterable();
    }

    /// <summary>The roles that read records at all; which records each reads is <see cref="RecordAccess"/>.</summary>
    internal static readonly string[] ReadBy = [Roles.Admin, Roles.Coordinator, Roles.Auditor, Roles.Inspector];

    protected override IQueryable<InspectionRecord> Readable(AppDbContext db, IResolveFieldContext context)
    {
        return db.InspectionRecords.AsNoTracking().VisibleTo(context.User)
            .Include(r => r.CheckItems.OrderBy(c => c.Code)).Include(r => r.Amendments.OrderBy(a => a.Id)).AsSplitQuery();
    }
}

public sealed class InspectionAmendmentType : AutoRegisteringObjectGraphType<InspectionAmendment>
{
    public InspectionAmendmentType() : base(a => a.Id, a => a.RecordId)
    {
        Description = "A correction of a record: the values before and after, who made it, when and why.";
    }
}

public sealed class FollowUpVisitType : AutoRegisteringObjectGraphType<FollowUpVisit>
{
    public FollowUpVisitType() : base(f => f.Id, f => f.TaskId)
    {
        Description = "A further visit to a drawn target in the same quarter; the notice counts visits (家次).";
    }
}

/// <summary>
/// Which records a caller sees: coordinators, auditors and admins (who import history) all; an inspector those of
/// the tasks of their teams; anyone else none. Published results are public through <c>publishedResults</c> instead.
/// </summary>
internal static class RecordAccess
{
    public static IQueryable<InspectionRecord> VisibleTo(this IQueryable<InspectionRecord> records, ClaimsPrincipal? user)
    {
        if (Caller.SeesAllPlanning(user) || user?.IsInRole(Roles.Admin) == true)
        {
            return records;
        }

        var subject = Caller.InspectorSubject(user);
        return subject is null
            ? records.Where(r => false)
            : records.Where(r => r.Task != null && r.Task.Selection!.Team.Any(m => m.Inspector!.AccountSubject == subject));
    }
}
