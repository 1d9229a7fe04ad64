using DualRandomGraph.Api.Data;
using DualRandomGraph.Domain.Calendar;
using DualRandomGraph.Domain.Draws;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.Domain.Sampling;
using Microsoft.EntityFrameworkCore;
using Drg = DualRandomGraph.Domain.Draws;
using SkippedCandidate = DualRandomGraph.Domain.Planning.SkippedCandidate;
using TeamMember = DualRandomGraph.Domain.Planning.TeamMember;

namespace DualRandomGraph.Api.Draws;

/// <summary>
/// Between drg-1's values and the stored draw: the rows a draw is saved as, and the verification document
/// (DESIGN.md §3) rebuilt from those rows alone, so that verification reads exactly what is stored, whatever the
/// registries say today.
/// </summary>
internal static class DrawRecords
{
    /// <summary>What drawPlan stores: the draw as made, with its pools, quotas, selections, teams and skips.</summary>
    public static Draw Create(DrawAttempt attempt, DrawPools pools, DrawInput input, DrawResult result)
    {
        var selections = result.Selections.Select(s => new DrawSelection
        {
            Category = s.Stratum,
            Rank = s.Rank,
            Ticket = s.Ticket,
            TargetKey = s.TargetKey,
            TargetId = pools.TargetIds[s.TargetKey],
            Staffed = s.Staffed,
            Team = [.. s.Team.Select((m, i) => new TeamMember
            {
                Position = i + 1,
                InspectorKey = m.Key,
                InspectorId = pools.InspectorIds[m.Key],
                Role = m.Role,
                Ticket = m.Ticket,
            })],
        }).ToList();

        var draw = new Draw
        {
            PlanId = attempt.Plan.Id,
            Attempt = attempt.Number,
            Status = DrawStatus.Proposed,
            Algorithm = result.Algorithm,
            Seed = input.Seed,
            AgencyCode = input.AgencyCode,
            Year = input.Year,
            Quarter = input.Quarter,
            PolicyId = attempt.Policy.Id,
            OfficersPerTeam = input.Rules.OfficersPerTeam,
            AssistantsPerTeam = input.Rules.AssistantsPerTeam,
            MaxTasksPerInspector = input.Rules.MaxTasksPerInspector,
            TargetPoolDigest = result.TargetPoolDigest,
            InspectorPoolDigest = result.InspectorPoolDigest,
            UnstaffedCount = result.Selections.Count(s => !s.Staffed),
            DrawnAt = attempt.At,
            DrawnBy = attempt.By,
            Reason = attempt.Reason,
            WindowStart = attempt.Window.First,
            WindowEnd = attempt.Window.Last,
            OutsideWindowReason = attempt.OutsideWindowReason,
            Quotas = [.. pools.Quotas],
            TargetPool = [.. input.TargetPool.Select(t => new DrawPoolTarget
            {
                TargetKey = t.Key,
                Category = t.Stratum,
                PriorityGroup = t.PriorityGroup,
                TargetId = pools.TargetIds[t.Key],
            })],
            InspectorPool = [.. input.InspectorPool.Select(i => new DrawPoolInspector
            {
                InspectorKey = i.Key,
                Role = i.Role,
                InspectorId = pools.InspectorIds[i.Key],
                Exclusions = [.. i.ExcludedFor.Select(e => new DrawExclusion { TargetKey = e.TargetKey, Rule = e.Rule })],
            })],
            Selections = selections,
        };

        // The skips hang off both the selection (its story) and the draw (one list to page through).
        for (var s = 0; s < selections.Count; s++)
        {
            foreach (var (candidate, i) in result.Selections[s].Skipped.Select((c, i) => (c, i)))
            {
                var skipped = new SkippedCandidate
                {
                    Position = i + 1,
                    TargetKey = selections[s].TargetKey,
                    InspectorKey = candidate.Key,
                    InspectorId = pools.InspectorIds[candidate.Key],
                    Role = candidate.Role,
                    Ticket = candidate.Ticket,
                    Rule = candidate.Rule,
                };
                selections[s].Skipped.Add(skipped);
                draw.Skipped.Add(skipped);
            }
        }

        return draw;
    }

    /// <summary>
    /// Inserts a new draw in the caller's transaction. The pools are the bulk of a draw (a row per target of the
    /// agency, and per exclusion), so they are written with one prepared statement each, apart from the tracked graph,
    /// once the draw and its inspector rows have their ids.
    /// </summary>
    /// <exception cref="DbUpdateException">When another attempt of the plan took the same number meanwhile.</exception>
    public static async Task InsertAsync(AppDbContext db, Draw draw, CancellationToken cancellationToken)
    {
        var targetPool = draw.TargetPool.ToList();
        var exclusions = draw.InspectorPool.SelectMany(i => i.Exclusions.Select(e => (Inspector: i, Exclusion: e))).ToList();
        draw.TargetPool.Clear();
        draw.InspectorPool.ForEach(i => i.Exclusions.Clear());
        db.Draws.Add(draw);
        await db.SaveChangesAsync(cancellationToken);

        await BulkInsert.InsertAsync<DrawPoolTarget, DrawPoolTarget>(
            db,
            [nameof(DrawPoolTarget.DrawId), nameof(DrawPoolTarget.TargetKey), nameof(DrawPoolTarget.Category), nameof(DrawPoolTarget.PriorityGroup), nameof(DrawPoolTarget.TargetId)],
            targetPool,
            t => [draw.Id, t.TargetKey, t.Category, t.PriorityGroup, t.TargetId],
            cancellationToken);
        await BulkInsert.InsertAsync<DrawExclusion, (DrawPoolInspector Inspector, DrawExclusion Exclusion)>(
            db,
            [nameof(DrawExclusion.PoolInspectorId), nameof(DrawExclusion.TargetKey), nameof(DrawExclusion.Rule)],
            exclusions,
            e => [e.Inspector.Id, e.Exclusion.TargetKey, e.Exclusion.Rule],
            cancellationToken);
    }

    /// <summary>
    /// The inspection task a committed selection becomes: the plan's check items for the target's category, off-site
    /// for a positive-list target (R6). Used by <c>commitDraw</c> and by the data generator alike.
    /// </summary>
    public static InspectionTask TaskFor(DrawSelection selection, bool onPositiveList, SamplingPlan plan, DateTime createdAt) => new()
    {
        SelectionId = selection.Id,
        PlanId = plan.Id,
        TargetId = selection.TargetId,
        Mode = onPositiveList ? InspectionMode.OffSite : InspectionMode.OnSite,
        Status = InspectionTaskStatus.Assigned,
        CheckItems = [.. plan.CheckItems.Where(c => c.Categories.Contains(selection.Category)).OrderBy(c => c.Code)],
        CreatedAt = createdAt,
    };

    /// <summary>
    /// Inserts a committed draw's tasks with their check items in the caller's transaction, as bulk inserts: a draw on a
    /// large registry has tens of thousands of tasks, each with most of the plan's items, which change tracking adds
    /// far more slowly than it writes them. The unique selection index still refuses a second task for a selection.
    /// </summary>
    /// <exception cref="System.Data.Common.DbException">When a selection already has its task.</exception>
    public static async Task InsertTasksAsync(AppDbContext db, IReadOnlyCollection<InspectionTask> tasks, CancellationToken cancellationToken)
    {
        await BulkInsert.InsertEntitiesAsync(db, tasks, cancellationToken);
        await BulkInsert.InsertAsync(
            db, "InspectionTaskCheckItems", ["CheckItemsId", "InspectionTaskId"], tasks.SelectMany(t => t.CheckItems.Select(c => (c.Id, t.Id))), r => [r.Item1, r.Item2], cancellationToken);
    }

    /// <summary>
    /// A stored draw with every row its verification reads. Each table is read flat and the lists are put together
    /// here: EF Core's include fix-up searches a list per row added, which for a 100,000-target pool took seconds.
    /// </summary>
    public static async Task<Draw?> LoadForVerificationAsync(AppDbContext db, int id, CancellationToken cancellationToken)
    {
        var draw = await db.Draws.AsNoTracking().Include(d => d.Plan).Include(d => d.Policy).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (draw is null)
        {
            return null;
        }

        draw.Quotas.AddRange(await db.Set<DrawQuota>().AsNoTracking().Where(q => q.DrawId == id).ToListAsync(cancellationToken));
        draw.TargetPool.AddRange(await db.Set<DrawPoolTarget>().AsNoTracking().Where(t => t.DrawId == id).ToListAsync(cancellationToken));
        var exclusions = (await db.Set<DrawExclusion>().AsNoTracking()
            .Where(e => db.Set<DrawPoolInspector>().Any(i => i.Id == e.PoolInspectorId && i.DrawId == id))
            .ToListAsync(cancellationToken)).ToLookup(e => e.PoolInspectorId);
        foreach (var inspector in await db.Set<DrawPoolInspector>().AsNoTracking().Where(i => i.DrawId == id).ToListAsync(cancellationToken))
        {
            inspector.Exclusions.AddRange(exclusions[inspector.Id]);
            draw.InspectorPool.Add(inspector);
        }

        var team = (await db.Set<TeamMember>().AsNoTracking()
            .Where(m => db.Selections.Any(s => s.Id == m.SelectionId && s.DrawId == id))
            .ToListAsync(cancellationToken)).ToLookup(m => m.SelectionId);
        var skipped = (await db.Set<SkippedCandidate>().AsNoTracking().Where(c => c.DrawId == id).ToListAsync(cancellationToken)).ToLookup(c => c.SelectionId);
        foreach (var selection in await db.Selections.AsNoTracking().Where(s => s.DrawId == id).ToListAsync(cancellationToken))
        {
            selection.Team.AddRange(team[selection.Id]);
            selection.Skipped.AddRange(skipped[selection.Id]);
            draw.Selections.Add(selection);
        }

        return draw;
    }

    /// <summary>
    /// The verification document of a stored draw, in the order <see cref="DrawVerificationDocument.Create"/> writes
    /// one (pools by key, quotas and selections in stratum order, teams by position), so that the document of a draw
    /// is the same text at draw time and ever after.
    /// </summary>
    public static DrawVerificationDocument Document(Draw draw)
    {
        var strata = Drg1.StratumOrder.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        return new DrawVerificationDocument(
            draw.Algorithm,
            draw.Seed,
            draw.AgencyCode,
            draw.Year,
            draw.Quarter,
            Drg1.StratumOrder.ToDictionary(s => s.ToStratumName(), s => draw.Quotas.FirstOrDefault(q => q.Category == s)?.Quota ?? 0),
            new VerificationRules(draw.OfficersPerTeam, draw.AssistantsPerTeam, draw.MaxTasksPerInspector),
            [.. draw.TargetPool.OrderBy(t => t.TargetKey, StringComparer.Ordinal)
                .Select(t => new VerificationTarget(t.TargetKey, t.Category.ToStratumName(), t.PriorityGroup))],
            [.. draw.InspectorPool.OrderBy(i => i.InspectorKey, StringComparer.Ordinal)
                .Select(i => new VerificationInspector(
                    i.InspectorKey,
                    i.Role.ToRoleName(),
                    [.. i.Exclusions.OrderBy(e => e.TargetKey, StringComparer.Ordinal).ThenBy(e => e.Rule, StringComparer.Ordinal).Select(e => new VerificationExclusion(e.TargetKey, e.Rule))]))],
            draw.TargetPoolDigest,
            draw.InspectorPoolDigest,
            [.. OrderedSelections(draw, strata)
                .Select(s => new VerificationSelection(
                    s.Category.ToStratumName(),
                    s.TargetKey,
                    s.Rank,
                    s.Ticket,
                    [.. s.Team.OrderBy(m => m.Position).Select(m => new VerificationTeamMember(m.InspectorKey, m.Role.ToRoleName(), m.Ticket))]))]);
    }

    /// <summary>
    /// Recomputes a stored draw and names every difference: those <see cref="DrawVerifier"/> finds in the document
    /// (pool digests, selections, tickets, teams), and beyond the document, the staffed flags and skipped candidates,
    /// and whether each stored quota follows the draw's policy over the stored pool.
    /// </summary>
    public static IReadOnlyList<string> Verify(Draw draw)
    {
        var document = Document(draw);
        var differences = DrawVerifier.Verify(document).Differences.ToList();
        if (document.ToDrawInput().Input is { } input)
        {
            var recomputed = Drg1.Run(input).Selections;
            var stored = OrderedSelections(draw, Drg1.StratumOrder.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i)).ToList();
            for (var i = 0; i < Math.Min(recomputed.Count, stored.Count); i++)
            {
                CompareTeamStory(recomputed[i], stored[i], differences);
            }
        }

        if (draw.Policy is { } policy)
        {
            CompareQuotas(draw, policy, differences);
        }

        return differences;
    }

    private static IEnumerable<DrawSelection> OrderedSelections(Draw draw, Dictionary<TargetCategory, int> strata)
        => draw.Selections.OrderBy(s => strata[s.Category]).ThenBy(s => s.Rank);

    private static void CompareTeamStory(Drg.Selection expected, DrawSelection stored, List<string> differences)
    {
        var label = $"team of {expected.TargetKey}";
        if (expected.Staffed != stored.Staffed)
        {
            differences.Add($"{label}: staffed is stored as {stored.Staffed}, the recomputed draw says {expected.Staffed}");
        }

        var storedSkips = stored.Skipped.OrderBy(c => c.Position).Select(c => $"{c.InspectorKey} ({c.Rule})").ToList();
        var expectedSkips = expected.Skipped.Select(c => $"{c.Key} ({c.Rule})").ToList();
        if (!storedSkips.SequenceEqual(expectedSkips, StringComparer.Ordinal))
        {
            differences.Add($"{label}: skipped candidates are stored as [{string.Join(", ", storedSkips)}], the recomputed draw skips [{string.Join(", ", expectedSkips)}]");
        }
    }

    private static void CompareQuotas(Draw draw, SamplingPolicy policy, List<string> differences)
    {
        var ratios = policy.ToRatios();
        foreach (var stratum in Drg1.StratumOrder)
        {
            var members = draw.TargetPool.Where(t => t.Category == stratum).ToList();
            var stored = draw.Quotas.FirstOrDefault(q => q.Category == stratum);

            // Priority group 1 marks the targets covered earlier in the year, except in SPECIAL, whose rule ignores coverage.
            var covered = stratum == TargetCategory.Special ? stored?.AlreadyCovered ?? 0 : members.Count(t => t.PriorityGroup == 1);
            var expected = QuotaCalculator.Calculate(stratum, members.Count, Math.Min(covered, members.Count), draw.Quarter, ratios);
            if ((stored?.Quota ?? 0) != expected.Quota)
            {
                differences.Add($"quota of {stratum.ToStratumName()} is stored as {stored?.Quota ?? 0}; the policy's rule over the stored pool gives {expected.Quota} ({expected.Rule})");
            }
        }
    }
}

/// <summary>Who draws which plan when, and why, for <see cref="DrawRecords.Create"/>.</summary>
internal sealed record DrawAttempt(
    SamplingPlan Plan,
    SamplingPolicy Policy,
    int Number,
    DateTime At,
    string By,
    string? Reason,
    DateRange Window,
    string? OutsideWindowReason);
