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
    /// <summary>The navigations of a draw to load, as paths from the draw.</summary>
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

    /// <summary>Includes a draw's navigations.</summary>
    public static IQueryable<Draw> Include(IQueryable<Draw> draws) => Paths.Aggregate(draws, (q, path) => q.Include(path));

    /// <summary>
    /// Includes the navigations of a plan's draws, except those back to the plan (EF Core refuses include cycles);
    /// load with identity resolution, and those navigations point at the plan loaded.
    /// </summary>
    public static IQueryable<SamplingPlan> IncludeDraws(IQueryable<SamplingPlan> plans)
        => Paths.Where(p => !p.StartsWith("Plan", StringComparison.Ordinal) && !p.EndsWith(".Plan", StringComparison.Ordinal))
            .Aggregate(plans, (q, path) => q.Include("Draws." + path));

    public static Task<Draw?> LoadAsync(AppDbContext db, int id, CancellationToken cancellationToken)
        => Include(db.Draws.AsNoTracking()).AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
}
