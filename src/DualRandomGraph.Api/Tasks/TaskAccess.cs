using System.Security.Claims;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Planning;

namespace DualRandomGraph.Api.Tasks;

/// <summary>
/// Which tasks a caller sees: coordinators and auditors all; an inspector those of the teams they are on (their
/// token's <c>sub</c> is their <c>Inspector.accountSubject</c>), and every task of a plan whose results are
/// published; anyone else none. Applied inside the query, before <c>where:</c>, paging and <c>totalCount</c>.
/// </summary>
internal static class TaskAccess
{
    public static IQueryable<InspectionTask> VisibleTo(this IQueryable<InspectionTask> tasks, ClaimsPrincipal? user)
    {
        if (Caller.SeesAllPlanning(user))
        {
            return tasks;
        }

        var subject = Caller.InspectorSubject(user);
        return subject is null
            ? tasks.Where(t => false)
            : tasks.Where(t => t.Plan!.ResultsPublishedAt != null || t.Selection!.Team.Any(m => m.Inspector!.AccountSubject == subject));
    }
}
