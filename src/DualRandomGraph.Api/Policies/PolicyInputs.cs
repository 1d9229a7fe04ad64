using GraphQL;

namespace DualRandomGraph.Api.Policies;

/// <summary>
/// A new policy for an agency from <see cref="EffectiveFrom"/> on. An omitted field keeps the value of the policy in
/// force before it, or, for an agency's first policy, the seed plan's default (shown with each field).
/// </summary>
public sealed record SetSamplingPolicyInput
{
    [Id]
    public required string AgencyId { get; init; }

    /// <summary>Must be later than the agency's latest policy, so policies form a timeline.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>R1, default 0.25.</summary>
    public double? KeyQuarterlyRatio { get; init; }

    /// <summary>R1, default true.</summary>
    public bool? KeyAnnualFullCoverage { get; init; }

    /// <summary>R2, default 0.5.</summary>
    public double? SpecialQuarterlyRatio { get; init; }

    /// <summary>R3, default 0.1.</summary>
    public double? GeneralAnnualRatio { get; init; }

    /// <summary>Default 0.</summary>
    public double? ConstructionProjectQuarterlyRatio { get; init; }

    /// <summary>Default 0.</summary>
    public double? IndustrialParkQuarterlyRatio { get; init; }

    /// <summary>At least 2 (national rule), default 2.</summary>
    public int? OfficersPerTeam { get; init; }

    /// <summary>Default 0.</summary>
    public int? AssistantsPerTeam { get; init; }

    /// <summary>Default unlimited; send 0 to go back to unlimited.</summary>
    public int? MaxTasksPerInspector { get; init; }

    /// <summary>Default true.</summary>
    public bool? Rotation { get; init; }

    /// <summary>Default none; send 0 to go back to none.</summary>
    public int? AnnualCapPerTarget { get; init; }

    public string? Reason { get; init; }
}
