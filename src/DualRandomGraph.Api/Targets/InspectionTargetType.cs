using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Targets;

public sealed class InspectionTargetType : AppNodeType<InspectionTarget>
{
    public InspectionTargetType() : base(t => t.Id, t => t.RegionId, t => t.AgencyId)
    {
        Name = nameof(InspectionTarget);
        Description = "检查对象 / 污染源: a pollution source or other item in the registry of targets.";
        this.AuthorizeWithRoles(Roles.Staff);
        this.MarkNonNull(nameof(InspectionTarget.Region), nameof(InspectionTarget.Agency));
        ResolveReference(t => t.Region, t => t.RegionId);
        ResolveReference(t => t.Agency, t => t.AgencyId);
    }

    protected override IQueryable<InspectionTarget> Readable(AppDbContext db, IResolveFieldContext context)
    {
        return db.Targets.WithDetails();
    }
}

public sealed class TargetCategoryChangeType : AutoRegisteringObjectGraphType<TargetCategoryChange>
{
    public TargetCategoryChangeType() : base(c => c.Id, c => c.TargetId)
    {
        Description = "A dated category assignment; the first is the category the target was registered with.";
    }
}

public sealed class TargetStatusChangeType : AutoRegisteringObjectGraphType<TargetStatusChange>
{
    public TargetStatusChangeType() : base(c => c.Id, c => c.TargetId)
    {
        Description = "A dated status change: how targets are retired, never deleted.";
    }
}

internal static class TargetQueryableExtensions
{
    /// <summary>A target with everything its GraphQL type shows, for single-record reads (payloads, node, lookups).</summary>
    public static IQueryable<InspectionTarget> WithDetails(this IQueryable<InspectionTarget> targets) => targets
        .AsNoTracking()
        .Include(t => t.CategoryHistory.OrderBy(c => c.EffectiveFrom))
        .Include(t => t.StatusHistory.OrderBy(c => c.EffectiveFrom))
        .AsSplitQuery();
}
