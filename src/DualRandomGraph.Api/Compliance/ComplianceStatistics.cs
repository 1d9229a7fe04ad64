using DualRandomGraph.Api.Calendar;
using DualRandomGraph.Api.Common;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Publications;
using DualRandomGraph.Api.Targets;
using DualRandomGraph.Domain.Calendar;
using DualRandomGraph.Domain.Compliance;
using DualRandomGraph.Domain.Inspections;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.Domain.Sampling;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Compliance;

/// <summary>
/// Computes <see cref="ComplianceStats"/> in the database: every figure is a GROUP BY over the scope (agencies × years)
/// projected to a few small rows, so a call runs 16 statements (18 for a year) however many targets, inspections or
/// quarters it covers, and never loads the rows themselves. The GraphQL fields, the series, the regional view and the
/// <c>complianceChanged</c> subscription all read it from here.
/// </summary>
/// <remarks>
/// The required minimum of a stratum is the quota <see cref="QuotaCalculator"/> gives, the code the draw uses: for a
/// quarter with a committed draw, the quota stored with the draw (what was actually required); for any other quarter
/// (imported history, quarters not drawn yet), the calculator's answer for the registry as it stands now, with the
/// ratios of the quarter's plan or else of the policy in force on its first day (the seed plan's when there is none),
/// and "already covered" counted as the draw counts it (a task of an earlier quarter of the year, or an imported check
/// dated earlier in the year). Targets left out of a pool at their annual cap are not subtracted there.
/// </remarks>
public sealed class ComplianceStatistics(IDbContextFactory<AppDbContext> contexts, CalendarSource calendars, TimeProvider clock)
{
    /// <summary>The staff figures of one agency in a quarter, or in the whole year when <paramref name="quarter"/> is null.</summary>
    /// <exception cref="ArgumentException">When there is no such agency.</exception>
    public Task<ComplianceStats> GetAsync(int agencyId, int year, int? quarter, CancellationToken cancellationToken)
        => GetAsync(agencyId, year, quarter, ComplianceView.Staff, cancellationToken);

    /// <inheritdoc cref="GetAsync(int, int, int?, CancellationToken)"/>
    public async Task<ComplianceStats> GetAsync(int agencyId, int year, int? quarter, ComplianceView view, CancellationToken cancellationToken)
    {
        var stats = await ComputeAsync([agencyId], year, year, [new Period(agencyId, year, quarter)], view, cancellationToken);
        return stats.Count == 1 ? stats[0] : throw new ArgumentException($"No agency has the key {agencyId}.", nameof(agencyId));
    }

    /// <summary>One entry per quarter from <paramref name="fromYear"/> Q1 to <paramref name="toYear"/> Q4, in order.</summary>
    public Task<IReadOnlyList<ComplianceStats>> SeriesAsync(int agencyId, int fromYear, int toYear, ComplianceView view, CancellationToken cancellationToken)
    {
        var periods = Enumerable.Range(fromYear, toYear - fromYear + 1)
            .SelectMany(year => Enumerable.Range(1, 4).Select(quarter => new Period(agencyId, year, quarter)))
            .ToList();
        return ComputeAsync([agencyId], fromYear, toYear, periods, view, cancellationToken);
    }

    /// <summary>The same period for several agencies, in the order of <paramref name="agencyIds"/> (unknown ones left out).</summary>
    public Task<IReadOnlyList<ComplianceStats>> ForAgenciesAsync(
        IReadOnlyList<int> agencyIds, int year, int? quarter, ComplianceView view, CancellationToken cancellationToken)
        => ComputeAsync(agencyIds, year, year, [.. agencyIds.Select(id => new Period(id, year, quarter))], view, cancellationToken);

    /// <summary>The quarters of the agencies in the years that have a publication (一公开): the periods anyone may read.</summary>
    public async Task<IReadOnlySet<(int AgencyId, int Year, int Quarter)>> PublishedQuartersAsync(
        IReadOnlyCollection<int> agencyIds, int fromYear, int toYear, CancellationToken cancellationToken)
    {
        var ids = agencyIds.ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var published = await db.Publications
            .Where(p => ids.Contains(p.AgencyId) && p.Year >= fromYear && p.Year <= toYear)
            .Select(p => new { p.AgencyId, p.Year, p.Quarter })
            .Distinct()
            .ToListAsync(cancellationToken);
        return published.Select(p => (p.AgencyId, p.Year, p.Quarter)).ToHashSet();
    }

    /// <summary>
    /// The active key targets of each agency not inspected at random (nor by imported history) from the start of the
    /// year to the end of the period's quarter: those R1 still asks for this year. Two queries for any number of
    /// periods (a series, a region): the agencies' active key targets — a few per cent of a registry — and the dates
    /// of their random and imported inspections over the years asked.
    /// </summary>
    public async Task<IReadOnlyDictionary<CoveragePeriod, IReadOnlyList<InspectionTarget>>> UncoveredKeyTargetsAsync(
        IReadOnlyCollection<CoveragePeriod> periods, CancellationToken cancellationToken)
    {
        if (periods.Count == 0)
        {
            return new Dictionary<CoveragePeriod, IReadOnlyList<InspectionTarget>>();
        }

        var agencyIds = periods.Select(p => p.AgencyId).Distinct().ToList();
        var (from, to) = (new DateOnly(periods.Min(p => p.Year), 1, 1), new DateOnly(periods.Max(p => p.Year), 12, 31));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keyTargets = await db.Targets.WithDetails()
            .Where(t => agencyIds.Contains(t.AgencyId) && t.Category == TargetCategory.Key && t.Status == TargetStatus.Active)
            .OrderBy(t => t.Name)
            .ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        var inspections = (await db.InspectionRecords
            .Where(r => agencyIds.Contains(r.Target!.AgencyId) && r.Target.Category == TargetCategory.Key && r.Target.Status == TargetStatus.Active)
            .Where(r => r.Origin != InspectionOrigin.Targeted && r.InspectedOn >= from && r.InspectedOn <= to)
            .Select(r => new { r.TargetId, r.InspectedOn })
            .ToListAsync(cancellationToken))
            .ToLookup(r => r.TargetId, r => r.InspectedOn);

        return periods.Distinct().ToDictionary(period => period, period =>
        {
            var (first, last) = (new DateOnly(period.Year, 1, 1), new DateOnly(period.Year, period.ThroughQuarter * 3, 1).AddMonths(1).AddDays(-1));
            return (IReadOnlyList<InspectionTarget>)keyTargets
                .Where(t => t.AgencyId == period.AgencyId && !inspections[t.Id].Any(day => day >= first && day <= last))
                .ToList();
        });
    }

    /// <summary>One agency's year from January to the end of quarter <see cref="ThroughQuarter"/>.</summary>
    public readonly record struct CoveragePeriod(int AgencyId, int Year, int ThroughQuarter);

    private readonly record struct Period(int AgencyId, int Year, int? Quarter);

    private readonly record struct QuarterKey(int AgencyId, int Year, int Quarter);

    private readonly record struct CategoryKey(int AgencyId, int Year, int Quarter, TargetCategory Category);

    private sealed record RecordRow(CategoryKey Key, int Visits, int Firms, int ImportedFirms, int Problems, int Transfers, int OffSite);

    private sealed record QuotaRow(CategoryKey Key, int PoolSize, int Quota);

    private async Task<IReadOnlyList<ComplianceStats>> ComputeAsync(
        IReadOnlyList<int> agencyIds, int fromYear, int toYear, IReadOnlyList<Period> periods, ComplianceView view, CancellationToken cancellationToken)
    {
        var ids = agencyIds.Distinct().ToList();
        var (from, to) = (new DateOnly(fromYear, 1, 1), new DateOnly(toYear, 12, 31));
        var yearly = periods.Any(p => p.Quarter is null);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Code, a.Name })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        if (agencies.Count == 0)
        {
            return [];
        }

        var quotas = await QuotasAsync(db, ids, fromYear, toYear, cancellationToken);

        // Selections of committed draws (tasks), by the stratum they were drawn from.
        var drawn = (await db.Tasks
            .Where(k => ids.Contains(k.Plan!.AgencyId) && k.Plan.Year >= fromYear && k.Plan.Year <= toYear)
            .GroupBy(k => new { k.Plan!.AgencyId, k.Plan.Year, k.Plan.Quarter, k.Selection!.Category })
            .Select(g => new { g.Key.AgencyId, g.Key.Year, g.Key.Quarter, g.Key.Category, Count = g.Count() })
            .ToListAsync(cancellationToken))
            .ToDictionary(r => new CategoryKey(r.AgencyId, r.Year, r.Quarter, r.Category), r => r.Count);

        var records = view == ComplianceView.Public
            ? await PublishedRecordsAsync(db, ids, fromYear, toYear, cancellationToken)
            : await RecordsAsync(db, ids, from, to, cancellationToken);
        var yearFirms = yearly ? await YearFirmsAsync(db, ids, from, to, view, fromYear, toYear, cancellationToken) : [];

        // Key targets (active, key now) by the quarter of their first random or imported inspection in the year.
        var keyFirstInspected = (await db.InspectionRecords
            .Where(r => ids.Contains(r.AgencyId) && r.Origin != InspectionOrigin.Targeted && r.InspectedOn >= from && r.InspectedOn <= to)
            .Where(r => r.Target!.Category == TargetCategory.Key && r.Target.Status == TargetStatus.Active)
            .GroupBy(r => new { r.AgencyId, r.TargetId, r.InspectedOn.Year })
            .Select(g => new { g.Key.AgencyId, g.Key.Year, Quarter = (g.Min(r => r.InspectedOn.Month) + 2) / 3 })
            .GroupBy(r => new { r.AgencyId, r.Year, r.Quarter })
            .Select(g => new { g.Key.AgencyId, g.Key.Year, g.Key.Quarter, Count = g.Count() })
            .ToListAsync(cancellationToken))
            .ToDictionary(r => new QuarterKey(r.AgencyId, r.Year, r.Quarter), r => r.Count);

        var targeted = (await db.InspectionRecords
            .Where(r => ids.Contains(r.AgencyId) && r.Origin == InspectionOrigin.Targeted && r.InspectedOn >= from && r.InspectedOn <= to)
            .GroupBy(r => new { r.AgencyId, r.InspectedOn.Year, Quarter = (r.InspectedOn.Month + 2) / 3 })
            .Select(g => new
            {
                g.Key.AgencyId,
                g.Key.Year,
                g.Key.Quarter,
                Count = g.Count(),
                Problems = g.Count(r => r.Outcome == InspectionOutcome.ProblemFound),
                Transfers = g.Count(r => r.TransferredToEnforcement),
            })
            .ToListAsync(cancellationToken))
            .ToDictionary(r => new QuarterKey(r.AgencyId, r.Year, r.Quarter), r => new TargetedChecks(r.Count, r.Problems, r.Transfers));

        var (places, workloads) = await TeamsAsync(db, ids, fromYear, toYear, yearly, cancellationToken);
        var publications = await PublicationsAsync(db, ids, fromYear, toYear, cancellationToken);

        var result = new List<ComplianceStats>();
        foreach (var period in periods)
        {
            if (!agencies.TryGetValue(period.AgencyId, out var agency))
            {
                continue;
            }

            int[] quarters = period.Quarter is { } q ? [q] : [1, 2, 3, 4];
            QuarterKey Key(int quarter) => new(period.AgencyId, period.Year, quarter);
            CategoryKey CategoryKey(int quarter, TargetCategory category) => new(period.AgencyId, period.Year, quarter, category);

            var categories = Enum.GetValues<TargetCategory>().Select(category =>
            {
                var parts = quarters.Select(quarter =>
                {
                    var key = CategoryKey(quarter, category);
                    var quota = quotas[key];
                    var recorded = records.GetValueOrDefault(key);
                    return (quota, Drawn: drawn.GetValueOrDefault(key) + (recorded?.ImportedFirms ?? 0), Firms: recorded?.Firms ?? 0, Visits: recorded?.Visits ?? 0);
                }).ToList();
                var poolSize = parts[^1].quota.PoolSize;
                var required = parts.Sum(p => p.quota.Quota);
                var pools = parts.Sum(p => p.quota.PoolSize);
                var firms = parts.Sum(p => p.Firms);

                // A year's ratios pool its quarters (Σ firms inspected each quarter / Σ N), and it is met when each quarter was.
                return new CategoryCompliance(
                    category,
                    poolSize,
                    required,
                    parts.Sum(p => p.Drawn),
                    period.Quarter is null ? yearFirms.GetValueOrDefault(CategoryKey(0, category)) : firms,
                    parts.Sum(p => p.Visits),
                    CategoryFigures.Ratio(firms, pools),
                    CategoryFigures.RequiredRatio(required, pools),
                    parts.All(p => CategoryFigures.Met(p.Firms, p.quota.Quota)));
            }).ToList();

            var through = period.Quarter ?? 4;
            var keyCoverage = new KeyCoverage(
                quotas[CategoryKey(through, TargetCategory.Key)].PoolSize,
                Enumerable.Range(1, through).Sum(quarter => keyFirstInspected.GetValueOrDefault(Key(quarter))));

            var periodRecords = quarters.SelectMany(quarter => Enum.GetValues<TargetCategory>().Select(c => records.GetValueOrDefault(CategoryKey(quarter, c)))).OfType<RecordRow>().ToList();
            var results = new ResultFigures(
                periodRecords.Sum(r => r.Visits), periodRecords.Sum(r => r.Problems), periodRecords.Sum(r => r.Transfers), periodRecords.Sum(r => r.OffSite));

            var histogram = period.Quarter is { } only
                ? workloads.GetValueOrDefault(Key(only), [])
                : workloads.GetValueOrDefault(Key(0), []);
            var teamPlaces = quarters.Select(quarter => places.GetValueOrDefault(Key(quarter))).ToList();
            var teams = new TeamFigures(Workload.FromHistogram(histogram), teamPlaces.Sum(p => p.Places), teamPlaces.Sum(p => p.Auxiliary));

            var targetedChecks = quarters.Select(quarter => targeted.GetValueOrDefault(Key(quarter))).OfType<TargetedChecks>()
                .Aggregate(new TargetedChecks(0, 0, 0), (sum, t) => new TargetedChecks(sum.Inspections + t.Inspections, sum.ProblemsFound + t.ProblemsFound, sum.Transfers + t.Transfers));

            var periodPublications = new PublicationFigures(
                quarters.Count(quarter => publications.OnTime.Contains(Key(quarter))),
                [.. quarters.Select(quarter => publications.Late.GetValueOrDefault(Key(quarter))).OfType<LatePublication>()],
                [.. quarters.Select(quarter => publications.Due.GetValueOrDefault(Key(quarter))).OfType<DuePublication>()]);

            result.Add(new ComplianceStats(
                agency.Id, agency.Code, agency.Name, period.Year, period.Quarter, view, categories, keyCoverage, periodPublications, results, teams, targetedChecks));
        }

        return result;
    }

    /// <summary>Every (agency, year, quarter, stratum) of the scope with its N and k.</summary>
    private static async Task<Dictionary<CategoryKey, QuotaRow>> QuotasAsync(
        AppDbContext db, List<int> ids, int fromYear, int toYear, CancellationToken cancellationToken)
    {
        var pools = (await db.Targets
            .Where(t => ids.Contains(t.AgencyId) && t.Status == TargetStatus.Active)
            .GroupBy(t => new { t.AgencyId, t.Category })
            .Select(g => new { g.Key.AgencyId, g.Key.Category, Count = g.Count() })
            .ToListAsync(cancellationToken))
            .ToDictionary(r => (r.AgencyId, r.Category), r => r.Count);

        var stored = (await db.Set<DrawQuota>()
            .Join(db.Draws, q => q.DrawId, d => d.Id, (q, d) => new { Quota = q, Draw = d })
            .Where(x => x.Draw.Status == DrawStatus.Committed && ids.Contains(x.Draw.Plan!.AgencyId) && x.Draw.Year >= fromYear && x.Draw.Year <= toYear)
            .Select(x => new { x.Draw.Plan!.AgencyId, x.Draw.Year, x.Draw.Quarter, x.Quota.Category, x.Quota.PoolSize, x.Quota.Quota })
            .ToListAsync(cancellationToken))
            .ToDictionary(r => new CategoryKey(r.AgencyId, r.Year, r.Quarter, r.Category), r => new QuotaRow(new CategoryKey(r.AgencyId, r.Year, r.Quarter, r.Category), r.PoolSize, r.Quota));

        var newlyCovered = await NewlyCoveredAsync(db, ids, fromYear, toYear, cancellationToken);
        var policies = await db.Policies.AsNoTracking().Where(p => ids.Contains(p.AgencyId)).ToListAsync(cancellationToken);
        var planPolicies = await db.Plans
            .Where(p => ids.Contains(p.AgencyId) && p.Year >= fromYear && p.Year <= toYear && p.Status != PlanStatus.Draft)
            .Select(p => new { p.AgencyId, p.Year, p.Quarter, p.PolicyId })
            .ToListAsync(cancellationToken);

        var quotas = new Dictionary<CategoryKey, QuotaRow>();
        foreach (var agencyId in ids)
        {
            for (var year = fromYear; year <= toYear; year++)
            {
                for (var quarter = 1; quarter <= 4; quarter++)
                {
                    var quarterStart = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
                    var (y, q) = (year, quarter);
                    var policy = planPolicies.FirstOrDefault(p => p.AgencyId == agencyId && p.Year == y && p.Quarter == q) is { } plan
                        ? policies.FirstOrDefault(p => p.Id == plan.PolicyId)
                        : policies.Where(p => p.AgencyId == agencyId && p.EffectiveFrom <= quarterStart).MaxBy(p => p.EffectiveFrom);
                    var ratios = policy?.ToRatios() ?? SamplingRatios.Default;
                    foreach (var category in Enum.GetValues<TargetCategory>())
                    {
                        var key = new CategoryKey(agencyId, year, quarter, category);
                        if (stored.TryGetValue(key, out var kept))
                        {
                            quotas[key] = kept;
                            continue;
                        }

                        var n = pools.GetValueOrDefault((agencyId, category));
                        var covered = Math.Min(n, Enumerable.Range(1, quarter - 1).Sum(earlier => newlyCovered.GetValueOrDefault(new CategoryKey(agencyId, year, earlier, category))));
                        var quota = QuotaCalculator.Calculate(category, n, covered, quarter, ratios);
                        quotas[key] = new QuotaRow(key, quota.PoolSize, quota.Quota);
                    }
                }
            }
        }

        return quotas;
    }

    /// <summary>
    /// Active targets by the quarter in which the year first covered them, as the draw counts coverage: a task of a
    /// committed draw, or an imported check (whichever came first; a task wins a tie).
    /// </summary>
    private static async Task<Dictionary<CategoryKey, int>> NewlyCoveredAsync(
        AppDbContext db, List<int> ids, int fromYear, int toYear, CancellationToken cancellationToken)
    {
        var (from, to) = (new DateOnly(fromYear, 1, 1), new DateOnly(toYear, 12, 31));
        var byTasks = await db.Tasks
            .Where(k => ids.Contains(k.Plan!.AgencyId) && k.Plan.Year >= fromYear && k.Plan.Year <= toYear && k.Target!.Status == TargetStatus.Active)
            .Where(k => !db.Tasks.Any(e => e.TargetId == k.TargetId && e.Plan!.Year == k.Plan!.Year && e.Plan.Quarter < k.Plan.Quarter))
            .Where(k => !db.InspectionRecords.Any(r => r.TargetId == k.TargetId && r.Origin == InspectionOrigin.Imported
                && r.InspectedOn.Year == k.Plan!.Year && (r.InspectedOn.Month + 2) / 3 < k.Plan.Quarter))
            .GroupBy(k => new { k.Plan!.AgencyId, k.Plan.Year, k.Plan.Quarter, k.Target!.Category })
            .Select(g => new { g.Key.AgencyId, g.Key.Year, g.Key.Quarter, g.Key.Category, Count = g.Select(k => k.TargetId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var byImports = await db.InspectionRecords
            .Where(r => ids.Contains(r.AgencyId) && r.Origin == InspectionOrigin.Imported && r.InspectedOn >= from && r.InspectedOn <= to && r.Target!.Status == TargetStatus.Active)
            .Where(r => !db.InspectionRecords.Any(e => e.TargetId == r.TargetId && e.Origin == InspectionOrigin.Imported
                && e.InspectedOn.Year == r.InspectedOn.Year && (e.InspectedOn.Month + 2) / 3 < (r.InspectedOn.Month + 2) / 3))
            .Where(r => !db.Tasks.Any(k => k.TargetId == r.TargetId && k.Plan!.Year == r.InspectedOn.Year && k.Plan.Quarter <= (r.InspectedOn.Month + 2) / 3))
            .GroupBy(r => new { r.AgencyId, r.InspectedOn.Year, Quarter = (r.InspectedOn.Month + 2) / 3, r.Target!.Category })
            .Select(g => new { g.Key.AgencyId, g.Key.Year, g.Key.Quarter, g.Key.Category, Count = g.Select(r => r.TargetId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        return byTasks.Concat(byImports)
            .GroupBy(r => new CategoryKey(r.AgencyId, r.Year, r.Quarter, r.Category))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
    }

    /// <summary>Random and imported records by quarter and the category they were inspected in.</summary>
    private static async Task<Dictionary<CategoryKey, RecordRow>> RecordsAsync(
        AppDbContext db, List<int> ids, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await db.InspectionRecords
            .Where(r => ids.Contains(r.AgencyId) && r.Origin != InspectionOrigin.Targeted && r.InspectedOn >= from && r.InspectedOn <= to)
            .GroupBy(r => new { r.AgencyId, r.InspectedOn.Year, Quarter = (r.InspectedOn.Month + 2) / 3, r.Category })
            .Select(g => new
            {
                g.Key.AgencyId,
                g.Key.Year,
                g.Key.Quarter,
                g.Key.Category,
                Visits = g.Count(),
                Firms = g.Select(r => r.TargetId).Distinct().Count(),
                ImportedFirms = g.Where(r => r.Origin == InspectionOrigin.Imported).Select(r => r.TargetId).Distinct().Count(),
                Problems = g.Count(r => r.Outcome == InspectionOutcome.ProblemFound),
                Transfers = g.Count(r => r.TransferredToEnforcement),
                OffSite = g.Count(r => r.Mode == InspectionMode.OffSite),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => new CategoryKey(r.AgencyId, r.Year, r.Quarter, r.Category),
            r => new RecordRow(new CategoryKey(r.AgencyId, r.Year, r.Quarter, r.Category), r.Visits, r.Firms, r.ImportedFirms, r.Problems, r.Transfers, r.OffSite));
    }

    /// <summary>
    /// The public view of the same: the rows of the published tables in force, which hold what the public knows (no
    /// mode, no transfer, no amendment made since).
    /// </summary>
    private static async Task<Dictionary<CategoryKey, RecordRow>> PublishedRecordsAsync(
        AppDbContext db, List<int> ids, int fromYear, int toYear, CancellationToken cancellationToken)
    {
        var rows = await db.PublishedResults
            .Where(r => r.Publication!.SupersededAt == null && ids.Contains(r.Publication.AgencyId) && r.Publication.Year >= fromYear && r.Publication.Year <= toYear)
            .GroupBy(r => new { r.Publication!.AgencyId, r.Publication.Year, r.Publication.Quarter, r.Category })
            .Select(g => new
            {
                g.Key.AgencyId,
                g.Key.Year,
                g.Key.Quarter,
                g.Key.Category,
                Visits = g.Count(),
                Firms = g.Select(r => r.CreditCode).Distinct().Count(),
                ImportedFirms = g.Where(r => r.Origin == InspectionOrigin.Imported).Select(r => r.CreditCode).Distinct().Count(),
                Problems = g.Count(r => r.Outcome == InspectionOutcome.ProblemFound),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => new CategoryKey(r.AgencyId, r.Year, r.Quarter, r.Category),
            r => new RecordRow(new CategoryKey(r.AgencyId, r.Year, r.Quarter, r.Category), r.Visits, r.Firms, r.ImportedFirms, r.Problems, 0, 0));
    }

    /// <summary>Distinct firms inspected in each whole year, by category (keyed with quarter 0).</summary>
    private static async Task<Dictionary<CategoryKey, int>> YearFirmsAsync(
        AppDbContext db, List<int> ids, DateOnly from, DateOnly to, ComplianceView view, int fromYear, int toYear, CancellationToken cancellationToken)
    {
        if (view == ComplianceView.Public)
        {
            return (await db.PublishedResults
                .Where(r => r.Publication!.SupersededAt == null && ids.Contains(r.Publication.AgencyId) && r.Publication.Year >= fromYear && r.Publication.Year <= toYear)
                .GroupBy(r => new { r.Publication!.AgencyId, r.Publication.Year, r.Category })
                .Select(g => new { g.Key.AgencyId, g.Key.Year, g.Key.Category, Firms = g.Select(r => r.CreditCode).Distinct().Count() })
                .ToListAsync(cancellationToken))
                .ToDictionary(r => new CategoryKey(r.AgencyId, r.Year, 0, r.Category), r => r.Firms);
        }

        return (await db.InspectionRecords
            .Where(r => ids.Contains(r.AgencyId) && r.Origin != InspectionOrigin.Targeted && r.InspectedOn >= from && r.InspectedOn <= to)
            .GroupBy(r => new { r.AgencyId, r.InspectedOn.Year, r.Category })
            .Select(g => new { g.Key.AgencyId, g.Key.Year, g.Key.Category, Firms = g.Select(r => r.TargetId).Distinct().Count() })
            .ToListAsync(cancellationToken))
            .ToDictionary(r => new CategoryKey(r.AgencyId, r.Year, 0, r.Category), r => r.Firms);
    }

    /// <summary>
    /// Team places by quarter (all, auxiliary), and the workload histogram (tasks → inspectors) by quarter and, when asked,
    /// by whole year (keyed with quarter 0).
    /// </summary>
    private static async Task<(Dictionary<QuarterKey, (int Places, int Auxiliary)> Places, Dictionary<QuarterKey, List<(int Tasks, int Inspectors)>> Workloads)> TeamsAsync(
        AppDbContext db, List<int> ids, int fromYear, int toYear, bool yearly, CancellationToken cancellationToken)
    {
        var members = db.Set<TeamMember>()
            .Join(db.Tasks, m => m.SelectionId, k => k.SelectionId, (m, k) => new { Member = m, Task = k })
            .Where(x => ids.Contains(x.Task.Plan!.AgencyId) && x.Task.Plan.Year >= fromYear && x.Task.Plan.Year <= toYear)
            .Select(x => new { x.Task.Plan!.AgencyId, x.Task.Plan.Year, x.Task.Plan.Quarter, x.Member.InspectorId, x.Member.Inspector!.Kind });

        var places = (await members
            .GroupBy(m => new { m.AgencyId, m.Year, m.Quarter })
            .Select(g => new { g.Key.AgencyId, g.Key.Year, g.Key.Quarter, Places = g.Count(), Auxiliary = g.Count(m => m.Kind == InspectorKind.Auxiliary) })
            .ToListAsync(cancellationToken))
            .ToDictionary(r => new QuarterKey(r.AgencyId, r.Year, r.Quarter), r => (r.Places, r.Auxiliary));

        // Quarter 0 groups a whole year; the flag is a parameter, so both shapes share one compiled query.
        var workloads = new Dictionary<QuarterKey, List<(int Tasks, int Inspectors)>>();
        foreach (var byYear in yearly ? new[] { false, true } : [false])
        {
            var histogram = await members
                .GroupBy(m => new { m.AgencyId, m.Year, Quarter = byYear ? 0 : m.Quarter, m.InspectorId })
                .Select(g => new { g.Key.AgencyId, g.Key.Year, g.Key.Quarter, Tasks = g.Count() })
                .GroupBy(r => new { r.AgencyId, r.Year, r.Quarter, r.Tasks })
                .Select(g => new { g.Key.AgencyId, g.Key.Year, g.Key.Quarter, g.Key.Tasks, Inspectors = g.Count() })
                .ToListAsync(cancellationToken);
            foreach (var bucket in histogram)
            {
                var key = new QuarterKey(bucket.AgencyId, bucket.Year, bucket.Quarter);
                (workloads.TryGetValue(key, out var list) ? list : workloads[key] = []).Add((bucket.Tasks, bucket.Inspectors));
            }
        }

        return (places, workloads);
    }

    private sealed record PublicationRows(
        HashSet<QuarterKey> OnTime, Dictionary<QuarterKey, LatePublication> Late, Dictionary<QuarterKey, DuePublication> Due);

    /// <summary>
    /// Each published quarter's first revision (on time or late: the public learned of the results then), and each
    /// drawn quarter still unpublished with its R5 deadline, by the code the publications feature uses.
    /// </summary>
    private async Task<PublicationRows> PublicationsAsync(AppDbContext db, List<int> ids, int fromYear, int toYear, CancellationToken cancellationToken)
    {
        var firsts = await db.Publications
            .Where(p => ids.Contains(p.AgencyId) && p.Year >= fromYear && p.Year <= toYear && p.Revision == 1)
            .Select(p => new { p.AgencyId, p.Year, p.Quarter, p.OnTime, p.Deadline, p.PublishedOn })
            .ToListAsync(cancellationToken);
        var unpublished = await db.Plans
            .Where(p => ids.Contains(p.AgencyId) && p.Year >= fromYear && p.Year <= toYear && p.Status == PlanStatus.Drawn && p.ResultsPublishedAt == null)
            .Select(p => new
            {
                p.AgencyId,
                p.Year,
                p.Quarter,
                Unrecorded = db.Tasks.Count(t => t.PlanId == p.Id && t.Status == InspectionTaskStatus.Assigned),
                Last = db.InspectionRecords.Where(r => r.Task!.PlanId == p.Id).Max(r => (DateOnly?)r.InspectedOn),
            })
            .ToListAsync(cancellationToken);

        var calendar = await calendars.GetAsync(cancellationToken);
        var today = clock.Today();
        var late = new Dictionary<QuarterKey, LatePublication>();
        foreach (var p in firsts.Where(p => !p.OnTime))
        {
            late[new QuarterKey(p.AgencyId, p.Year, p.Quarter)] = new LatePublication(p.Year, p.Quarter, p.Deadline, p.PublishedOn, WorkingDaysLateOrNull(calendar, p.Deadline, p.PublishedOn));
        }

        var due = new Dictionary<QuarterKey, DuePublication>();
        foreach (var p in unpublished)
        {
            var completedOn = p.Unrecorded == 0 ? p.Last : null;
            var deadline = completedOn is { } day ? PublicationQueries.DeadlineOrNull(calendar, day) : null;
            due[new QuarterKey(p.AgencyId, p.Year, p.Quarter)] = new DuePublication(p.Year, p.Quarter, p.Unrecorded, completedOn, deadline, deadline < today);
        }

        return new PublicationRows([.. firsts.Where(p => p.OnTime).Select(p => new QuarterKey(p.AgencyId, p.Year, p.Quarter))], late, due);
    }

    private static int? WorkingDaysLateOrNull(WorkingDayCalendar calendar, DateOnly deadline, DateOnly publishedOn)
    {
        try
        {
            return PublicationTimeliness.WorkingDaysLate(calendar, deadline, publishedOn);
        }
        catch (CalendarYearNotCoveredException)
        {
            return null;
        }
    }
}
