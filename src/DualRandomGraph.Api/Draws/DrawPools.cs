using DualRandomGraph.Api.Data;
using DualRandomGraph.Domain.Draws;
using DualRandomGraph.Domain.Inspections;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.Domain.Sampling;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Draws;

/// <summary>
/// The pools and quotas of a plan's draw as the registries stand now; <c>previewQuotas</c> shows them and
/// <c>drawPlan</c> draws from them and stores them. "Random coverage" is a task from a committed draw, or an imported
/// random check drawn outside this system (targeted checks never count): one in an earlier quarter of the same year
/// makes a target covered (priority group 1, U and I of the quotas) and counts towards its annual cap. The team
/// of a task is the one the rotation rule keeps off the target's next team (imported checks have none on record).
/// </summary>
internal sealed record DrawPools(
    IReadOnlyList<TargetPoolMember> Targets,
    IReadOnlyDictionary<string, int> TargetIds,
    IReadOnlyList<InspectorPoolMember> Inspectors,
    IReadOnlyDictionary<string, int> InspectorIds,
    IReadOnlyList<DrawQuota> Quotas)
{
    public int Officers => Inspectors.Count(i => i.Role == InspectorRole.Officer);

    public int Assistants => Inspectors.Count(i => i.Role == InspectorRole.Assistant);

    public int TotalQuota => Quotas.Sum(q => q.Quota);

    public IReadOnlyDictionary<TargetCategory, int> QuotaByStratum => Quotas.ToDictionary(q => q.Category, q => q.Quota);

    public static async Task<DrawPools> ReadAsync(AppDbContext db, SamplingPlan plan, SamplingPolicy policy, CancellationToken cancellationToken)
    {
        var (agencyId, year, quarter) = (plan.AgencyId, plan.Year, plan.Quarter);
        var quarterStart = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        var quarterEnd = quarterStart.AddMonths(3).AddDays(-1);
        var yearStart = new DateOnly(year, 1, 1);

        var drawn = await db.Tasks
            .Where(t => t.Plan!.AgencyId == agencyId && t.Plan.Year == year && t.Plan.Quarter < quarter)
            .GroupBy(t => t.TargetId)
            .Select(g => new { TargetId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var imported = await db.InspectionRecords
            .Where(r => r.AgencyId == agencyId && r.Origin == InspectionOrigin.Imported && r.InspectedOn >= yearStart && r.InspectedOn < quarterStart)
            .GroupBy(r => r.TargetId)
            .Select(g => new { TargetId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var tasksThisYear = drawn.Concat(imported).GroupBy(t => t.TargetId).ToDictionary(g => g.Key, g => g.Sum(t => t.Count));
        var targets = await db.Targets
            .Where(t => t.AgencyId == agencyId && t.Status == TargetStatus.Active)
            .Select(t => new { t.Id, t.CreditCode, t.Category })
            .ToListAsync(cancellationToken);

        var cap = policy.AnnualCapPerTarget;
        var leftOut = targets.Where(t => cap is { } c && tasksThisYear.GetValueOrDefault(t.Id) >= c).ToList();
        var pooled = targets.Except(leftOut).ToList();
        var pool = pooled
            .Select(t => new TargetPoolMember(
                t.CreditCode,
                t.Category,
                t.Category != TargetCategory.Special && tasksThisYear.ContainsKey(t.Id) ? 1 : 0))
            .ToList();

        var ratios = policy.ToRatios();
        var quotas = Drg1.StratumOrder
            .Select(stratum =>
            {
                var members = pooled.Where(t => t.Category == stratum).ToList();
                var quota = QuotaCalculator.Calculate(stratum, members.Count, members.Count(t => tasksThisYear.ContainsKey(t.Id)), quarter, ratios);
                return new DrawQuota
                {
                    Category = stratum,
                    PoolSize = quota.PoolSize,
                    AlreadyCovered = quota.AlreadyCovered,
                    QuartersLeft = quota.QuartersLeft,
                    Quota = quota.Quota,
                    Rule = quota.Rule,
                    LeftOutAtCap = leftOut.Count(t => t.Category == stratum),
                };
            })
            .ToList();

        var inspectors = await db.Inspectors
            .Where(i => i.AgencyId == agencyId && i.Active)
            .Select(i => new { i.Id, Key = i.CertificateNumber ?? i.RegistryCode, Certified = i.CertificateNumber != null })
            .ToListAsync(cancellationToken);
        var exclusions = await ExclusionsAsync(db, plan, policy, quarterStart, quarterEnd, cancellationToken);
        var targetKeys = pooled.ToDictionary(t => t.Id, t => t.CreditCode);
        var inspectorPool = inspectors
            .Select(i => new InspectorPoolMember(
                i.Key,
                i.Certified ? InspectorRole.Officer : InspectorRole.Assistant,
                exclusions.GetValueOrDefault(i.Id, [])
                    .Where(e => targetKeys.ContainsKey(e.TargetId))
                    .Select(e => new Exclusion(targetKeys[e.TargetId], e.Rule))
                    .Distinct()
                    .OrderBy(e => e.TargetKey, StringComparer.Ordinal)
                    .ThenBy(e => e.Rule, StringComparer.Ordinal)
                    .ToList()))
            .ToList();

        return new DrawPools(
            pool,
            pooled.ToDictionary(t => t.CreditCode, t => t.Id, StringComparer.Ordinal),
            inspectorPool,
            inspectors.ToDictionary(i => i.Key, i => i.Id, StringComparer.Ordinal),
            quotas);
    }

    /// <summary>Per inspector id: the targets (by id) the inspector may not inspect this quarter, with the rule.</summary>
    private static async Task<Dictionary<int, List<(int TargetId, string Rule)>>> ExclusionsAsync(
        AppDbContext db, SamplingPlan plan, SamplingPolicy policy, DateOnly quarterStart, DateOnly quarterEnd, CancellationToken cancellationToken)
    {
        var exclusions = new Dictionary<int, List<(int TargetId, string Rule)>>();
        void Add(int inspectorId, int targetId, string rule)
            => (exclusions.TryGetValue(inspectorId, out var list) ? list : exclusions[inspectorId] = []).Add((targetId, rule));

        // 回避: valid on any day of the quarter, since the inspection may fall on any of them.
        var recusals = await db.Recusals
            .Where(r => r.Inspector!.AgencyId == plan.AgencyId && r.ValidFrom <= quarterEnd && (r.ValidTo == null || r.ValidTo >= quarterStart))
            .Select(r => new { r.InspectorId, r.TargetId })
            .ToListAsync(cancellationToken);
        foreach (var recusal in recusals)
        {
            Add(recusal.InspectorId, recusal.TargetId, SkipRules.Recusal);
        }

        if (policy.Rotation)
        {
            // The team of each target's latest random inspection before this quarter, in any earlier year too.
            var (year, quarter) = (plan.Year, plan.Quarter);
            var earlier = await db.Tasks
                .Where(t => t.Plan!.AgencyId == plan.AgencyId && (t.Plan.Year < year || (t.Plan.Year == year && t.Plan.Quarter < quarter)))
                .Select(t => new { t.TargetId, t.SelectionId, t.Plan!.Year, t.Plan.Quarter })
                .ToListAsync(cancellationToken);
            var latest = earlier
                .GroupBy(t => t.TargetId)
                .ToDictionary(g => g.MaxBy(t => (t.Year, t.Quarter))!.SelectionId, g => g.Key);
            var selectionIds = latest.Keys.ToList();
            var members = await db.Set<Domain.Planning.TeamMember>()
                .Where(m => selectionIds.Contains(m.SelectionId))
                .Select(m => new { m.SelectionId, m.InspectorId })
                .ToListAsync(cancellationToken);
            foreach (var member in members)
            {
                Add(member.InspectorId, latest[member.SelectionId], SkipRules.Rotation);
            }
        }

        return exclusions;
    }
}
