using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Inspections;

/// <summary>
/// 检查结果: what one visit to a target found. A random record belongs to the task (one visit) it was made for;
/// targeted and imported records have no task. Corrections never overwrite silently: each is an
/// <see cref="InspectionAmendment"/> holding the values before and after, with its reason.
/// </summary>
public sealed class InspectionRecord : IVersioned
{
    public int Id { get; init; }

    public InspectionOrigin Origin { get; init; }

    public int AgencyId { get; init; }

    public Agency? Agency { get; init; }

    public int TargetId { get; init; }

    public InspectionTarget? Target { get; init; }

    /// <summary>The task (visit) of a random record; null for targeted and imported records.</summary>
    public int? TaskId { get; init; }

    public InspectionTask? Task { get; init; }

    /// <summary>Which visit of its task the record is (1 for the drawn visit); 1 for targeted and imported records.</summary>
    public int Visit { get; init; } = 1;

    /// <summary>The target's category when inspected, as the public table labels it.</summary>
    public TargetCategory Category { get; init; }

    /// <summary>Why a targeted inspection was made; null for random and imported records.</summary>
    public TargetedReason? TargetedReason { get; init; }

    /// <summary>The complaint, referral or alert behind a targeted inspection, or the source of an import.</summary>
    public string? Basis { get; init; }

    public DateOnly InspectedOn { get; set; }

    public InspectionMode Mode { get; init; }

    /// <summary>The sources an off-site check relied on; empty for an on-site check.</summary>
    public List<OffSiteEvidence> Evidence { get; init; } = [];

    public List<CheckItem> CheckItems { get; init; } = [];

    public InspectionOutcome Outcome { get; set; }

    /// <summary>情况说明; "无" when there is nothing to say.</summary>
    public required string Description { get; set; }

    /// <summary>移交执法 (R8).</summary>
    public bool TransferredToEnforcement { get; set; }

    /// <summary>The enforcement case the violation was transferred to; required when transferred.</summary>
    public string? CaseReference { get; set; }

    /// <summary>R6: who approved an on-site check of a positive-list target.</summary>
    public string? OnSiteApprovedBy { get; init; }

    public DateOnly? OnSiteApprovedOn { get; init; }

    /// <summary>UTC. Records of one day are published in the order they were recorded (then by id).</summary>
    public DateTime RecordedAt { get; init; }

    public required string RecordedBy { get; init; }

    public List<InspectionAmendment> Amendments { get; init; } = [];

    public int Version { get; set; }
}

/// <summary>A correction of a record after it was recorded: the values before and after, and why.</summary>
public sealed class InspectionAmendment
{
    public int Id { get; init; }

    public int RecordId { get; init; }

    public required string Reason { get; init; }

    /// <summary>UTC.</summary>
    public DateTime AmendedAt { get; init; }

    public required string AmendedBy { get; init; }

    public DateOnly PreviousInspectedOn { get; init; }

    public InspectionOutcome PreviousOutcome { get; init; }

    public required string PreviousDescription { get; init; }

    public bool PreviousTransferredToEnforcement { get; init; }

    public string? PreviousCaseReference { get; init; }

    public DateOnly InspectedOn { get; init; }

    public InspectionOutcome Outcome { get; init; }

    public required string Description { get; init; }

    public bool TransferredToEnforcement { get; init; }

    public string? CaseReference { get; init; }
}

public enum InspectionOrigin
{
    /// <summary>From a task of a committed draw: counts as random coverage and is published.</summary>
    Random,

    /// <summary>针对性检查: never random coverage, never in the random-check table.</summary>
    Targeted,

    /// <summary>A random check drawn outside this system, imported with the bureau's history: counts and is published.</summary>
    Imported,
}

public enum InspectionOutcome
{
    /// <summary>正常.</summary>
    Normal,

    /// <summary>发现问题.</summary>
    ProblemFound,
}

/// <summary>Why a targeted (non-random) inspection was made.</summary>
public enum TargetedReason
{
    /// <summary>投诉举报.</summary>
    Complaint,

    /// <summary>上级转办交办、其他部门移送.</summary>
    Referral,

    /// <summary>突发环境事件.</summary>
    Incident,

    /// <summary>监测发现问题线索.</summary>
    MonitoringAlert,
}

/// <summary>The sources of an off-site check (非现场检查) the seed plan names.</summary>
public enum OffSiteEvidence
{
    AutomaticMonitoring,
    PermitPlatform,
    RemoteVideo,
    SelfMonitoringData,
    EnergyData,
    Drone,
    MonitoringVehicle,
    Satellite,
}

public static class InspectionOutcomeLabels
{
    /// <summary>The 检查结果 column of the public table.</summary>
    public static string ToLabel(this InspectionOutcome outcome) => outcome switch
    {
        InspectionOutcome.Normal => "正常",
        InspectionOutcome.ProblemFound => "发现问题",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not an outcome."),
    };
}
