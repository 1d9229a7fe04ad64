using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Planning;

/// <summary>检查任务: the inspection a committed selection asks for, with its team (the selection's) and check items.</summary>
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
    /// <summary>Drawn and assigned to its team; no result recorded yet.</summary>
    Assigned,

    /// <summary>The inspection's result has been recorded.</summary>
    Recorded,
}
