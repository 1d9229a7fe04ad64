using System.Security.Claims;
using DualRandomGraph.Api.Security;

namespace DualRandomGraph.Api.Compliance;

/// <summary>
/// Who reads which statistics. Coordinators, auditors and administrators read every figure of every period. Everyone
/// else, anonymous callers and inspectors alike, reads only published periods (a quarter with a publication; a year
/// whose four quarters all have one), and only the figures a published table reveals: per category the firms and
/// visits, the problem-found rate, and the timeliness of publications. Inspectors count as the public here because
/// they see only their own teams: the pool sizes, quotas, key targets still uncovered (in the fourth quarter, exactly
/// the ones the draw will take), team workloads and targeted checks would tell them about other teams' unannounced
/// checks. The rows are filtered by <see cref="IsReadable"/>; the fields are closed on the types with
/// <c>RestrictTo(<see cref="StaffRoles"/>)</c>.
/// </summary>
internal static class ComplianceAccess
{
    public static readonly string[] StaffRoles = [Roles.Admin, Roles.Coordinator, Roles.Auditor];

    public static ComplianceView ViewFor(ClaimsPrincipal? user)
        => user is not null && StaffRoles.Any(user.IsInRole) ? ComplianceView.Staff : ComplianceView.Public;

    /// <summary>Whether a caller with <paramref name="view"/> may read the period (<paramref name="quarter"/> null: the year).</summary>
    public static bool IsReadable(ComplianceView view, IReadOnlySet<(int AgencyId, int Year, int Quarter)> published, int agencyId, int year, int? quarter)
        => view == ComplianceView.Staff
            || (quarter is { } q ? published.Contains((agencyId, year, q)) : Enumerable.Range(1, 4).All(q => published.Contains((agencyId, year, q))));
}
