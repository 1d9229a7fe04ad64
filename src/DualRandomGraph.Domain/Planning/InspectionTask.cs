using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Planning;

/// <summary>
/// 检查任务: the inspection a committed selection asks for, with its team (the selection's) and check items. One visit
/// at first; a coordinator may add follow-up visits to the drawn target, each recorded as a record of its own.
/// </summary>
public sealed class InspectionTask
{
    public int Id { get; init; }

    public int SelectionId { get; init; }

    public DrawSelection? Selection { get; init; }

    public int PlanId { get; init; }

    public SamplingPlan? Plan { get; init; }

    public int TargetId { get; init; }

    public InspectionTarget? Target { get; init; }

    /// <summary>R6: off-site for positive-list (正面清单) targets, on-site otherwise.</summary>
    public InspectionMode Mode { get; init; }

    public InspectionTaskStatus Status { get; set; }

    /// <summary>The visits due: 1, plus each follow-up visit a coordinator added (the notice counts 家次).</summary>
    public int Visits { get; set; } = 1;

    public List<FollowUpVisit> FollowUps { get; init; } = [];

    /// <summary>The plan's check items that apply to the target's category.</summary>
    public List<CheckItem> CheckItems { get; init; } = [];

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; init; }
}

public enum InspectionMode
{
    /// <summary>现场检查.</summary>
    OnSite,

    /// <summary>非现场检查: automatic monitoring, permit platform, remote video, ….</summary>
    OffSite,
}

/// <summary>The state of a task (named so as not to clash with <see cref="System.Threading.Tasks.TaskStatus"/>).</summary>
public enum InspectionTaskStatus
{
    /// <summary>Drawn and assigned to its team; a visit due has no result recorded yet.</summary>
    Assigned,

    /// <summary>Every visit due has its result recorded.</summary>
    Recorded,

    /// <summary>The recorded result was amended since (its history is kept).</summary>
    Corrected,
}

/// <summary>A further visit to a drawn target in the same quarter, added by a coordinator.</summary>
public sealed class FollowUpVisit
{
    public int Id { get; init; }

    public int TaskId { get; init; }

    /// <summary>2 for the first follow-up, 3 for the next, ….</summary>
    public int Visit { get; init; }

    public required string Reason { get; init; }

    /// <summary>UTC.</summary>
    public DateTime AddedAt { get; init; }

    public required string AddedBy { get; init; }
}
