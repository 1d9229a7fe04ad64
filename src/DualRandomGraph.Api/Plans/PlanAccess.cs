using System.Security.Claims;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Planning;

namespace DualRandomGraph.Api.Plans;

/// <summary>
/// Which plans a caller sees: coordinators and auditors every plan; everyone else, anonymous callers included, the
/// published ones (事前公开), since a draft is still being prepared. Applied to the query before filters, paging and
/// counts, so a draft leaves no trace in <c>totalCount</c>, <c>where:</c> or <c>node</c>.
/// </summary>
internal static class PlanAccess
{
    public static IQueryable<SamplingPlan> VisibleTo(this IQueryable<SamplingPlan> plans, ClaimsPrincipal? user)
        => Caller.SeesAllPlanning(user) ? plans : plans.Where(p => p.Status != PlanStatus.Draft);
}
