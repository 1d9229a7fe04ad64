using System.Data.Common;
using DualRandomGraph.Api.Calendar;
using DualRandomGraph.Api.Common;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Calendar;
using DualRandomGraph.Domain.Draws;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Mutations;
using DualRandomGraph.GraphQL.Relay;
using DualRandomGraph.GraphQL.WebSockets;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Draws;

/// <summary>
/// The draw (R7: made by the system, for targets and inspectors alike) and its commitment. Every attempt is stored
/// and never changed; a payload with errors means nothing was written.
/// </summary>
[Authorize(Roles = Roles.Coordinator)]
public sealed class DrawMutations
{
    /// <summary>
    /// Draws a published plan with drg-1 from the given seed and the registries as they stand, and stores the attempt
    /// whole. A second attempt needs a reason and supersedes the first, which stays on record.
    /// </summary>
    public static async Task<DrawPlanPayload> DrawPlanAsync(
        DrawPlanInput input, [FromDbContext] AppDbContext db, [FromServices] CalendarSource calendars, [FromServices] TimeProvider clock, IResolveFieldContext context)
    {
        var cancellationToken = context.CancellationToken;
        var key = GlobalId.ParseFor(nameof(SamplingPlan), input.PlanId);
        var plan = key is null ? null : await db.Plans.AsNoTracking().Include(p => p.Agency).Include(p => p.Policy).FirstOrDefaultAsync(p => p.Id == key, cancellationToken);
        if (plan is null)
        {
            return Failed(new NotFoundError("planId", input.PlanId, $"No plan has the id '{input.PlanId}'."));
        }

        if (plan.Status == PlanStatus.Draft)
        {
            return Failed(new PlanNotPublishedError("The plan is a draft; publish it (事前公开) before drawing it.", plan.Status));
        }

        if (await CommittedDrawIdAsync(db, plan.Id, cancellationToken) is { } committed)
        {
            return Failed(AlreadyCommitted(committed));
        }

        var errors = new List<IUserError>();
        if (Drg1.ValidateSeed(input.Seed) is { } seedProblem)
        {
            errors.Add(seedProblem.Kind == DrawProblemKind.SeedTooShort
                ? new SeedTooShortError(seedProblem.Message, input.Seed.EnumerateRunes().Count(), Drg1.MinimumSeedLength)
                : new ValidationError("seed", seedProblem.Message));
        }

        InputRules.LimitText(errors, "seed", input.Seed, 500);
        InputRules.LimitText(errors, "reason", input.Reason, 500);
        InputRules.LimitText(errors, "outsideWindowReason", input.OutsideWindowReason, 500);
        var window = PlansWindow(await calendars.GetAsync(cancellationToken), plan, errors);
        var today = clock.Today();
        var outsideWindowReason = window is null || window.Contains(today) ? null : InputRules.Clean(input.OutsideWindowReason);
        if (window is not null && !window.Contains(today) && outsideWindowReason is null)
        {
            errors.Add(new DrawWindowClosedError(
                $"The draw window of {plan.Year}Q{plan.Quarter} is {window} and today is {today:yyyy-MM-dd}; give outsideWindowReason to draw anyway.",
                window.First,
                window.Last,
                today));
        }

        var attempts = await db.Draws.CountAsync(d => d.PlanId == plan.Id, cancellationToken);
        var reason = InputRules.Clean(input.Reason);
        if (attempts > 0 && reason is null)
        {
            errors.Add(new RedrawReasonRequiredError($"The plan was drawn {attempts} time(s) before; a new attempt needs a reason.", attempts));
        }

        if (errors.Count > 0)
        {
            return new DrawPlanPayload(null, errors);
        }

        var policy = plan.Policy!;
        var pools = await DrawPools.ReadAsync(db, plan, policy, cancellationToken);
        if (PoolProblem(pools, policy) is { } poolProblem)
        {
            return Failed(poolProblem);
        }

        var drawInput = new DrawInput(input.Seed, plan.Agency!.Code, plan.Year, plan.Quarter, pools.QuotaByStratum, policy.ToTeamRules(), pools.Targets, pools.Inspectors);
        if (Drg1.Validate(drawInput) is [_, ..] problems)
        {
            // Registry data drg-1 cannot take (e.g. a '|' in a certificate number): say which, rather than fail.
            return new DrawPlanPayload(null, [.. problems.Select(p => new ValidationError("registry", p.Message))]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var attempt = new DrawAttempt(plan, policy, attempts + 1, now, Actor.Name(context), reason, window!, outsideWindowReason);
        var draw = DrawRecords.Create(attempt, pools, drawInput, Drg1.Run(drawInput));

        // One transaction holding the plan's lock, in every server process, so the checks inside it see what the
        // writes will write over. The unique (plan, attempt) index stops a concurrent attempt with the same number.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await DatabaseLocks.LockPlanAsync(db, plan.Id, cancellationToken);
            if (await CommittedDrawIdAsync(db, plan.Id, cancellationToken) is { } committedMeanwhile)
            {
                return Failed(AlreadyCommitted(committedMeanwhile));
            }

            if (await db.Draws.CountAsync(d => d.PlanId == plan.Id, cancellationToken) is var attemptsNow && attemptsNow != attempts)
            {
                return Failed(new ConcurrencyConflictError("Another attempt at the plan was recorded meanwhile; look at it before drawing again.", attempts, attemptsNow));
            }

            await db.Draws.Where(d => d.PlanId == plan.Id && d.Status == DrawStatus.Proposed)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DrawStatus.Superseded).SetProperty(d => d.SupersededAt, now), cancellationToken);

            try
            {
                await DrawRecords.InsertAsync(db, draw, cancellationToken);
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(cancellationToken);
                var latest = await db.Draws.Where(d => d.PlanId == plan.Id).MaxAsync(d => (int?)d.Attempt, cancellationToken) ?? 0;
                return Failed(new ConcurrencyConflictError("Another attempt at the plan was recorded meanwhile; look at it before drawing again.", attempts, latest));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return new DrawPlanPayload(await DrawLoading.LoadAsync(db, draw.Id, cancellationToken), null);
    }

    /// <summary>
    /// Makes a draw final: the plan becomes DRAWN and each selection an inspection task with its team and the plan's
    /// check items for its category, off-site for positive-list targets (R6). Of two concurrent commits for one plan
    /// exactly one succeeds; the database decides.
    /// </summary>
    public static async Task<CommitDrawPayload> CommitDrawAsync(
        CommitDrawInput input,
        [FromDbContext] AppDbContext db,
        [FromServices] TimeProvider clock,
        [FromServices] IEventStream<DrawCommitted> drawCommitted,
        IResolveFieldContext context)
    {
        var cancellationToken = context.CancellationToken;
        var key = GlobalId.ParseFor(nameof(Draw), input.DrawId);
        var draw = key is null ? null : await db.Draws.AsNoTracking().Include(d => d.Selections).ThenInclude(s => s.Target)
            .AsSplitQuery().FirstOrDefaultAsync(d => d.Id == key, cancellationToken);
        if (draw is null)
        {
            return new CommitDrawPayload(null, [new NotFoundError("drawId", input.DrawId, $"No draw has the id '{input.DrawId}'.")]);
        }

        if (await CommitProblemAsync(db, draw, cancellationToken) is { } problem)
        {
            return new CommitDrawPayload(null, [problem]);
        }

        var plan = await db.Plans.Include(p => p.CheckItems).FirstAsync(p => p.Id == draw.PlanId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The plan's lock first, then conditional updates: whichever commit (or draw) comes second finds nothing
            // left to change and stops here. The filtered unique index on committed draws backs this up for any
            // other path to the table.
            await DatabaseLocks.LockPlanAsync(db, draw.PlanId, cancellationToken);
            var committed = await db.Draws.Where(d => d.Id == draw.Id && d.Status == DrawStatus.Proposed)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DrawStatus.Committed).SetProperty(d => d.CommittedAt, now).SetProperty(d => d.CommittedBy, Actor.Name(context)), cancellationToken);
            var drawn = committed == 1 && await db.Plans.Where(p => p.Id == plan.Id && p.Status == PlanStatus.Published)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PlanStatus.Drawn).SetProperty(p => p.Version, p => p.Version + 1), cancellationToken) == 1;
            if (!drawn)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new CommitDrawPayload(null, [await CommitProblemAsync(db, draw, cancellationToken) ?? AlreadyCommitted(draw.Id)]);
            }

            try
            {
                var tasks = draw.Selections.OrderBy(s => s.Id).Select(s => DrawRecords.TaskFor(s, s.Target!.OnPositiveList, plan, now)).ToList();
                await DrawRecords.InsertTasksAsync(db, tasks, cancellationToken);
            }
            catch (DbException)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new CommitDrawPayload(null, [AlreadyCommitted(await CommittedDrawIdAsync(db, plan.Id, cancellationToken) ?? draw.Id)]);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // Not cancelled with the request: the draw is committed whether or not the caller still waits for the answer.
        await drawCommitted.PublishAsync(new DrawCommitted(plan.AgencyId, draw.Id), CancellationToken.None);
        return new CommitDrawPayload(await DrawLoading.LoadAsync(db, draw.Id, cancellationToken), null);
    }

    private static DrawPlanPayload Failed(IUserError error) => new(null, [error]);

    private static DrawAlreadyCommittedError AlreadyCommitted(int drawId)
        => new("The plan has a committed draw; it is final.", GlobalId.Format(nameof(Draw), drawId));

    private static Task<int?> CommittedDrawIdAsync(AppDbContext db, int planId, CancellationToken cancellationToken)
        => db.Draws.Where(d => d.PlanId == planId && d.Status == DrawStatus.Committed).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Why <paramref name="draw"/> cannot be committed as things stand in the database, or null.</summary>
    private static async Task<IUserError?> CommitProblemAsync(AppDbContext db, Draw draw, CancellationToken cancellationToken)
    {
        if (await CommittedDrawIdAsync(db, draw.PlanId, cancellationToken) is { } committed)
        {
            return AlreadyCommitted(committed);
        }

        var latest = await db.Draws.Where(d => d.PlanId == draw.PlanId).MaxAsync(d => d.Attempt, cancellationToken);
        if (latest != draw.Attempt)
        {
            return new DrawSupersededError($"Attempt {draw.Attempt} was superseded by attempt {latest}; commit the latest attempt.", draw.Attempt, latest);
        }

        if (draw.UnstaffedCount > 0)
        {
            var keys = draw.Selections.Where(s => !s.Staffed).Select(s => s.TargetKey).ToList();
            return new UnstaffedSelectionsError($"{keys.Count} selection(s) have no full team; add inspectors or change the policy, then draw again.", keys);
        }

        return null;
    }

    /// <summary>The plan's window, or null with an error when the calendar lacks its year.</summary>
    private static DateRange? PlansWindow(WorkingDayCalendar calendar, SamplingPlan plan, List<IUserError> errors)
    {
        try
        {
            return calendar.DrawWindowFor(plan.Year, plan.Quarter);
        }
        catch (CalendarYearNotCoveredException e)
        {
            errors.Add(new CalendarYearNotCoveredError(e.Message, e.Year));
            return null;
        }
    }

    private static IUserError? PoolProblem(DrawPools pools, SamplingPolicy policy)
    {
        if (pools.TotalQuota == 0)
        {
            return new EmptyPoolError(
                pools.Targets.Count == 0 ? "The agency has no active target to draw from." : "The quotas over the pool add up to zero: nothing is due this quarter.",
                pools.Targets.Count);
        }

        return pools.Officers < policy.OfficersPerTeam || pools.Assistants < policy.AssistantsPerTeam
            ? new InspectorPoolTooSmallError(
                $"A team needs {policy.OfficersPerTeam} officer(s) and {policy.AssistantsPerTeam} assistant(s); the pool has {pools.Officers} and {pools.Assistants}.",
                policy.OfficersPerTeam,
                pools.Officers,
                policy.AssistantsPerTeam,
                pools.Assistants)
            : null;
    }
}
