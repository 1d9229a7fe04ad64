using DualRandomGraph.Domain.Draws;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Tests.Draws;

/// <summary>
/// Properties every drg-1 draw has, checked over random pools (<see cref="DrawFixtures.RandomInput"/>): quotas met,
/// no target twice, each team valid under the rules or reported unstaffed only when no valid candidate was left,
/// and the result independent of pool order.
/// </summary>
public sealed class Drg1PropertyTests
{
    public static TheoryData<int> Pools() => [.. Enumerable.Range(100, 150)];

    [Theory]
    [MemberData(nameof(Pools))]
    public void Quotas_are_met_with_distinct_targets_of_the_right_stratum(int seed)
    {
        var input = DrawFixtures.RandomInput(seed);

        var selections = Drg1.Run(input).Selections;

        var strata = input.TargetPool.ToDictionary(t => t.Key, t => t.Stratum);
        Assert.Equal(selections.Count, selections.Select(s => s.TargetKey).Distinct().Count());
        foreach (var stratum in Drg1.StratumOrder)
        {
            var drawn = selections.Where(s => s.Stratum == stratum).ToList();
            Assert.Equal(input.QuotaOf(stratum), drawn.Count);
            Assert.All(drawn, s => Assert.Equal(stratum, strata[s.TargetKey]));
            Assert.Equal(Enumerable.Range(1, drawn.Count), drawn.Select(s => s.Rank));
        }
    }

    [Theory]
    [MemberData(nameof(Pools))]
    public void Every_team_is_valid_or_reported_unstaffed_only_when_no_candidate_was_left(int seed)
    {
        var input = DrawFixtures.RandomInput(seed);
        var rules = input.Rules;
        var pool = input.InspectorPool.ToDictionary(i => i.Key);

        var selections = Drg1.Run(input).Selections;

        var tasks = new Dictionary<string, int>();
        foreach (var selection in selections)
        {
            bool Excluded(string key) => pool[key].ExcludedFor.Any(e => e.TargetKey == selection.TargetKey);
            var officers = selection.Team.Where(m => m.Role == InspectorRole.Officer).ToList();
            var assistants = selection.Team.Where(m => m.Role == InspectorRole.Assistant).ToList();
            Assert.Equal(selection.Team.Count, selection.Team.Select(m => m.Key).Distinct().Count());
            Assert.All(selection.Team, m => Assert.Equal(pool[m.Key].Role, m.Role));
            Assert.All(selection.Team, m => Assert.False(Excluded(m.Key), $"{m.Key} is excluded for {selection.TargetKey}"));
            Assert.True(officers.Count <= rules.OfficersPerTeam && assistants.Count <= rules.AssistantsPerTeam);
            Assert.Equal(officers.Count == rules.OfficersPerTeam && assistants.Count == rules.AssistantsPerTeam, selection.Staffed);

            if (!selection.Staffed)
            {
                // Short of a role only when every candidate of it is on the team, excluded, or at the cap.
                var shortRole = officers.Count < rules.OfficersPerTeam ? InspectorRole.Officer : InspectorRole.Assistant;
                Assert.All(
                    input.InspectorPool.Where(i => i.Role == shortRole),
                    i => Assert.True(
                        selection.Team.Any(m => m.Key == i.Key) || Excluded(i.Key) || tasks.GetValueOrDefault(i.Key) >= rules.MaxTasksPerInspector,
                        $"{i.Key} could have filled the team of {selection.TargetKey}"));
            }

            foreach (var member in selection.Team)
            {
                tasks[member.Key] = tasks.GetValueOrDefault(member.Key) + 1;
            }
        }

        Assert.All(tasks.Values, count => Assert.True(rules.MaxTasksPerInspector is not { } max || count <= max));
    }

    [Theory]
    [MemberData(nameof(Pools))]
    public void The_same_pools_in_any_order_give_the_same_draw(int seed)
    {
        var input = DrawFixtures.RandomInput(seed);
        var shuffled = input with
        {
            TargetPool = DrawFixtures.Shuffled(input.TargetPool, seed + 1),
            InspectorPool = DrawFixtures.Shuffled(input.InspectorPool, seed + 2),
        };

        var expected = Drg1.Run(input);
        var actual = Drg1.Run(shuffled);

        Assert.Equal((expected.TargetPoolDigest, expected.InspectorPoolDigest), (actual.TargetPoolDigest, actual.InspectorPoolDigest));
        Assert.Equal(Flatten(expected), Flatten(actual));
    }

    private static IEnumerable<string> Flatten(DrawResult result)
        => result.Selections.Select(s => $"{s.Stratum.ToStratumName()}|{s.TargetKey}|{s.Rank}|{s.Ticket}|{string.Join(',', s.Team.Select(m => m.Key))}|{s.Staffed}");
}
