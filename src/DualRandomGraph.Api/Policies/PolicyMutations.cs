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

namespace DualRandomGraph.Api.Policies;

[Authorize(Roles = Roles.Coordinator)]
public sealed class PolicyMutations
{
    /// <summary>Dates a new sampling policy for an agency; the policies before it stay as they were.</summary>
    public static async Task<SetSamplingPolicyPayload> SetSamplingPolicyAsync(
        SetSamplingPolicyInput input, [FromDbContext] AppDbContext db, [FromServices] TimeProvider clock, IResolveFieldContext context)
    {
        var agencyId = GlobalId.ParseFor(nameof(Agency), input.AgencyId);
        if (agencyId is null || !await db.Agencies.AnyAsync(a => a.Id == agencyId, context.CancellationToken))
        {
            return new SetSamplingPolicyPayload(null, [new UnknownAgencyError($"No agency has the id '{input.AgencyId}'.", input.AgencyId)]);
        }

        var before = await db.Policies.AsNoTracking().Where(p => p.AgencyId == agencyId)
            .OrderByDescending(p => p.EffectiveFrom).FirstOrDefaultAsync(context.CancellationToken) ?? new SamplingPolicy { CreatedBy = "default" };
        var policy = new SamplingPolicy
        {
            AgencyId = agencyId.Value,
            EffectiveFrom = input.EffectiveFrom,
            KeyQuarterlyRatio = input.KeyQuarterlyRatio ?? before.KeyQuarterlyRatio,
            KeyAnnualFullCoverage = input.KeyAnnualFullCoverage ?? before.KeyAnnualFullCoverage,
            SpecialQuarterlyRatio = input.SpecialQuarterlyRatio ?? before.SpecialQuarterlyRatio,
            GeneralAnnualRatio = input.GeneralAnnualRatio ?? before.GeneralAnnualRatio,
            ConstructionProjectQuarterlyRatio = input.ConstructionProjectQuarterlyRatio ?? before.ConstructionProjectQuarterlyRatio,
            IndustrialParkQuarterlyRatio = input.IndustrialParkQuarterlyRatio ?? before.IndustrialParkQuarterlyRatio,
            OfficersPerTeam = input.OfficersPerTeam ?? before.OfficersPerTeam,
            AssistantsPerTeam = input.AssistantsPerTeam ?? before.AssistantsPerTeam,
            MaxTasksPerInspector = input.MaxTasksPerInspector is { } max ? (max == 0 ? null : max) : before.MaxTasksPerInspector,
            Rotation = input.Rotation ?? before.Rotation,
            AnnualCapPerTarget = input.AnnualCapPerTarget is { } cap ? (cap == 0 ? null : cap) : before.AnnualCapPerTarget,
            Reason = InputRules.Clean(input.Reason),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = Actor.Name(context),
        };

        var errors = Validate(policy, before.Id == 0 ? null : before.EffectiveFrom);
        InputRules.LimitText(errors, "reason", input.Reason, 500);
        if (errors.Count > 0)
        {
            return new SetSamplingPolicyPayload(null, errors);
        }

        db.Policies.Add(policy);
        var raced = await DuplicateGuard.SaveAsync(
            db,
            async () => await db.Policies.AnyAsync(p => p.AgencyId == agencyId && p.EffectiveFrom == input.EffectiveFrom, context.CancellationToken)
                ? new ValidationError("effectiveFrom", $"The agency already has a policy from {input.EffectiveFrom:yyyy-MM-dd}.")
                : null,
            context.CancellationToken);
        if (raced is not null)
        {
            return new SetSamplingPolicyPayload(null, [raced]);
        }

        return new SetSamplingPolicyPayload(
            await db.Policies.AsNoTracking().FirstAsync(p => p.Id == policy.Id, context.CancellationToken), null);
    }

    private static List<IUserError> Validate(SamplingPolicy policy, DateOnly? latest)
    {
        var errors = new List<IUserError>();
        if (latest is { } previous && policy.EffectiveFrom <= previous)
        {
            errors.Add(new ValidationError("effectiveFrom", $"The policy must take effect after {previous:yyyy-MM-dd}, when the agency's latest policy took effect."));
        }

        foreach (var (field, ratio) in new[]
        {
            ("keyQuarterlyRatio", policy.KeyQuarterlyRatio),
            ("specialQuarterlyRatio", policy.SpecialQuarterlyRatio),
            ("generalAnnualRatio", policy.GeneralAnnualRatio),
            ("constructionProjectQuarterlyRatio", policy.ConstructionProjectQuarterlyRatio),
            ("industrialParkQuarterlyRatio", policy.IndustrialParkQuarterlyRatio),
        })
        {
            if (!(ratio is >= 0 and <= 1))
            {
                errors.Add(new ValidationError(field, $"{field} must be between 0 and 1."));
            }
        }

        if (policy.OfficersPerTeam is < 2 or > 10)
        {
            errors.Add(new ValidationError("officersPerTeam", "A team needs at least two certified officers (national rule) and at most ten."));
        }

        if (policy.AssistantsPerTeam is < 0 or > 10)
        {
            errors.Add(new ValidationError("assistantsPerTeam", "assistantsPerTeam must be between 0 and 10."));
        }

        if (policy.MaxTasksPerInspector is < 0)
        {
            errors.Add(new ValidationError("maxTasksPerInspector", "maxTasksPerInspector must be 1 or more (0 for unlimited)."));
        }

        if (policy.AnnualCapPerTarget is < 0)
        {
            errors.Add(new ValidationError("annualCapPerTarget", "annualCapPerTarget must be 1 or more (0 for none)."));
        }

        return errors;
    }
}
