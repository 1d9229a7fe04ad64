using DualRandomGraph.Api.Data;
using DualRandomGraph.Domain.Planning;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Draws;

/// <summary>
/// A draw with everything its GraphQL type shows, for reads that do not go through projection (payloads,
/// <c>draw(id:)</c>, <c>node</c>): there a navigation that was not loaded would read as an empty list.
/// </summary>
internal static class DrawLoading
{
    /// <summary>The navigations of a draw to load, as paths from the draw; <see cref="Include"/> prefixes them.</summary>
    private static readonly string[] Paths =
    [
        "Plan.Agency",
        "Policy.Agency",
        "Quotas",
        "Selections.Target.Region",
        "Selections.Target.Agency",
        "Selections.Team.Inspector",
        "Selections.Skipped.Inspector",
        "Selections.Task.CheckItems",
        "Selections.Task.Target",
        "Selections.Task.Plan",
        "Skipped.Inspector",
    ];

    /// <summary>Includes a draw's navigations below <paramref name="prefix"/> (e.g. <c>"Draws."</c> from a plan, <c>""</c> from a draw).</summary>
    public static IQueryable<T> Include<T>(IQueryable<T> query, string prefix)
        where T : class
        => Paths.Aggregate(query, (q, path) => q.Include(prefix + path));

    public static Task<Draw?> LoadAsync(AppDbContext db, int id, CancellationToken cancellationToken)
        => Include(db.Draws.AsNoTracking(), string.Empty).AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
}
