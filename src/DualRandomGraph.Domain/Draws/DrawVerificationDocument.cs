using System.Text.Json.Serialization;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Draws;

/// <summary>
/// The downloadable verification document of a draw (DESIGN.md §3): everything needed to recompute it, and
/// nothing else. The records mirror the JSON field for field; strata and roles stay the strings of the document
/// (<c>KEY</c>, <c>OFFICER</c>, …) so that a document with an unknown name can still be read and reported on.
/// </summary>
public sealed record DrawVerificationDocument(
    string Algorithm,
    string Seed,
    string AgencyCode,
    int Year,
    int Quarter,
    IReadOnlyDictionary<string, int> Quotas,
    VerificationRules Rules,
    IReadOnlyList<VerificationTarget> TargetPool,
    IReadOnlyList<VerificationInspector> InspectorPool,
    string TargetPoolDigest,
    string InspectorPoolDigest,
    IReadOnlyList<VerificationSelection> Selections)
{
    /// <summary>
    /// The document of a draw made from <paramref name="input"/>. Pools are listed by key (ordinal) and quotas in
    /// drg-1's stratum order, so the same draw always gives the same document, whatever order the registry had.
    /// </summary>
    public static DrawVerificationDocument Create(DrawInput input, DrawResult result)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        return new DrawVerificationDocument(
            Drg1.Algorithm,
            input.Seed,
            input.AgencyCode,
            input.Year,
            input.Quarter,
            Drg1.StratumOrder.ToDictionary(s => s.ToStratumName(), input.QuotaOf),
            new VerificationRules(input.Rules.OfficersPerTeam, input.Rules.AssistantsPerTeam, input.Rules.MaxTasksPerInspector),
            input.TargetPool
                .OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => new VerificationTarget(t.Key, t.Stratum.ToStratumName(), t.PriorityGroup))
                .ToList(),
            input.InspectorPool
                .OrderBy(i => i.Key, StringComparer.Ordinal)
                .Select(i => new VerificationInspector(
                    i.Key,
                    i.Role.ToRoleName(),
                    i.ExcludedFor.Select(e => new VerificationExclusion(e.TargetKey, e.Rule)).ToList()))
                .ToList(),
            result.TargetPoolDigest,
            result.InspectorPoolDigest,
            result.Selections
                .Select(s => new VerificationSelection(
                    s.Stratum.ToStratumName(),
                    s.TargetKey,
                    s.Rank,
                    s.Ticket,
                    s.Team.Select(m => new VerificationTeamMember(m.Key, m.Role.ToRoleName(), m.Ticket)).ToList()))
                .ToList());
    }

    /// <summary>
    /// The draw input the document describes, or the reasons it cannot be recomputed (an unknown stratum or role
    /// name, or any problem <see cref="Drg1.Validate"/> finds).
    /// </summary>
    public (DrawInput? Input, IReadOnlyList<string> Problems) ToDrawInput()
    {
        var problems = new List<string>();

        TargetCategory Stratum(string name, string where)
        {
            if (TargetCategoryNames.TryParseStratumName(name, out var category))
            {
                return category;
            }

            problems.Add($"{where}: '{name}' is not a stratum.");
            return default;
        }

        InspectorRole Role(string name, string where)
        {
            if (InspectorRoleNames.TryParseRoleName(name, out var role))
            {
                return role;
            }

            problems.Add($"{where}: '{name}' is not a role (OFFICER or ASSISTANT).");
            return default;
        }

        var quotas = Quotas.ToDictionary(q => Stratum(q.Key, "quotas"), q => q.Value);
        var targets = TargetPool.Select(t => new TargetPoolMember(t.Key, Stratum(t.Stratum, $"target {t.Key}"), t.PriorityGroup)).ToList();
        var inspectors = InspectorPool
            .Select(i => new InspectorPoolMember(
                i.Key,
                Role(i.Role, $"inspector {i.Key}"),
                i.ExcludedFor.Select(e => new Exclusion(e.TargetKey, e.Rule)).ToList()))
            .ToList();
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var input = new DrawInput(
            Seed,
            AgencyCode,
            Year,
            Quarter,
            quotas,
            new TeamRules(Rules.OfficersPerTeam, Rules.AssistantsPerTeam, Rules.MaxTasksPerInspector),
            targets,
            inspectors);
        var invalid = Drg1.Validate(input);
        return invalid.Count > 0 ? (null, invalid.Select(p => p.Message).ToList()) : (input, []);
    }
}

/// <summary>The team rules of a document.</summary>
public sealed record VerificationRules(
    int OfficersPerTeam,
    int AssistantsPerTeam,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MaxTasksPerInspector = null);

/// <summary>A member of the target pool: <c>key</c>, <c>stratum</c>, <c>priorityGroup</c>.</summary>
public sealed record VerificationTarget(string Key, string Stratum, int PriorityGroup);

/// <summary>A member of the inspector pool: <c>key</c>, <c>role</c>, <c>excludedFor</c>.</summary>
public sealed record VerificationInspector(string Key, string Role, IReadOnlyList<VerificationExclusion> ExcludedFor);

/// <summary>An exclusion: <c>targetKey</c>, <c>rule</c>.</summary>
public sealed record VerificationExclusion(string TargetKey, string Rule);

/// <summary>A selection: <c>stratum</c>, <c>targetKey</c>, <c>rank</c>, <c>ticket</c>, <c>team</c>.</summary>
public sealed record VerificationSelection(string Stratum, string TargetKey, int Rank, string Ticket, IReadOnlyList<VerificationTeamMember> Team);

/// <summary>A team member: <c>key</c>, <c>role</c>, <c>ticket</c>.</summary>
public sealed record VerificationTeamMember(string Key, string Role, string Ticket);
