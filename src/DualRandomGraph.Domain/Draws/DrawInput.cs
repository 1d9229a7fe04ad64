using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Draws;

/// <summary>A member of the target pool.</summary>
/// <param name="Key">The upper-case unified social credit code of the target.</param>
/// <param name="Stratum">The target's category.</param>
/// <param name="PriorityGroup">0 when the target has had no random inspection yet this calendar year, 1 otherwise
/// (always 0 in <see cref="TargetCategory.Special"/>).</param>
public sealed record TargetPoolMember(string Key, TargetCategory Stratum, int PriorityGroup);

/// <summary>A reason an inspector may not be on the team of one target.</summary>
/// <param name="TargetKey">The target.</param>
/// <param name="Rule">The rule, e.g. <see cref="SkipRules.Recusal"/> or <see cref="SkipRules.Rotation"/>.</param>
public sealed record Exclusion(string TargetKey, string Rule);

/// <summary>A member of the inspector pool.</summary>
/// <param name="Key">The enforcement certificate number, or the registry code of an auxiliary inspector.</param>
/// <param name="Role">Officer (certified) or assistant.</param>
/// <param name="ExcludedFor">The targets this inspector may not inspect, each with its rule.</param>
public sealed record InspectorPoolMember(string Key, InspectorRole Role, IReadOnlyList<Exclusion> ExcludedFor)
{
    /// <summary>An inspector without exclusions.</summary>
    public InspectorPoolMember(string key, InspectorRole role)
        : this(key, role, [])
    {
    }
}

/// <summary>How teams are formed.</summary>
/// <param name="OfficersPerTeam">Certified officers on each team (national rule: at least two inspectors per check).</param>
/// <param name="AssistantsPerTeam">Assistants on each team.</param>
/// <param name="MaxTasksPerInspector">The most teams of one draw an inspector may be on; <see langword="null"/> for no limit.</param>
public sealed record TeamRules(int OfficersPerTeam = 2, int AssistantsPerTeam = 0, int? MaxTasksPerInspector = null)
{
    /// <summary>Two officers, no assistants, no limit.</summary>
    public static TeamRules Default { get; } = new();
}

/// <summary>Everything drg-1 needs: with the same input it always gives the same result.</summary>
/// <param name="Seed">The published seed: at least 20 characters, no leading or trailing white space.</param>
/// <param name="AgencyCode">The agency's code, first part of the scope, e.g. <c>KETDZ-EPB</c>.</param>
/// <param name="Year">The plan's year.</param>
/// <param name="Quarter">The plan's quarter, 1–4.</param>
/// <param name="Quotas">k per stratum; a stratum not listed has k = 0.</param>
/// <param name="Rules">Team rules.</param>
/// <param name="TargetPool">The target pool, in any order.</param>
/// <param name="InspectorPool">The inspector pool, in any order.</param>
public sealed record DrawInput(
    string Seed,
    string AgencyCode,
    int Year,
    int Quarter,
    IReadOnlyDictionary<TargetCategory, int> Quotas,
    TeamRules Rules,
    IReadOnlyList<TargetPoolMember> TargetPool,
    IReadOnlyList<InspectorPoolMember> InspectorPool)
{
    /// <summary>The scope prefix <c>P = "{agencyCode}/{year}Q{quarter}"</c>, e.g. <c>KETDZ-EPB/2022Q3</c>.</summary>
    public string Scope => $"{AgencyCode}/{Year}Q{Quarter}";

    /// <summary>The quota of <paramref name="stratum"/>, 0 when not listed.</summary>
    public int QuotaOf(TargetCategory stratum) => Quotas.TryGetValue(stratum, out var k) ? k : 0;
}
