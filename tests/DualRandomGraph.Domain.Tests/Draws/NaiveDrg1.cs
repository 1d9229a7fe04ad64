using System.Security.Cryptography;
using System.Text;
using DualRandomGraph.Domain.Draws;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Tests.Draws;

/// <summary>
/// drg-1 written as literally as DESIGN.md §3 reads — hex strings, full sorts, no shortcuts — to check the
/// optimised implementation against on random pools. Returns (stratum, targetKey, rank, ticket, team, staffed).
/// </summary>
internal static class NaiveDrg1
{
    public static List<(string Stratum, string TargetKey, int Rank, string Ticket, List<(string Key, string Role, string Ticket)> Team, bool Staffed, List<(string Key, string Rule)> Skipped)> Run(DrawInput input)
    {
        var s = input.Seed;
        var p = $"{input.AgencyCode}/{input.Year}Q{input.Quarter}";
        string[] strata = ["KEY", "SPECIAL", "GENERAL", "CONSTRUCTION_PROJECT", "INDUSTRIAL_PARK"];
        var result = new List<(string, string, int, string, List<(string, string, string)>, bool, List<(string, string)>)>();
        var tasks = new Dictionary<string, int>();

        var selections = new List<(string Stratum, string Key, int Rank, string Ticket)>();
        foreach (var stratum in strata)
        {
            var k = input.Quotas.FirstOrDefault(q => q.Key.ToStratumName() == stratum).Value;
            var ordered = input.TargetPool
                .Where(t => t.Stratum.ToStratumName() == stratum)
                .Select(t => (t.Key, t.PriorityGroup, Ticket: Sha($"{s}|{p}/{stratum}|{t.Key}")))
                .OrderBy(t => t.PriorityGroup)
                .ThenBy(t => t.Ticket, StringComparer.Ordinal)
                .Take(k)
                .ToList();
            selections.AddRange(ordered.Select((t, i) => (stratum, t.Key, i + 1, t.Ticket)));
        }

        foreach (var (stratum, key, rank, ticket) in selections)
        {
            var team = new List<(string, string, string)>();
            var skipped = new List<(string, string)>();
            var staffed = true;
            foreach (var (role, needed) in new[] { ("OFFICER", input.Rules.OfficersPerTeam), ("ASSISTANT", input.Rules.AssistantsPerTeam) })
            {
                var taken = 0;
                foreach (var inspector in input.InspectorPool
                    .Where(i => i.Role.ToRoleName() == role)
                    .Select(i => (i.Key, i.ExcludedFor, Ticket: Sha($"{s}|{p}/TEAM/{key}|{i.Key}")))
                    .OrderBy(i => i.Ticket, StringComparer.Ordinal))
                {
                    if (taken == needed)
                    {
                        break;
                    }

                    var exclusion = inspector.ExcludedFor.FirstOrDefault(e => e.TargetKey == key);
                    var capped = input.Rules.MaxTasksPerInspector is { } max && tasks.GetValueOrDefault(inspector.Key) >= max;
                    if (exclusion is not null || capped)
                    {
                        skipped.Add((inspector.Key, exclusion?.Rule ?? "MAX_TASKS"));
                        continue;
                    }

                    team.Add((inspector.Key, role, inspector.Ticket));
                    tasks[inspector.Key] = tasks.GetValueOrDefault(inspector.Key) + 1;
                    taken++;
                }

                staffed &= taken == needed;
            }

            result.Add((stratum, key, rank, ticket, team, staffed, skipped));
        }

        return result;
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
