using DualRandomGraph.Domain.Draws;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.Domain.Sampling;

namespace DualRandomGraph.Domain.Planning;

/// <summary>
/// An agency's sampling rules from <see cref="EffectiveFrom"/> on: the minimum ratios (defaults: the seed plan's,
/// R1–R3) and how teams are formed. Rows are never changed: a change is a new row with a later date, so a plan
/// that points at a policy keeps exactly the rules it was drawn under.
/// </summary>
public sealed class SamplingPolicy
{
    public int Id { get; init; }

    public int AgencyId { get; init; }

    public Agency? Agency { get; init; }

    /// <summary>The first day the policy applies; a plan uses the policy in force on the first day of its quarter.</summary>
    public DateOnly EffectiveFrom { get; init; }

    /// <summary>R1: share of key targets drawn each quarter (default 0.25).</summary>
    public double KeyQuarterlyRatio { get; init; } = 0.25;

    /// <summary>R1: every key target inspected at random at least once per calendar year (default on).</summary>
    public bool KeyAnnualFullCoverage { get; init; } = true;

    /// <summary>R2: share of special targets drawn each quarter (default 0.5).</summary>
    public double SpecialQuarterlyRatio { get; init; } = 0.5;

    /// <summary>R3: share of general targets inspected at random per year, spread over the quarters left (default 0.1).</summary>
    public double GeneralAnnualRatio { get; init; } = 0.1;

    public double ConstructionProjectQuarterlyRatio { get; init; }

    public double IndustrialParkQuarterlyRatio { get; init; }

    /// <summary>Certified officers on each team (national rule: at least two inspectors per check).</summary>
    public int OfficersPerTeam { get; init; } = 2;

    public int AssistantsPerTeam { get; init; }

    /// <summary>The most teams of one draw an inspector may be on; null for no limit.</summary>
    public int? MaxTasksPerInspector { get; init; }

    /// <summary>Skip the inspectors who were on the team of the target's latest random inspection.</summary>
    public bool Rotation { get; init; } = true;

    /// <summary>The most random inspections of one target per calendar year; a target at its cap is left out of the pool. Null for none.</summary>
    public int? AnnualCapPerTarget { get; init; }

    public string? Reason { get; init; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; init; }

    public required string CreatedBy { get; init; }
}

/// <summary>A policy's rules in the form the quota calculator and drg-1 take (extension methods, so the entity stays data).</summary>
public static class SamplingPolicyRules
{
    /// <summary>
    /// The ratios for <see cref="QuotaCalculator"/>. Stored as doubles (so the database can compare and sort them);
    /// the decimal conversion keeps 15 significant digits, so 0.1 becomes exactly 0.1m again.
    /// </summary>
    public static SamplingRatios ToRatios(this SamplingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new(
            (decimal)policy.KeyQuarterlyRatio,
            policy.KeyAnnualFullCoverage,
            (decimal)policy.SpecialQuarterlyRatio,
            (decimal)policy.GeneralAnnualRatio,
            (decimal)policy.ConstructionProjectQuarterlyRatio,
            (decimal)policy.IndustrialParkQuarterlyRatio);
    }

    public static TeamRules ToTeamRules(this SamplingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new(policy.OfficersPerTeam, policy.AssistantsPerTeam, policy.MaxTasksPerInspector);
    }
}
