using DualRandomGraph.Api.Common;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Domain.Inspections;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Mutations;
using DualRandomGraph.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Inspections;

/// <summary>
/// The rules every record's findings obey, whatever its origin, and the record they make. Errors name the input
/// field under the prefix given (<c>findings</c>, or <c>records[3].findings</c> in an import).
/// </summary>
internal static class InspectionFindings
{
    public const string NothingToSay = "无";

    public static void Validate(List<IUserError> errors, string field, InspectionFindingsInput findings, bool onPositiveList, DateOnly today)
    {
        if (findings.InspectedOn > today)
        {
            errors.Add(new ValidationError($"{field}.inspectedOn", $"{findings.InspectedOn:yyyy-MM-dd} is in the future."));
        }

        if (findings.Mode == InspectionMode.OffSite && findings.Evidence is not [_, ..])
        {
            errors.Add(new EvidenceRequiredError($"{field}: an off-site check names the sources it relied on (evidence)."));
        }

        if (findings.Mode == InspectionMode.OnSite && findings.Evidence is [_, ..])
        {
            errors.Add(new ValidationError($"{field}.evidence", "Evidence sources are for off-site checks."));
        }

        // R6: positive-list targets are checked off site unless the unit's responsible person approved a visit.
        if (findings.Mode == InspectionMode.OnSite && onPositiveList && findings.OnSiteApproval is null)
        {
            errors.Add(new OnSiteApprovalRequiredError($"{field}: the target is on the positive list; an on-site check needs onSiteApproval."));
        }

        if (findings.OnSiteApproval is { } approval)
        {
            InputRules.RequireText(errors, $"{field}.onSiteApproval.approvedBy", approval.ApprovedBy, 100);
            if (approval.ApprovedOn > findings.InspectedOn)
            {
                errors.Add(new ValidationError($"{field}.onSiteApproval.approvedOn", "The approval must come before the check."));
            }
        }

        ValidateOutcome(errors, field, findings.Outcome, findings.TransferredToEnforcement, findings.CaseReference);
        InputRules.LimitText(errors, $"{field}.description", findings.Description, 2000);
    }

    /// <summary>R8: only a violation is transferred to enforcement, and a transfer names its case.</summary>
    public static void ValidateOutcome(List<IUserError> errors, string field, InspectionOutcome outcome, bool transferred, string? caseReference)
    {
        if (transferred && outcome != InspectionOutcome.ProblemFound)
        {
            errors.Add(new ValidationError($"{field}.transferredToEnforcement", "Only a PROBLEM_FOUND result is transferred to enforcement."));
        }

        if (transferred && InputRules.Clean(caseReference) is null)
        {
            errors.Add(new CaseReferenceRequiredError($"{field}: a transfer to enforcement needs its caseReference."));
        }

        if (!transferred && InputRules.Clean(caseReference) is not null)
        {
            errors.Add(new ValidationError($"{field}.caseReference", "A case reference belongs to a transfer to enforcement."));
        }

        InputRules.LimitText(errors, $"{field}.caseReference", caseReference, 100);
    }

    /// <summary>The check items the ids name, or null with an error when one is unknown.</summary>
    public static async Task<List<CheckItem>?> CheckItemsAsync(
        AppDbContext db, List<IUserError> errors, string field, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var keys = ids.Select(id => GlobalId.ParseFor(nameof(CheckItem), id)).ToList();
        var found = await db.CheckItems.Where(c => keys.Contains(c.Id)).ToListAsync(cancellationToken);
        var missing = ids.Where((_, i) => keys[i] is not { } k || found.All(c => c.Id != k)).ToList();
        if (missing.Count == 0)
        {
            return found;
        }

        errors.Add(new ValidationError($"{field}.checkItemIds", $"No check item has the id(s) {string.Join(", ", missing)}."));
        return null;
    }

    public static string Description(string? description) => InputRules.Clean(description) ?? NothingToSay;

    public static InspectionRecord Create(
        InspectionFindingsInput findings, RecordSource source, InspectionTarget target, List<CheckItem> checkItems, DateTime now, string recordedBy)
        => new()
        {
            Origin = source.Origin,
            AgencyId = target.AgencyId,
            TargetId = target.Id,
            TaskId = source.TaskId,
            Visit = source.Visit,
            Category = source.Category ?? target.Category,
            TargetedReason = source.TargetedReason,
            Basis = source.Basis,
            InspectedOn = findings.InspectedOn,
            Mode = findings.Mode,
            Evidence = [.. (findings.Evidence ?? []).Distinct()],
            CheckItems = checkItems,
            Outcome = findings.Outcome,
            Description = Description(findings.Description),
            TransferredToEnforcement = findings.TransferredToEnforcement,
            CaseReference = InputRules.Clean(findings.CaseReference),
            OnSiteApprovedBy = InputRules.Clean(findings.OnSiteApproval?.ApprovedBy),
            OnSiteApprovedOn = findings.OnSiteApproval?.ApprovedOn,
            RecordedAt = now,
            RecordedBy = recordedBy,
        };
}

/// <summary>Where a record comes from: a visit of a task (with the category it was drawn in), a targeted check, or an import.</summary>
internal sealed record RecordSource(
    InspectionOrigin Origin, int? TaskId = null, int Visit = 1, TargetCategory? Category = null, TargetedReason? TargetedReason = null, string? Basis = null);
