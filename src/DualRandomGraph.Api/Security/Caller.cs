using System.Security.Claims;

namespace DualRandomGraph.Api.Security;

/// <summary>What the row-level rules need to know about the caller of a request.</summary>
internal static class Caller
{
    /// <summary>Coordinators and auditors see every plan, draw, selection and task; everyone else sees less.</summary>
    public static bool SeesAllPlanning(ClaimsPrincipal? user)
        => user is not null && (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Auditor));

    /// <summary>
    /// The <c>sub</c> of an inspector's token, matched against <c>Inspector.AccountSubject</c> to find the teams the
    /// caller is on; null for any other caller, who then is on no team.
    /// </summary>
    public static string? InspectorSubject(ClaimsPrincipal? user)
        => user is not null && user.IsInRole(Roles.Inspector) ? user.Identity?.Name : null;
}
