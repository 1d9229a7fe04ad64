using DualRandomGraph.Domain.Draws;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Planning;

/// <summary>抽中对象: a drawn target with its randomly drawn team (检查组).</summary>
public sealed class DrawSelection
{
    public int Id { get; init; }

    public int DrawId { get; init; }

    public Draw? Draw { get; init; }

    public TargetCategory Category { get; init; }

    /// <summary>1 for the first target drawn in its stratum, 2 for the next, ….</summary>
    public int Rank { get; init; }

    public required string Ticket { get; init; }

    public required string TargetKey { get; init; }

    public int TargetId { get; init; }

    public InspectionTarget? Target { get; init; }

    /// <summary>False when the pool could not fill the team under the rules.</summary>
    public bool Staffed { get; init; }

    /// <summary>Officers in ticket order, then assistants (by <see cref="TeamMember.Position"/>).</summary>
    public List<TeamMember> Team { get; init; } = [];

    /// <summary>The candidates passed over while the team was formed.</summary>
    public List<SkippedCandidate> Skipped { get; init; } = [];

    /// <summary>The task made of the selection when its draw was committed.</summary>
    public InspectionTask? Task { get; init; }
}

/// <summary>An inspector on the team of a selection.</summary>
public sealed class TeamMember
{
    public int Id { get; init; }

    public int SelectionId { get; init; }

    /// <summary>1-based place on the team: officers first, each role in ticket order.</summary>
    public int Position { get; init; }

    public required string InspectorKey { get; init; }

    public int InspectorId { get; init; }

    public Inspector? Inspector { get; init; }

    public InspectorRole Role { get; init; }

    public required string Ticket { get; init; }
}

/// <summary>A candidate passed over while a team was formed, and the rule that passed it over.</summary>
public sealed class SkippedCandidate
{
    public int Id { get; init; }

    public int DrawId { get; init; }

    public int SelectionId { get; init; }

    /// <summary>1-based order in which the team draw met the skipped candidates of the selection.</summary>
    public int Position { get; init; }

    public required string TargetKey { get; init; }

    public required string InspectorKey { get; init; }

    public int InspectorId { get; init; }

    public Inspector? Inspector { get; init; }

    /// <summary>The role the candidate was considered for.</summary>
    public InspectorRole Role { get; init; }

    public required string Ticket { get; init; }

    /// <summary><see cref="SkipRules.Recusal"/>, <see cref="SkipRules.Rotation"/> or <see cref="SkipRules.MaxTasks"/>.</summary>
    public required string Rule { get; init; }
}
