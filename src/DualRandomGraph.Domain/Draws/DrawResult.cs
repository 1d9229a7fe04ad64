using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Draws;

/// <summary>An inspector on a team.</summary>
/// <param name="Key">The inspector's key.</param>
/// <param name="Role">The role filled.</param>
/// <param name="Ticket">The inspector's ticket for this target (64 lower-case hex digits).</param>
public sealed record TeamMember(string Key, InspectorRole Role, string Ticket);

/// <summary>A candidate passed over while a team was formed, and the rule that passed it over.</summary>
/// <param name="Key">The inspector's key.</param>
/// <param name="Role">The role the candidate was considered for.</param>
/// <param name="Ticket">The inspector's ticket for this target.</param>
/// <param name="Rule">E.g. <see cref="SkipRules.Recusal"/>, <see cref="SkipRules.Rotation"/>, <see cref="SkipRules.MaxTasks"/>.</param>
public sealed record SkippedCandidate(string Key, InspectorRole Role, string Ticket, string Rule);

/// <summary>A drawn target with its team.</summary>
/// <param name="Stratum">The target's stratum.</param>
/// <param name="TargetKey">The target's key.</param>
/// <param name="Rank">1 for the first target drawn in its stratum, 2 for the next, ….</param>
/// <param name="Ticket">The target's ticket (64 lower-case hex digits).</param>
/// <param name="Team">Officers in ticket order, then assistants in ticket order.</param>
/// <param name="Staffed">False when the pool could not fill the team under the rules.</param>
/// <param name="Skipped">The candidates passed over before the team was full, in the order they were met.</param>
public sealed record Selection(
    TargetCategory Stratum,
    string TargetKey,
    int Rank,
    string Ticket,
    IReadOnlyList<TeamMember> Team,
    bool Staffed,
    IReadOnlyList<SkippedCandidate> Skipped);

/// <summary>The outcome of a drg-1 draw.</summary>
/// <param name="TargetPoolDigest">SHA-256 over the sorted target pool lines.</param>
/// <param name="InspectorPoolDigest">SHA-256 over the sorted inspector pool lines.</param>
/// <param name="Selections">Stratum by stratum (KEY, SPECIAL, GENERAL, CONSTRUCTION_PROJECT, INDUSTRIAL_PARK), each in rank order.</param>
public sealed record DrawResult(string TargetPoolDigest, string InspectorPoolDigest, IReadOnlyList<Selection> Selections)
{
    /// <summary>The algorithm that produced the result.</summary>
    public string Algorithm => Drg1.Algorithm;
}
