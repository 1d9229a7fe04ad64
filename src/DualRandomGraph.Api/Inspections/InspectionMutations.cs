using DualRandomGraph.Api.Common;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tasks;
using DualRandomGraph.Domain.Inspections;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Publications;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Mutations;
using DualRandomGraph.GraphQL.Relay;
using DualRandomGraph.GraphQL.WebSockets;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Inspections;

/// <summary>
/// Recording what inspections found: random visits of drawn tasks, targeted checks, imported history, and
/// corrections as amendments. A payload with errors means nothing was written.
/// </summary>
public sealed class InspectionMutations
{
    /// <summary>
    /// Records the next visit due of a task, by an inspector on its team or a coordinator. The task is RECORDED once
    /// every visit due has its record.
    /// </summary>
    [Authorize(Roles = Roles.Coordinator + "," + Roles.Inspector)]
    public static async Task<RecordInspectionPayload> RecordInspectionAsync(
        RecordInspectionInput input,
        [FromDbContext] AppDbContext db,
        [FromServices] TimeProvider clock,
        [FromServices] IEventStream<InspectionRecorded> inspectionRecorded,
        IResolveFieldContext context)
    {
        var cancellationToken = context.CancellationToken;
        var key = GlobalId.ParseFor(nameof(InspectionTask), input.TaskId);

        // Read through the same rule as every query of tasks: a task the caller may not see is answered as an unknown
        // id, so the error does not tell an inspector that a task of another team exists.
        var task = key is null ? null : await db.Tasks.VisibleTo(context.User)
            .Include(t => t.Plan).Include(t => t.Target).Include(t => t.CheckItems.OrderBy(c => c.Code)).Include(t => t.Selection!.Team).ThenInclude(m => m.Inspector)
            .AsSplitQuery().FirstOrDefaultAsync(t => t.Id == key, cancellationToken);
        if (task is null)
        {
            return new RecordInspectionPayload(null, [new NotFoundError("taskId", input.TaskId, $"No task has the id '{input.TaskId}'.")]);
        }

        var subject = Caller.InspectorSubject(context.User);
        if (!Caller.SeesAllPlanning(context.User) && (subject is null || !task.Selection!.Team.Any(m => m.Inspector!.AccountSubject == subject)))
        {
            return new RecordInspectionPayload(null, [new NotOnTeamError("Only an inspector on the task's team, or a coordinator, records its inspection.")]);
        }

        var recorded = await RecordedVisitsAsync(db, task.Id, cancellationToken);
        if (recorded >= task.Visits)
        {
            return new RecordInspectionPayload(null, [AlreadyRecorded(task.Visits)]);
        }

        var errors = new List<IUserError>();
        var (first, last) = PublicationContent.QuarterDays(task.Plan!.Year, task.Plan.Quarter);
        if (input.Findings.InspectedOn < first || input.Findings.InspectedOn > last)
        {
            errors.Add(new DateOutsideQuarterError(
                $"{input.Findings.InspectedOn:yyyy-MM-dd} is outside {task.Plan.Year}Q{task.Plan.Quarter} ({first:yyyy-MM-dd} to {last:yyyy-MM-dd}).",
                input.Findings.InspectedOn,
                first,
                last));
        }

        InspectionFindings.Validate(errors, "findings", input.Findings, task.Target!.OnPositiveList, clock.Today());
        var checkItems = input.Findings.CheckItemIds is { } ids
            ? await InspectionFindings.CheckItemsAsync(db, errors, "findings", ids, cancellationToken)
            : task.CheckItems;
        if (errors.Count > 0)
        {
            return new RecordInspectionPayload(null, errors);
        }

        var record = InspectionFindings.Create(
            input.Findings,
            new RecordSource(InspectionOrigin.Random, task.Id, recorded + 1, task.Selection!.Category),
            task.Target,
            checkItems!,
            clock.GetUtcNow().UtcDateTime,
            Actor.Name(context));
        db.InspectionRecords.Add(record);
        task.Status = recorded + 1 == task.Visits ? InspectionTaskStatus.Recorded : InspectionTaskStatus.Assigned;

        // The unique (task, visit) index stops a second recording of the same visit made meanwhile.
        var raced = await DuplicateGuard.SaveAsync(
            db,
            async () => await RecordedVisitsAsync(db, task.Id, cancellationToken) > recorded ? AlreadyRecorded(task.Visits) : null,
            cancellationToken);
        if (raced is not null)
        {
            return new RecordInspectionPayload(null, [raced]);
        }

        await PublishCommittedAsync(inspectionRecorded, record);
        return new RecordInspectionPayload(await ReloadAsync(db, record.Id, cancellationToken), null);
    }

    /// <summary>Adds a further visit to a drawn target (家次): the task is ASSIGNED again until the visit is recorded.</summary>
    [Authorize(Roles = Roles.Coordinator)]
    public static async Task<AddFollowUpVisitPayload> AddFollowUpVisitAsync(
        AddFollowUpVisitInput input, [FromDbContext] AppDbContext db, [FromServices] TimeProvider clock, IResolveFieldContext context)
    {
        var key = GlobalId.ParseFor(nameof(InspectionTask), input.TaskId);
        var task = key is null ? null : await db.Tasks.Include(t => t.FollowUps).FirstOrDefaultAsync(t => t.Id == key, context.CancellationToken);
        if (task is null)
        {
            return new AddFollowUpVisitPayload(null, [new NotFoundError("taskId", input.TaskId, $"No task has the id '{input.TaskId}'.")]);
        }

        var errors = new List<IUserError>();
        InputRules.RequireText(errors, "reason", input.Reason, 500);
        if (errors.Count > 0)
        {
            return new AddFollowUpVisitPayload(null, errors);
        }

        var read = task.Visits;
        task.Visits = read + 1;
        task.Status = InspectionTaskStatus.Assigned;
        task.FollowUps.Add(new FollowUpVisit { Visit = task.Visits, Reason = input.Reason.Trim(), AddedAt = clock.GetUtcNow().UtcDateTime, AddedBy = Actor.Name(context) });
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Visits is the task's concurrency token: another follow-up was added meanwhile.
            return new AddFollowUpVisitPayload(null, [new ConcurrencyConflictError("Another visit was added to the task meanwhile; read it again.", read, read + 1)]);
        }

        return new AddFollowUpVisitPayload(
            await db.Tasks.AsNoTracking().Include(t => t.CheckItems.OrderBy(c => c.Code)).Include(t => t.FollowUps).Include(t => t.Selection!.Team).ThenInclude(m => m.Inspector)
                .AsSplitQuery().FirstAsync(t => t.Id == task.Id, context.CancellationToken),
            null);
    }

    /// <summary>Records a targeted (non-random) inspection: kept, but never random coverage nor in the public table.</summary>
    [Authorize(Roles = Roles.Coordinator + "," + Roles.Inspector)]
    public static async Task<RecordTargetedInspectionPayload> RecordTargetedInspectionAsync(
        RecordTargetedInspectionInput input,
        [FromDbContext] AppDbContext db,
        [FromServices] TimeProvider clock,
        [FromServices] IEventStream<InspectionRecorded> inspectionRecorded,
        IResolveFieldContext context)
    {
        var cancellationToken = context.CancellationToken;
        var key = GlobalId.ParseFor(nameof(InspectionTarget), input.TargetId);
        var target = key is null ? null : await db.Targets.FirstOrDefaultAsync(t => t.Id == key, cancellationToken);
        if (target is null)
        {
            return new RecordTargetedInspectionPayload(null, [new NotFoundError("targetId", input.TargetId, $"No target has the id '{input.TargetId}'.")]);
        }

        var errors = new List<IUserError>();
        InputRules.RequireText(errors, "basis", input.Basis, 500);
        InspectionFindings.Validate(errors, "findings", input.Findings, target.OnPositiveList, clock.Today());
        var checkItems = await InspectionFindings.CheckItemsAsync(db, errors, "findings", input.Findings.CheckItemIds ?? [], cancellationToken);
        if (errors.Count > 0)
        {
            return new RecordTargetedInspectionPayload(null, errors);
        }

        var record = InspectionFindings.Create(
            input.Findings,
            new RecordSource(InspectionOrigin.Targeted, TargetedReason: input.Reason, Basis: input.Basis.Trim()),
            target,
            checkItems!,
            clock.GetUtcNow().UtcDateTime,
            Actor.Name(context));
        db.InspectionRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await PublishCommittedAsync(inspectionRecorded, record);
        return new RecordTargetedInspectionPayload(await ReloadAsync(db, record.Id, cancellationToken), null);
    }

    /// <summary>
    /// Imports random checks drawn outside this system (a bureau moving here mid-year). They count as random coverage
    /// and are published like recorded ones. All or nothing; records of one day keep the order given.
    /// </summary>
    [Authorize(Roles = Roles.Admin)]
    public static async Task<ImportInspectionHistoryPayload> ImportInspectionHistoryAsync(
        ImportInspectionHistoryInput input, [FromDbContext] AppDbContext db, [FromServices] TimeProvider clock, IResolveFieldContext context)
    {
        var cancellationToken = context.CancellationToken;
        var errors = new List<IUserError>();
        var agencyId = GlobalId.ParseFor(nameof(Agency), input.AgencyId);
        if (agencyId is null || !await db.Agencies.AnyAsync(a => a.Id == agencyId, cancellationToken))
        {
            errors.Add(new UnknownAgencyError($"No agency has the id '{input.AgencyId}'.", input.AgencyId));
        }

        InputRules.RequireText(errors, "source", input.Source, 500);
        if (input.Records.Count is 0 or > MaxImport)
        {
            errors.Add(new ValidationError("records", $"An import holds 1 to {MaxImport} records."));
        }

        var codes = input.Records.Select(r => CreditCode.Normalize(r.CreditCode)).ToList();
        var targets = await db.Targets.Where(t => t.AgencyId == agencyId && codes.Contains(t.CreditCode)).ToDictionaryAsync(t => t.CreditCode, cancellationToken);
        var checkItems = await db.CheckItems.ToDictionaryAsync(c => GlobalId.Format(nameof(CheckItem), c.Id), cancellationToken);
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        var records = new List<InspectionRecord>();
        for (var i = 0; i < input.Records.Count; i++)
        {
            var (field, findings) = ($"records[{i}].findings", input.Records[i].Findings);
            if (!targets.TryGetValue(codes[i], out var target))
            {
                errors.Add(new UnknownTargetError($"The agency has no target with the credit code '{input.Records[i].CreditCode}' (records[{i}]).", input.Records[i].CreditCode, i));
                continue;
            }

            InspectionFindings.Validate(errors, field, findings, target.OnPositiveList, today);
            var unknown = (findings.CheckItemIds ?? []).Where(id => !checkItems.ContainsKey(id)).ToList();
            if (unknown.Count > 0)
            {
                errors.Add(new ValidationError($"{field}.checkItemIds", $"No check item has the id(s) {string.Join(", ", unknown)}."));
            }

            var items = (findings.CheckItemIds ?? []).Where(checkItems.ContainsKey).Distinct().Select(id => checkItems[id]).ToList();
            records.Add(InspectionFindings.Create(findings, new RecordSource(InspectionOrigin.Imported, Basis: InputRules.Clean(input.Source)), target, items, now, Actor.Name(context)));
        }

        if (errors.Count > 0)
        {
            return new ImportInspectionHistoryPayload(null, errors);
        }

        // Saved one by one in a transaction, so ids (the recording order) follow the order given.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var record in records)
        {
            db.InspectionRecords.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var ids = records.Select(r => r.Id).ToList();
        return new ImportInspectionHistoryPayload(
            await db.InspectionRecords.AsNoTracking().Include(r => r.CheckItems.OrderBy(c => c.Code)).Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync(cancellationToken),
            null);
    }

    /// <summary>
    /// Corrects a record; the values before are kept with the reason (auditors read them in <c>amendments</c>). A
    /// published table does not change: it is corrected by publishing a new revision.
    /// </summary>
    [Authorize(Roles = Roles.Coordinator)]
    public static async Task<AmendInspectionPayload> AmendInspectionAsync(
        AmendInspectionInput input, [FromDbContext] AppDbContext db, [FromServices] TimeProvider clock, IResolveFieldContext context)
    {
        var cancellationToken = context.CancellationToken;
        var key = GlobalId.ParseFor(nameof(InspectionRecord), input.RecordId);
        var record = key is null ? null : await db.InspectionRecords.Include(r => r.Task!.Plan).FirstOrDefaultAsync(r => r.Id == key, cancellationToken);
        if (record is null)
        {
            return new AmendInspectionPayload(null, [new NotFoundError("recordId", input.RecordId, $"No inspection record has the id '{input.RecordId}'.")]);
        }

        if (VersionedSave.CheckExpected(record, input.ExpectedVersion) is { } conflict)
        {
            return new AmendInspectionPayload(null, [conflict]);
        }

        var errors = new List<IUserError>();
        InputRules.RequireText(errors, "reason", input.Reason, 500);
        InputRules.LimitText(errors, "description", input.Description, 2000);
        var inspectedOn = input.InspectedOn ?? record.InspectedOn;
        var outcome = input.Outcome ?? record.Outcome;
        var description = input.Description is null ? record.Description : InspectionFindings.Description(input.Description);
        var transferred = input.TransferredToEnforcement ?? record.TransferredToEnforcement;
        var caseReference = input.CaseReference is null ? (transferred ? record.CaseReference : null) : InputRules.Clean(input.CaseReference);
        InspectionFindings.ValidateOutcome(errors, "input", outcome, transferred, caseReference);
        if (inspectedOn > clock.Today())
        {
            errors.Add(new ValidationError("inspectedOn", $"{inspectedOn:yyyy-MM-dd} is in the future."));
        }

        if (record.Task?.Plan is { } plan && PublicationContent.QuarterDays(plan.Year, plan.Quarter) is var (first, last) && (inspectedOn < first || inspectedOn > last))
        {
            errors.Add(new DateOutsideQuarterError($"{inspectedOn:yyyy-MM-dd} is outside {plan.Year}Q{plan.Quarter}.", inspectedOn, first, last));
        }

        if (errors.Count == 0 && inspectedOn == record.InspectedOn && outcome == record.Outcome && description == record.Description
            && transferred == record.TransferredToEnforcement && caseReference == record.CaseReference)
        {
            errors.Add(new ValidationError("input", "The amendment changes nothing."));
        }

        if (errors.Count > 0)
        {
            return new AmendInspectionPayload(null, errors);
        }

        record.Amendments.Add(new InspectionAmendment
        {
            Reason = input.Reason.Trim(),
            AmendedAt = clock.GetUtcNow().UtcDateTime,
            AmendedBy = Actor.Name(context),
            PreviousInspectedOn = record.InspectedOn,
            PreviousOutcome = record.Outcome,
            PreviousDescription = record.Description,
            PreviousTransferredToEnforcement = record.TransferredToEnforcement,
            PreviousCaseReference = record.CaseReference,
            InspectedOn = inspectedOn,
            Outcome = outcome,
            Description = description,
            TransferredToEnforcement = transferred,
            CaseReference = caseReference,
        });
        (record.InspectedOn, record.Outcome, record.Description, record.TransferredToEnforcement, record.CaseReference) = (inspectedOn, outcome, description, transferred, caseReference);
        if (record.Task is { } task)
        {
            task.Status = InspectionTaskStatus.Corrected;
        }

        return await VersionedSave.SaveAsync(db, record, cancellationToken) is { } raced
            ? new AmendInspectionPayload(null, [raced])
            : new AmendInspectionPayload(await ReloadAsync(db, record.Id, cancellationToken), null);
    }

    private const int MaxImport = 5000;

    /// <summary>
    /// Tells subscribers of a record once it is committed. Not cancelled with the request: the record exists whether or
    /// not the caller is still waiting for its answer, and a subscriber must not miss it.
    /// </summary>
    private static ValueTask PublishCommittedAsync(IEventStream<InspectionRecorded> inspectionRecorded, InspectionRecord record)
        => inspectionRecorded.PublishAsync(new InspectionRecorded(record.AgencyId, record.Id), CancellationToken.None);

    private static Task<int> RecordedVisitsAsync(AppDbContext db, int taskId, CancellationToken cancellationToken)
        => db.InspectionRecords.CountAsync(r => r.TaskId == taskId, cancellationToken);

    private static TaskAlreadyRecordedError AlreadyRecorded(int visits)
        => new($"Every visit due ({visits}) is recorded; amend a record, or add a follow-up visit.", visits);

    private static Task<InspectionRecord> ReloadAsync(AppDbContext db, int id, CancellationToken cancellationToken)
        => db.InspectionRecords.AsNoTracking().Include(r => r.CheckItems.OrderBy(c => c.Code)).Include(r => r.Amendments.OrderBy(a => a.Id))
            .AsSplitQuery().FirstAsync(r => r.Id == id, cancellationToken);
}
