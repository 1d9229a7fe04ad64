using DualRandomGraph.Api.Common;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Mutations;
using DualRandomGraph.GraphQL.Relay;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Plans;

/// <summary>Plans are prepared and published by coordinators. A payload with errors means nothing was written.</summary>
[Authorize(Roles = Roles.Coordinator)]
public sealed class PlanMutations
{
    public static async Task<CreatePlanPayload> CreatePlanAsync(
        CreatePlanInput input, [FromDbContext] AppDbContext db, [FromServices] TimeProvider clock, IResolveFieldContext context)
    {
        var errors = new List<IUserError>();
        var agencyId = GlobalId.ParseFor(nameof(Agency), input.AgencyId);
        if (agencyId is null || !await db.Agencies.AnyAsync(a => a.Id == agencyId, context.CancellationToken))
        {
            errors.Add(new UnknownAgencyError($"No agency has the id '{input.AgencyId}'.", input.AgencyId));
        }

        if (input.Year is < 2000 or > 2100)
        {
            errors.Add(new ValidationError("year", "The year must be between 2000 and 2100."));
        }

        if (input.Quarter is < 1 or > 4)
        {
            errors.Add(new ValidationError("quarter", "The quarter must be 1, 2, 3 or 4."));
        }

        var checkItems = await CheckItemsAsync(db, input.CheckItemIds, errors, context.CancellationToken);
        if (errors.Count > 0)
        {
            return new CreatePlanPayload(null, errors);
        }

        if (await db.Plans.AnyAsync(p => p.AgencyId == agencyId && p.Year == input.Year && p.Quarter == input.Quarter, context.CancellationToken))
        {
            return new CreatePlanPayload(null, [Duplicate(input.Year, input.Quarter)]);
        }

        var policy = await PolicyInForceAsync(db, agencyId!.Value, input.Year, input.Quarter, context.CancellationToken);
        if (policy is null)
        {
            return new CreatePlanPayload(null, [NoPolicy(input.Year, input.Quarter)]);
        }

        var plan = new SamplingPlan
        {
            AgencyId = agencyId.Value,
            Year = input.Year,
            Quarter = input.Quarter,
            Status = PlanStatus.Draft,
            PolicyId = policy.Id,
            CheckItems = checkItems,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = Actor.Name(context),
        };
        db.Plans.Add(plan);
        var raced = await DuplicateGuard.SaveAsync(
            db,
            async () => await db.Plans.AnyAsync(p => p.AgencyId == agencyId && p.Year == input.Year && p.Quarter == input.Quarter, context.CancellationToken)
                ? Duplicate(input.Year, input.Quarter)
                : null,
            context.CancellationToken);
        return raced is null ? new CreatePlanPayload(await ReloadAsync(db, plan.Id, context), null) : new CreatePlanPayload(null, [raced]);
    }

    /// <summary>
    /// Publishes the plan beforehand (事前公开): from now on it is public with its policy and check items, and it can
    /// be drawn. The policy is fixed here, as the one in force on the quarter's first day.
    /// </summary>
    public static async Task<PublishPlanPayload> PublishPlanAsync(
        PublishPlanInput input, [FromDbContext] AppDbContext db, [FromServices] TimeProvider clock, IResolveFieldContext context)
    {
        var key = GlobalId.ParseFor(nameof(SamplingPlan), input.PlanId);
        var plan = key is null ? null : await db.Plans.FirstOrDefaultAsync(p => p.Id == key, context.CancellationToken);
        if (plan is null)
        {
            return new PublishPlanPayload(null, [new NotFoundError("planId", input.PlanId, $"No plan has the id '{input.PlanId}'.")]);
        }

        if (plan.Status != PlanStatus.Draft)
        {
            return new PublishPlanPayload(null, [new PlanNotDraftError($"The plan is {plan.Status.ToString().ToUpperInvariant()} already; only a draft is published.", plan.Status)]);
        }

        var policy = await PolicyInForceAsync(db, plan.AgencyId, plan.Year, plan.Quarter, context.CancellationToken);
        if (policy is null)
        {
            return new PublishPlanPayload(null, [NoPolicy(plan.Year, plan.Quarter)]);
        }

        plan.PolicyId = policy.Id;
        plan.Status = PlanStatus.Published;
        plan.PublishedAt = clock.GetUtcNow().UtcDateTime;
        plan.PublishedBy = Actor.Name(context);
        return await VersionedSave.SaveAsync(db, plan, context.CancellationToken) is { } conflict
            ? new PublishPlanPayload(null, [conflict])
            : new PublishPlanPayload(await ReloadAsync(db, plan.Id, context), null);
    }

    /// <summary>The agency's latest policy that takes effect on or before the quarter's first day.</summary>
    internal static Task<SamplingPolicy?> PolicyInForceAsync(AppDbContext db, int agencyId, int year, int quarter, CancellationToken cancellationToken)
    {
        var quarterStart = QuarterStart(year, quarter);
        return db.Policies.AsNoTracking()
            .Where(p => p.AgencyId == agencyId && p.EffectiveFrom <= quarterStart)
            .OrderByDescending(p => p.EffectiveFrom)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<List<CheckItem>> CheckItemsAsync(AppDbContext db, IReadOnlyList<string>? ids, List<IUserError> errors, CancellationToken cancellationToken)
    {
        if (ids is null)
        {
            return await db.CheckItems.Where(c => !c.Retired).OrderBy(c => c.Code).ToListAsync(cancellationToken);
        }

        var keys = ids.Select(id => GlobalId.ParseFor(nameof(CheckItem), id)).ToList();
        var found = await db.CheckItems.Where(c => keys.Contains(c.Id) && !c.Retired).ToListAsync(cancellationToken);
        var missing = ids.Where((_, i) => keys[i] is not { } k || found.All(c => c.Id != k)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ValidationError("checkItemIds", $"No check item in force has the id(s) {string.Join(", ", missing)}."));
        }
        else if (found.Count == 0)
        {
            errors.Add(new ValidationError("checkItemIds", "A plan needs at least one check item."));
        }

        return found;
    }

    private static DateOnly QuarterStart(int year, int quarter) => new(year, ((quarter - 1) * 3) + 1, 1);

    private static DuplicatePlanError Duplicate(int year, int quarter)
        => new($"The agency already has a plan for {year}Q{quarter}.", year, quarter);

    private static NoSamplingPolicyError NoPolicy(int year, int quarter)
        => new($"No sampling policy of the agency is in force on {QuarterStart(year, quarter):yyyy-MM-dd}; set one with setSamplingPolicy.", QuarterStart(year, quarter));

    private static Task<SamplingPlan> ReloadAsync(AppDbContext db, int id, IResolveFieldContext context)
        => db.Plans.AsNoTracking().Include(p => p.CheckItems.OrderBy(c => c.Code)).FirstAsync(p => p.Id == id, context.CancellationToken);
}
