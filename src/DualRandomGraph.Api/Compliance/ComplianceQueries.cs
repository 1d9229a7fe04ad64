using DualRandomGraph.Api.Data;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Relay;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Compliance;

/// <summary>
/// Compliance statistics for dashboards: open to anyone for published periods, everything for staff
/// (<see cref="ComplianceAccess"/>). Invalid arguments are errors with <c>extensions.code</c>.
/// </summary>
public sealed class ComplianceQueries
{
    /// <summary>The longest range <see cref="ComplianceSeriesAsync"/> answers (40 quarters).</summary>
    private const int MaxSeriesYears = 10;

    /// <summary>
    /// Whether the agency met its minimum ratios (per category), covered its key targets, published on time, and
    /// what its random checks found, in a quarter, or in the whole year when quarter is omitted.
    /// </summary>
    public static async Task<ComplianceStats> ComplianceStatsAsync(
        [Id] string agencyId, int year, int? quarter, [FromServices] ComplianceStatistics statistics, IResolveFieldContext context)
    {
        var id = await AgencyKeyAsync(context, agencyId);
        CheckYear("year", year);
        CheckQuarter(quarter);

        var view = ComplianceAccess.ViewFor(context.User);
        var published = await statistics.PublishedQuartersAsync([id], year, year, context.CancellationToken);
        if (!ComplianceAccess.IsReadable(view, published, id, year, quarter))
        {
            throw new ExecutionError(quarter is null
                ? $"The statistics of {year} are public once its four quarters are published."
                : $"The statistics of {year}Q{quarter} are public once its results are published.")
            { Code = "PERIOD_NOT_PUBLISHED" };
        }

        return await statistics.GetAsync(id, year, quarter, view, context.CancellationToken);
    }

    /// <summary>
    /// The same figures for each quarter from fromYear Q1 to toYear Q4, in order, for charts (at most 10 years); without
    /// a staff role, only the published quarters.
    /// </summary>
    public static async Task<IReadOnlyList<ComplianceStats>> ComplianceSeriesAsync(
        [Id] string agencyId, int fromYear, int toYear, [FromServices] ComplianceStatistics statistics, IResolveFieldContext context)
    {
        var id = await AgencyKeyAsync(context, agencyId);
        CheckYear("fromYear", fromYear);
        CheckYear("toYear", toYear);
        if (toYear < fromYear)
        {
            throw Invalid("toYear", $"toYear ({toYear}) comes before fromYear ({fromYear}).");
        }

        if (toYear - fromYear >= MaxSeriesYears)
        {
            throw new ExecutionError($"Ask for at most {MaxSeriesYears} years at a time.") { Code = "RANGE_TOO_LONG" };
        }

        var view = ComplianceAccess.ViewFor(context.User);
        var series = await statistics.SeriesAsync(id, fromYear, toYear, view, context.CancellationToken);
        var published = await statistics.PublishedQuartersAsync([id], fromYear, toYear, context.CancellationToken);
        return [.. series.Where(s => ComplianceAccess.IsReadable(view, published, s.AgencyId, s.Year, s.Quarter))];
    }

    /// <summary>
    /// The figures of every agency whose region is the given region or lies below it (a prefecture sees all its zones),
    /// ordered by agency code; without a staff role, only the agencies whose period is published.
    /// </summary>
    public static async Task<IReadOnlyList<ComplianceStats>> RegionComplianceAsync(
        [Id] string regionId, int year, int? quarter, [FromServices] ComplianceStatistics statistics, IResolveFieldContext context)
    {
        CheckYear("year", year);
        CheckQuarter(quarter);

        await using var db = context.CreateDbContext();
        var key = GlobalId.ParseFor(nameof(Region), regionId);
        // Regions are a few thousand rows at most, so the tree is walked here rather than by a recursive query.
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId }).ToListAsync(context.CancellationToken);
        if (key is null || regions.All(r => r.Id != key))
        {
            throw new ExecutionError($"No region has the id '{regionId}'.") { Code = "UNKNOWN_REGION" };
        }

        var children = regions.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId!.Value, r => r.Id);
        var within = new HashSet<int>();
        var pending = new Stack<int>([key.Value]);
        while (pending.TryPop(out var region))
        {
            if (within.Add(region))
            {
                foreach (var child in children[region])
                {
                    pending.Push(child);
                }
            }
        }

        var regionIds = within.ToList();
        var agencyIds = await db.Agencies.AsNoTracking()
            .Where(a => regionIds.Contains(a.RegionId))
            .OrderBy(a => a.Code)
            .Select(a => a.Id)
            .ToListAsync(context.CancellationToken);
        var view = ComplianceAccess.ViewFor(context.User);
        var stats = await statistics.ForAgenciesAsync(agencyIds, year, quarter, view, context.CancellationToken);
        var published = await statistics.PublishedQuartersAsync(agencyIds, year, year, context.CancellationToken);
        return [.. stats.Where(s => ComplianceAccess.IsReadable(view, published, s.AgencyId, s.Year, s.Quarter))];
    }

    internal static async Task<int> AgencyKeyAsync(IResolveFieldContext context, string agencyId)
    {
        var key = GlobalId.ParseFor(nameof(Agency), agencyId);
        await using var db = context.CreateDbContext();
        if (key is null || !await db.Agencies.AnyAsync(a => a.Id == key, context.CancellationToken))
        {
            throw new ExecutionError($"No agency has the id '{agencyId}'.") { Code = "UNKNOWN_AGENCY" };
        }

        return key.Value;
    }

    internal static void CheckQuarter(int? quarter)
    {
        if (quarter is not null and not (>= 1 and <= 4))
        {
            throw Invalid("quarter", $"The quarter must be 1–4 (or omitted for the whole year), not {quarter}.");
        }
    }

    internal static void CheckYear(string argument, int year)
    {
        if (year is < 2000 or > 2100)
        {
            throw Invalid(argument, $"{argument} must be between 2000 and 2100, not {year}.");
        }
    }

    private static ExecutionError Invalid(string argument, string message)
    {
        var error = new ExecutionError(message) { Code = "VALIDATION" };
        error.Data["argument"] = argument;
        return error;
    }
}
