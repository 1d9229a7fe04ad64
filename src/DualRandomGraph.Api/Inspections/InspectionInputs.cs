using System.ComponentModel;
using DualRandomGraph.Domain.Inspections;
using DualRandomGraph.Domain.Planning;
using GraphQL;

namespace DualRandomGraph.Api.Inspections;

/// <summary>What an inspection found; shared by random, targeted and imported records.</summary>
public sealed record InspectionFindingsInput
{
    public required DateOnly InspectedOn { get; init; }

    public required InspectionMode Mode { get; init; }

    /// <summary>Required for OFF_SITE: the sources the check relied on.</summary>
    public IReadOnlyList<OffSiteEvidence>? Evidence { get; init; }

    /// <summary>The check items covered; for a task, its own items when omitted.</summary>
    [Id]
    public IReadOnlyList<string>? CheckItemIds { get; init; }

    public required InspectionOutcome Outcome { get; init; }

    /// <summary>情况说明; "无" when omitted or blank.</summary>
    public string? Description { get; init; }

    /// <summary>移交执法 (R8): only for PROBLEM_FOUND, and with the case reference.</summary>
    [DefaultValue(false)]
    public bool TransferredToEnforcement { get; init; }

    public string? CaseReference { get; init; }

    /// <summary>R6: who approved an on-site check of a positive-list target, and when.</summary>
    public OnSiteApprovalInput? OnSiteApproval { get; init; }
}

public sealed record OnSiteApprovalInput
{
    public required string ApprovedBy { get; init; }

    public required DateOnly ApprovedOn { get; init; }
}

public sealed record RecordInspectionInput
{
    [Id]
    public required string TaskId { get; init; }

    public required InspectionFindingsInput Findings { get; init; }
}

public sealed record AddFollowUpVisitInput
{
    [Id]
    public required string TaskId { get; init; }

    public required string Reason { get; init; }
}

public sealed record RecordTargetedInspectionInput
{
    [Id]
    public required string TargetId { get; init; }

    public required TargetedReason Reason { get; init; }

    /// <summary>The complaint, referral, incident or alert, e.g. its reference.</summary>
    public required string Basis { get; init; }

    public required InspectionFindingsInput Findings { get; init; }
}

public sealed record ImportInspectionHistoryInput
{
    [Id]
    public required string AgencyId { get; init; }

    /// <summary>Where the history comes from, e.g. the platform it was drawn on.</summary>
    public required string Source { get; init; }

    /// <summary>In the order they were recorded there: records of one day are published in this order.</summary>
    public required IReadOnlyList<ImportedInspectionInput> Records { get; init; }
}

public sealed record ImportedInspectionInput
{
    /// <summary>The target's unified social credit code in the registry.</summary>
    public required string CreditCode { get; init; }

    public required InspectionFindingsInput Findings { get; init; }
}

/// <summary>Changes the given findings and keeps the values before in the record's history.</summary>
public sealed record AmendInspectionInput
{
    [Id]
    public required string RecordId { get; init; }

    public required string Reason { get; init; }

    public int? ExpectedVersion { get; init; }

    public DateOnly? InspectedOn { get; init; }

    public InspectionOutcome? Outcome { get; init; }

    public string? Description { get; init; }

    public bool? TransferredToEnforcement { get; init; }

    public string? CaseReference { get; init; }
}
