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

namespace DualRandomGraph.Api.Recusals;

/// <summary>
/// Recusals are declared and ended, never deleted, so a stored draw's exclusions can always be traced to one.
/// Draws already made keep the exclusions they were drawn with.
/// </summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Coordinator)]
public sealed class RecusalMutations
{
    public static async Task<DeclareRecusalPayload> DeclareRecusalAsync(
        DeclareRecusalInput input, [FromDbContext] AppDbContext db, [FromServices] TimeProvider clock, IResolveFieldContext context)
    {
        var errors = new List<IUserError>();
        var inspectorKey = GlobalId.ParseFor(nameof(Inspector), input.InspectorId);
        var inspector = inspectorKey is null ? null : await db.Inspectors.AsNoTracking().FirstOrDefaultAsync(i => i.Id == inspectorKey, context.CancellationToken);
        if (inspector is null)
        {
            errors.Add(new NotFoundError("inspectorId", input.InspectorId, $"No inspector has the id '{input.InspectorId}'."));
        }

        var targetKey = GlobalId.ParseFor(nameof(InspectionTarget), input.TargetId);
        var target = targetKey is null ? null : await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == targetKey, context.CancellationToken);
        if (target is null)
        {
            errors.Add(new NotFoundError("targetId", input.TargetId, $"No target has the id '{input.TargetId}'."));
        }

        InputRules.RequireText(errors, "reason", input.Reason, 500);
        var validFrom = input.ValidFrom ?? clock.Today();
        var periodValid = !(input.ValidTo < validFrom);
        if (!periodValid)
        {
            errors.Add(new ValidationError("validTo", "validTo must not be before validFrom."));
        }

        if (inspector is not null && target is not null && periodValid)
        {
            if (inspector.AgencyId != target.AgencyId)
            {
                errors.Add(new ValidationError("targetId", "The inspector and the target belong to different agencies; no draw would bring them together."));
            }
            else if (await db.Recusals.AnyAsync(
                r => r.InspectorId == inspector.Id && r.TargetId == target.Id && (r.ValidTo == null || r.ValidTo >= validFrom) && (input.ValidTo == null || r.ValidFrom <= input.ValidTo),
                context.CancellationToken))
            {
                errors.Add(new ValidationError("targetId", "A recusal of this inspector for this target is already valid in that period."));
            }
        }

        if (errors.Count > 0)
        {
            return new DeclareRecusalPayload(null, errors);
        }

        var recusal = new Recusal
        {
            InspectorId = inspector!.Id,
            TargetId = target!.Id,
            Reason = input.Reason.Trim(),
            ValidFrom = validFrom,
            ValidTo = input.ValidTo,
            DeclaredAt = clock.GetUtcNow().UtcDateTime,
            DeclaredBy = Actor.Name(context),
        };
        db.Recusals.Add(recusal);
        await db.SaveChangesAsync(context.CancellationToken);
        return new DeclareRecusalPayload(await ReloadAsync(db, recusal.Id, context), null);
    }

    /// <summary>Ends a recusal on a given day; it stays on record with who ended it and why.</summary>
    public static async Task<EndRecusalPayload> EndRecusalAsync(
        EndRecusalInput input, [FromDbContext] AppDbContext db, [FromServices] TimeProvider clock, IResolveFieldContext context)
    {
        var key = GlobalId.ParseFor(nameof(Recusal), input.RecusalId);
        var recusal = key is null ? null : await db.Recusals.FirstOrDefaultAsync(r => r.Id == key, context.CancellationToken);
        if (recusal is null)
        {
            return new EndRecusalPayload(null, [new NotFoundError("recusalId", input.RecusalId, $"No recusal has the id '{input.RecusalId}'.")]);
        }

        var errors = new List<IUserError>();
        if (VersionedSave.CheckExpected(recusal, input.ExpectedVersion) is { } stale)
        {
            errors.Add(stale);
        }

        InputRules.RequireText(errors, "reason", input.Reason, 500);
        var validTo = input.ValidTo ?? clock.Today();
        if (validTo < recusal.ValidFrom)
        {
            errors.Add(new ValidationError("validTo", $"validTo must not be before the recusal's validFrom, {recusal.ValidFrom:yyyy-MM-dd}."));
        }
        else if (recusal.ValidTo is { } current && validTo >= current)
        {
            errors.Add(new ValidationError("validTo", $"The recusal already ends on {current:yyyy-MM-dd}; it can only be ended earlier."));
        }

        if (errors.Count > 0)
        {
            return new EndRecusalPayload(null, errors);
        }

        recusal.ValidTo = validTo;
        recusal.EndedAt = clock.GetUtcNow().UtcDateTime;
        recusal.EndedBy = Actor.Name(context);
        recusal.EndReason = input.Reason.Trim();
        return await VersionedSave.SaveAsync(db, recusal, context.CancellationToken) is { } conflict
            ? new EndRecusalPayload(null, [conflict])
            : new EndRecusalPayload(await ReloadAsync(db, recusal.Id, context), null);
    }

    private static Task<Recusal> ReloadAsync(AppDbContext db, int id, IResolveFieldContext context)
        => db.Recusals.AsNoTracking().FirstAsync(r => r.Id == id, context.CancellationToken);
}
