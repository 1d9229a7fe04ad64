namespace DualRandomGraph.Domain.Draws;

/// <summary>
/// Step 2 of drg-1: a team for each drawn target. For target K every inspector of a role gets the ticket
/// SHA-256(S|P/TEAM/K|key); candidates are taken in ticket order, skipping those excluded for K and those already
/// on maxTasksPerInspector teams of this draw.
/// </summary>
/// <remarks>
/// Tickets do not depend on earlier teams, only the skips do. So the tickets of all selections are computed in
/// parallel first, keeping for each only the few smallest (enough for the team plus the exclusions listed for K plus
/// a margin); then the teams are formed one after another in drg-1's order. Should the caps skip so many that this
/// short list runs out, the selection's full order is computed on the spot — the result is the same either way.
/// </remarks>
internal sealed class TeamDraw
{
    private const int Margin = 4;

    private readonly DrawInput _input;
    private readonly byte[][] _keys;
    private readonly int[] _officers;
    private readonly int[] _assistants;
    private readonly Dictionary<string, Dictionary<int, string>> _exclusionsByTarget = new(StringComparer.Ordinal);
    private readonly int[] _tasks;

    public TeamDraw(DrawInput input)
    {
        _input = input;
        var pool = input.InspectorPool;
        _keys = pool.Select(i => TicketHasher.Utf8(i.Key)).ToArray();
        _officers = Enumerable.Range(0, pool.Count).Where(i => pool[i].Role == InspectorRole.Officer).ToArray();
        _assistants = Enumerable.Range(0, pool.Count).Where(i => pool[i].Role == InspectorRole.Assistant).ToArray();
        _tasks = new int[pool.Count];

        for (var i = 0; i < pool.Count; i++)
        {
            foreach (var exclusion in pool[i].ExcludedFor)
            {
                if (!_exclusionsByTarget.TryGetValue(exclusion.TargetKey, out var excluded))
                {
                    _exclusionsByTarget[exclusion.TargetKey] = excluded = [];
                }

                excluded.TryAdd(i, exclusion.Rule); // the first rule listed is the one reported
            }
        }
    }

    public IReadOnlyList<Selection> FormTeams(IReadOnlyList<DrawnTarget> targets)
    {
        var officersNeeded = _input.Rules.OfficersPerTeam;
        var assistantsNeeded = _input.Rules.AssistantsPerTeam;

        // Phase 1, parallel: the head of each selection's ticket order, per role.
        var heads = new (Candidate[] Officers, Candidate[] Assistants)[targets.Count];
        Parallel.For(0, targets.Count, i =>
        {
            var hasher = HasherFor(targets[i].Key);
            heads[i] = (
                Head(hasher, targets[i].Key, _officers, officersNeeded),
                Head(hasher, targets[i].Key, _assistants, assistantsNeeded));
        });

        // Phase 2, in drg-1's order: the caps make each team depend on the ones before.
        var selections = new Selection[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var team = new List<TeamMember>(officersNeeded + assistantsNeeded);
            var skipped = new List<SkippedCandidate>();
            var officersFull = Fill(target.Key, InspectorRole.Officer, _officers, heads[i].Officers, officersNeeded, team, skipped);
            var assistantsFull = Fill(target.Key, InspectorRole.Assistant, _assistants, heads[i].Assistants, assistantsNeeded, team, skipped);
            selections[i] = new Selection(target.Stratum, target.Key, target.Rank, target.Ticket.ToString(), team, officersFull && assistantsFull, skipped);
        }

        return selections;
    }

    private TicketHasher HasherFor(string targetKey) => new($"{_input.Seed}|{_input.Scope}/TEAM/{targetKey}|");

    private Candidate[] Head(TicketHasher hasher, string targetKey, int[] role, int needed)
    {
        if (needed == 0)
        {
            return []; // a role with no place on the team is not hashed at all
        }

        var excluded = _exclusionsByTarget.TryGetValue(targetKey, out var e) ? e.Count : 0;
        return hasher.Smallest(_keys, role, needed + excluded + Margin);
    }

    /// <summary>Takes <paramref name="needed"/> members of one role in ticket order; false when the pool runs out first.</summary>
    private bool Fill(string targetKey, InspectorRole role, int[] members, Candidate[] head, int needed, List<TeamMember> team, List<SkippedCandidate> skipped)
    {
        var excluded = _exclusionsByTarget.GetValueOrDefault(targetKey);
        var cap = _input.Rules.MaxTasksPerInspector;
        var order = head;
        var taken = 0;
        for (var position = 0; taken < needed; position++)
        {
            if (position == order.Length)
            {
                if (order.Length == members.Length)
                {
                    return false; // everyone of this role was considered
                }

                order = HasherFor(targetKey).Smallest(_keys, members, members.Length);
            }

            var candidate = order[position];
            var inspector = candidate.Index;
            var rule = excluded?.GetValueOrDefault(inspector)
                ?? (cap is { } max && _tasks[inspector] >= max ? SkipRules.MaxTasks : null);
            if (rule is not null)
            {
                skipped.Add(new SkippedCandidate(_input.InspectorPool[inspector].Key, role, candidate.Ticket.ToString(), rule));
                continue;
            }

            team.Add(new TeamMember(_input.InspectorPool[inspector].Key, role, candidate.Ticket.ToString()));
            _tasks[inspector]++;
            taken++;
        }

        return true;
    }
}
