using DualRandomGraph.Api.Common;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Mutations;
using DualRandomGraph.GraphQL.Relay;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Targets;

/// <summary>Registry changes for targets. A payload with errors means nothing was written.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class TargetMutations
{
    public static async Task<CreateTargetPayload> CreateTargetAsync(
        CreateTargetInput input, [FromDbContext] AppDbContext db, [FromServices] TimeProvider clock, IResolveFieldContext context)
    {
        var errors = new List<IUserError>();
        var creditCode = CreditCode.Normalize(input.CreditCode);
        if (CreditCode.Validate(creditCode) is { } problem)
        {
            errors.Add(new InvalidCreditCodeError(problem.Message, input.CreditCode, problem.Kind.ToString(), problem.ExpectedCheckCharacter?.ToString()));
        }

        InputRules.RequireText(errors, "name", input.Name, 200);
        ValidateDetails(errors, input.Address, input.Industry, input.PermitNumber, input.PollutantTypes, input.ProductionScale, input.ProductionCycle);
        var region = await FindRegionAsync(db, input.RegionId, errors, context.CancellationToken);
        var agencyId = GlobalId.ParseFor(nameof(Agency), input.AgencyId);
        if (agencyId is null || !await db.Agencies.AnyAsync(a => a.Id == agencyId, context.CancellationToken))
        {
            errors.Add(new UnknownAgencyError($"No agency has the id '{input.AgencyId}'.", input.AgencyId));
        }

        if (errors.Count == 0 && await db.Targets.AnyAsync(t => t.CreditCode == creditCode, context.CancellationToken))
        {
            errors.Add(Duplicate(creditCode));
        }

        if (errors.Count > 0)
        {
            return new CreateTargetPayload(null, errors);
        }

        var target = new InspectionTarget
        {
            CreditCode = creditCode,
            Name = input.Name.Trim(),
            Category = input.Category,
            RegionId = region!.Id,
            AgencyId = agencyId!.Value,
            Address = InputRules.Clean(input.Address),
            Industry = InputRules.Clean(input.Industry),
            PermitNumber = InputRules.Clean(input.PermitNumber),
            PollutantTypes = InputRules.CleanList(input.PollutantTypes),
            ProductionScale = InputRules.Clean(input.ProductionScale),
            ProductionCycle = InputRules.Clean(input.ProductionCycle),
            OnPositiveList = input.OnPositiveList,
            CategoryHistory = [new TargetCategoryChange { Category = input.Category, EffectiveFrom = input.CategoryEffectiveFrom ?? clock.Today(), Reason = "登记" }],
        };
        db.Targets.Add(target);
        var raced = await DuplicateGuard.SaveAsync(
            db,
            async () => await db.Targets.AnyAsync(t => t.CreditCode == creditCode, context.CancellationToken) ? Duplicate(creditCode) : null,
            context.CancellationToken);
        if (raced is not null)
        {
            return new CreateTargetPayload(null, [raced]);
        }

        return new CreateTargetPayload(await ReloadAsync(db, target.Id, context), null);
    }

    public static async Task<UpdateTargetPayload> UpdateTargetAsync(UpdateTargetInput input, [FromDbContext] AppDbContext db, IResolveFieldContext context)
    {
        var target = await FindTargetAsync(db, input.Id, context.CancellationToken);
        if (target is null)
        {
            return new UpdateTargetPayload(null, [TargetNotFound(nameof(input.Id), input.Id)]);
        }

        var errors = new List<IUserError>();
        if (VersionedSave.CheckExpected(target, input.ExpectedVersion) is { } stale)
        {
            errors.Add(stale);
        }

        if (input.Name is not null)
        {
            InputRules.RequireText(errors, "name", input.Name, 200);
        }

        ValidateDetails(errors, input.Address, input.Industry, input.PermitNumber, input.PollutantTypes, input.ProductionScale, input.ProductionCycle);
        var region = input.RegionId is null ? null : await FindRegionAsync(db, input.RegionId, errors, context.CancellationToken);
        if (errors.Count > 0)
        {
            return new UpdateTargetPayload(null, errors);
        }

        target.Name = input.Name?.Trim() ?? target.Name;
        target.RegionId = region?.Id ?? target.RegionId;
        target.Address = input.Address is null ? target.Address : InputRules.Clean(input.Address);
        target.Industry = input.Industry is null ? target.Industry : InputRules.Clean(input.Industry);
        target.PermitNumber = input.PermitNumber is null ? target.PermitNumber : InputRules.Clean(input.PermitNumber);
        target.PollutantTypes = input.PollutantTypes is null ? target.PollutantTypes : InputRules.CleanList(input.PollutantTypes);
        target.ProductionScale = input.ProductionScale is null ? target.ProductionScale : InputRules.Clean(input.ProductionScale);
        target.ProductionCycle = input.ProductionCycle is null ? target.ProductionCycle : InputRules.Clean(input.ProductionCycle);
        target.OnPositiveList = input.OnPositiveList ?? target.OnPositiveList;
        return await VersionedSave.SaveAsync(db, target, context.CancellationToken) is { } conflict
            ? new UpdateTargetPayload(null, [conflict])
            : new UpdateTargetPayload(await ReloadAsync(db, target.Id, context), null);
    }

    public static async Task<ChangeTargetCategoryPayload> ChangeTargetCategoryAsync(
        ChangeTargetCategoryInput input, [FromDbContext] AppDbContext db, IResolveFieldContext context)
    {
        var target = await FindTargetAsync(db, input.TargetId, context.CancellationToken);
        if (target is null)
        {
            return new ChangeTargetCategoryPayload(null, [TargetNotFound(nameof(input.TargetId), input.TargetId)]);
        }

        var errors = new List<IUserError>();
        InputRules.RequireText(errors, "reason", input.Reason, 500);
        var previous = await db.Set<TargetCategoryChange>().Where(c => c.TargetId == target.Id)
            .OrderByDescending(c => c.EffectiveFrom).FirstAsync(context.CancellationToken);
        if (input.EffectiveFrom <= previous.EffectiveFrom)
        {
            errors.Add(new CategoryChangeOutOfOrderError(
                $"The change must take effect after {previous.EffectiveFrom:yyyy-MM-dd}, when the previous category took effect.",
                input.EffectiveFrom,
                previous.EffectiveFrom));
        }

        if (input.Category == target.Category)
        {
            errors.Add(new ValidationError("category", $"The target is already in category {input.Category.ToStratumName()}."));
        }

        if (errors.Count > 0)
        {
            return new ChangeTargetCategoryPayload(null, errors);
        }

        target.Category = input.Category;
        db.Add(new TargetCategoryChange { TargetId = target.Id, Category = input.Category, EffectiveFrom = input.EffectiveFrom, Reason = input.Reason.Trim() });
        return await VersionedSave.SaveAsync(db, target, context.CancellationToken) is { } conflict
            ? new ChangeTargetCategoryPayload(null, [conflict])
            : new ChangeTargetCategoryPayload(await ReloadAsync(db, target.Id, context), null);
    }

    public static async Task<RetireTargetPayload> RetireTargetAsync(
        RetireTargetInput input, [FromDbContext] AppDbContext db, [FromServices] TimeProvider clock, IResolveFieldContext context)
    {
        var target = await FindTargetAsync(db, input.TargetId, context.CancellationToken);
        if (target is null)
        {
            return new RetireTargetPayload(null, [TargetNotFound(nameof(input.TargetId), input.TargetId)]);
        }

        var errors = new List<IUserError>();
        InputRules.RequireText(errors, "reason", input.Reason, 500);
        if (input.Status == TargetStatus.Active)
        {
            errors.Add(new ValidationError("status", "A target is retired as SUSPENDED or CLOSED."));
        }
        else if (target.Status == input.Status)
        {
            errors.Add(new ValidationError("status", $"The target is already {input.Status.ToString().ToUpperInvariant()}."));
        }
        else if (target.Status == TargetStatus.Closed)
        {
            errors.Add(new ValidationError("status", "A closed target cannot be suspended."));
        }

        if (errors.Count > 0)
        {
            return new RetireTargetPayload(null, errors);
        }

        target.Status = input.Status;
        db.Add(new TargetStatusChange { TargetId = target.Id, Status = input.Status, EffectiveFrom = input.EffectiveFrom ?? clock.Today(), Reason = input.Reason.Trim() });
        return await VersionedSave.SaveAsync(db, target, context.CancellationToken) is { } conflict
            ? new RetireTargetPayload(null, [conflict])
            : new RetireTargetPayload(await ReloadAsync(db, target.Id, context), null);
    }

    private static void ValidateDetails(
        List<IUserError> errors, string? address, string? industry, string? permitNumber,
        IReadOnlyList<string>? pollutantTypes, string? productionScale, string? productionCycle)
    {
        InputRules.LimitText(errors, "address", address, 500);
        InputRules.LimitText(errors, "industry", industry, 100);
        InputRules.LimitText(errors, "permitNumber", permitNumber, 64);
        InputRules.LimitText(errors, "productionScale", productionScale, 200);
        InputRules.LimitText(errors, "productionCycle", productionCycle, 200);
        InputRules.LimitList(errors, "pollutantTypes", pollutantTypes, 50, 100);
    }

    private static async Task<Region?> FindRegionAsync(AppDbContext db, string id, List<IUserError> errors, CancellationToken cancellationToken)
    {
        var key = GlobalId.ParseFor(nameof(Region), id);
        var region = key is null ? null : await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == key, cancellationToken);
        if (region is null)
        {
            errors.Add(new UnknownRegionError($"No region has the id '{id}'.", id));
        }

        return region;
    }

    private static async Task<InspectionTarget?> FindTargetAsync(AppDbContext db, string id, CancellationToken cancellationToken)
    {
        var key = GlobalId.ParseFor(nameof(InspectionTarget), id);
        return key is null ? null : await db.Targets.FirstOrDefaultAsync(t => t.Id == key, cancellationToken);
    }

    private static Task<InspectionTarget> ReloadAsync(AppDbContext db, int id, IResolveFieldContext context)
        => db.Targets.WithDetails().FirstAsync(t => t.Id == id, context.CancellationToken);

    private static NotFoundError TargetNotFound(string field, string id)
        => new(char.ToLowerInvariant(field[0]) + field[1..], id, $"No target has the id '{id}'.");

    private static DuplicateCreditCodeError Duplicate(string creditCode)
        => new($"A target with credit code {creditCode} is already registered.", creditCode);
}
