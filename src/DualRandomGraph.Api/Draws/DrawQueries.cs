using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Relay;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Draws;

/// <summary>Draws are for coordinators and auditors: auditors see every attempt, superseded ones included.</summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.Auditor)]
public sealed class DrawQueries
{
    /// <summary>Every draw attempt of every plan.</summary>
    [UsePaging, UseProjection, UseFiltering, UseSorting]
    public static IQueryable<Draw> Draws([FromDbContext] AppDbContext db) => db.Draws.AsNoTracking();

    /// <summary>One draw with its selections, teams and skipped candidates.</summary>
    public static Task<Draw?> DrawAsync([Id] string id, [FromDbContext] AppDbContext db, IResolveFieldContext context)
        => GlobalId.ParseFor(nameof(Draw), id) is { } key ? DrawLoading.LoadAsync(db, key, context.CancellationToken) : Task.FromResult<Draw?>(null);

    /// <summary>
    /// Recomputes a stored draw from its stored seed, pools, quotas and rules (not from today's registries) and
    /// says whether everything matches and, if not, what differs; null when there is no such draw.
    /// </summary>
    public static Task<DrawVerificationReport?> VerifyDrawAsync([Id] string id, IResolveFieldContext context)
        => GlobalId.ParseFor(nameof(Draw), id) is { } key ? VerifyAsync(context, key) : Task.FromResult<DrawVerificationReport?>(null);

    internal static async Task<DrawVerificationReport?> VerifyAsync(IResolveFieldContext context, int id)
    {
        await using var db = context.CreateDbContext();
        var draw = await DrawRecords.LoadForVerificationAsync(db, id, context.CancellationToken);
        if (draw is null)
        {
            return null;
        }

        var differences = DrawRecords.Verify(draw);
        return new DrawVerificationReport(differences.Count == 0, differences, DrawEndpoints.DocumentPath(id));
    }
}
