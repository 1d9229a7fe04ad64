using System.Text;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Draws;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Draws;

/// <summary>
/// <c>GET /draws/{id}/verification.json</c>: a draw's verification document (DESIGN.md §3) as a file, for anyone to
/// recompute the draw with no access to this system (<c>verify-draw FILE</c> does). Coordinators and auditors may
/// fetch it at any time; everyone else once the plan's results are published.
/// </summary>
public static class DrawEndpoints
{
    public static IEndpointRouteBuilder MapDrawEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/draws/{id}/verification.json", GetVerificationDocumentAsync);
        return endpoints;
    }

    /// <summary>The path of a draw's document, with the draw's global id as GraphQL shows it.</summary>
    public static string DocumentPath(int drawId) => $"/draws/{GlobalId.Format(nameof(Draw), drawId)}/verification.json";

    private static async Task<IResult> GetVerificationDocumentAsync(
        string id, HttpContext http, IDbContextFactory<AppDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = GlobalId.ParseFor(nameof(Draw), id);
        var draw = key is null ? null : await DrawRecords.LoadForVerificationAsync(db, key.Value, cancellationToken);

        // A caller who may not see the draw gets the same answer whether or not it exists, so ids reveal nothing.
        var visible = Caller.SeesAllPlanning(http.User) || draw?.Plan?.ResultsPublishedAt is not null;
        if (!visible)
        {
            return http.User.Identity?.IsAuthenticated == true ? Results.Forbid() : Results.Challenge();
        }

        if (draw is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"draw-{draw.AgencyCode}-{draw.Year}Q{draw.Quarter}-{draw.Attempt}.json\"";
        return Results.Text(DrawVerificationJson.Serialize(DrawRecords.Document(draw)), "application/json", Encoding.UTF8);
    }
}
