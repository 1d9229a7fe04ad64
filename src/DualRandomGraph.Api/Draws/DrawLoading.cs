using DualRandomGraph.Api.Data;
using DualRandomGraph.Domain.Planning;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Draws;

/// <summary>
/// A draw with the collections its GraphQL types show, for reads that do not go through projection (payloads,
/// <c>draw(id:)</c>, <c>node</c>): there a collection that was not loaded would read as an empty list. References
/// to node types (plan, policy, target of a task) need no include: their types resolve them by key. A task's check
/// items are a many-to-many list, which comes back in no particular order unless asked (PostgreSQL returns the link
/// rows as stored, SQLite by its key index), so they are read in code order.
/// </summary>
internal static class DrawLoading
{
    /// <summary>The navigations of a draw to load, as paths from the draw.</summary>
    private static readonly string[] Paths =
    [
        "Quotas",
        "Selections.Target",
        "Selections.Team.Inspector",
        "Selections.Skipped.Inspector",
        "Skipped.Inspector",
    ];

    /// <summary>Includes a draw's navigations.</summary>
    public static IQueryable<Draw> Include(IQueryable<Draw> draws)
        => Paths.Aggregate(draws, (q, path) => q.Include(path))
            .Include(d => d.Selections).ThenInclude(s => s.Task!).ThenInclude(t => t.CheckItems.OrderBy(c => c.Code));

    /// <summary>Includes the navigations of a plan's draws.</summary>
    public static IQueryable<SamplingPlan> IncludeDraws(IQueryable<SamplingPlan> plans)
        => Paths.Aggregate(plans, (q, path) => q.Include("Draws." + path))
            .Include(p => p.Draws).ThenInclude(d => d.Selections).ThenInclude(s => s.Task!).ThenInclude(t => t.CheckItems.OrderBy(c => c.Code));

    public static Task<Draw?> LoadAsync(AppDbContext db, int id, CancellationToken cancellationToken)
        => Include(db.Draws.AsNoTracking()).AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
}
