using DualRandomGraph.Domain.Draws;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Planning;

/// <summary>
/// One attempt at a plan's draw (随机抽取), stored with everything needed to recompute it: seed, scope, quotas,
/// team rules and both pools as used. What was drawn never changes; only <see cref="Status"/> moves on, from
/// <see cref="DrawStatus.Proposed"/> to <see cref="DrawStatus.Superseded"/> (a later attempt) or
/// <see cref="DrawStatus.Committed"/> (made final), with the time and person of the change.
/// </summary>
public sealed class Draw
{
    public int Id { get; init; }

    public int PlanId { get; init; }

    public SamplingPlan? Plan { get; init; }

    /// <summary>1 for the first attempt at the plan, 2 for the redraw after it, ….</summary>
    public int Attempt { get; init; }

    public DrawStatus Status { get; set; }

    /// <summary><see cref="Drg1.Algorithm"/>.</summary>
    public required string Algorithm { get; init; }

    public required string Seed { get; init; }

    /// <summary>The scope of the tickets, copied so that the draw stays verifiable if the agency is renamed.</summary>
    public required string AgencyCode { get; init; }

    public int Year { get; init; }

    public int Quarter { get; init; }

    public int PolicyId { get; init; }

    public SamplingPolicy? Policy { get; init; }

    public int OfficersPerTeam { get; init; }

    public int AssistantsPerTeam { get; init; }

    public int? MaxTasksPerInspector { get; init; }

    public required string TargetPoolDigest { get; init; }

    public required string InspectorPoolDigest { get; init; }

    /// <summary>Selections whose team the pool could not fill under the rules; such a draw cannot be committed.</summary>
    public int UnstaffedCount { get; init; }

    /// <summary>UTC.</summary>
    public DateTime DrawnAt { get; init; }

    public required string DrawnBy { get; init; }

    /// <summary>Why the plan was drawn again (required from the second attempt on).</summary>
    public string? Reason { get; init; }

    /// <summary>R4 window of the plan, as the calendar gave it at draw time.</summary>
    public DateOnly WindowStart { get; init; }

    public DateOnly WindowEnd { get; init; }

    /// <summary>Why the draw was made outside its window; null when it was made inside.</summary>
    public string? OutsideWindowReason { get; init; }

    public DateTime? SupersededAt { get; set; }

    public DateTime? CommittedAt { get; set; }

    public string? CommittedBy { get; set; }

    public List<DrawQuota> Quotas { get; init; } = [];

    public List<DrawPoolTarget> TargetPool { get; init; } = [];

    public List<DrawPoolInspector> InspectorPool { get; init; } = [];

    public List<DrawSelection> Selections { get; init; } = [];

    public List<SkippedCandidate> Skipped { get; init; } = [];
}

public enum DrawStatus
{
    /// <summary>The latest attempt, not yet committed.</summary>
    Proposed,

    /// <summary>A later attempt replaced it; kept for the record.</summary>
    Superseded,

    /// <summary>Made final: its selections became inspection tasks.</summary>
    Committed,
}

/// <summary>The quota of one stratum as computed at draw time, with the numbers behind it.</summary>
public sealed class DrawQuota
{
    public int Id { get; init; }

    public int DrawId { get; init; }

    public TargetCategory Category { get; init; }

    public int PoolSize { get; init; }

    public int AlreadyCovered { get; init; }

    public int QuartersLeft { get; init; }

    public int Quota { get; init; }

    public required string Rule { get; init; }

    /// <summary>Active targets of the stratum left out of the pool because they reached the annual cap.</summary>
    public int LeftOutAtCap { get; init; }
}

/// <summary>A member of the target pool as used: the drg-1 key, stratum and priority group.</summary>
public sealed class DrawPoolTarget
{
    public int Id { get; init; }

    public int DrawId { get; init; }

    public required string TargetKey { get; init; }

    public TargetCategory Category { get; init; }

    public int PriorityGroup { get; init; }

    /// <summary>The registry record the key was read from (for display; verification uses the key only).</summary>
    public int TargetId { get; init; }
}

/// <summary>A member of the inspector pool as used: the drg-1 key, role and exclusions.</summary>
public sealed class DrawPoolInspector
{
    public int Id { get; init; }

    public int DrawId { get; init; }

    public required string InspectorKey { get; init; }

    public InspectorRole Role { get; init; }

    public int InspectorId { get; init; }

    public List<DrawExclusion> Exclusions { get; init; } = [];
}

/// <summary>A target the pool inspector may not inspect, and the rule (recusal, rotation).</summary>
public sealed class DrawExclusion
{
    public int Id { get; init; }

    public int PoolInspectorId { get; init; }

    public required string TargetKey { get; init; }

    public required string Rule { get; init; }
}
