using System.ComponentModel;
using DualRandomGraph.Domain.Registry;
using GraphQL;

namespace DualRandomGraph.Api.Targets;

public sealed record CreateTargetInput
{
    public required string CreditCode { get; init; }

    public required string Name { get; init; }

    public required TargetCategory Category { get; init; }

    [Id]
    public required string RegionId { get; init; }

    [Id]
    public required string AgencyId { get; init; }

    /// <summary>The day the category takes effect; today when omitted.</summary>
    public DateOnly? CategoryEffectiveFrom { get; init; }

    public string? Address { get; init; }

    public string? Industry { get; init; }

    public string? PermitNumber { get; init; }

    public IReadOnlyList<string>? PollutantTypes { get; init; }

    public string? ProductionScale { get; init; }

    public string? ProductionCycle { get; init; }

    [DefaultValue(false)]
    public bool OnPositiveList { get; init; }
}

/// <summary>Changes the given fields and leaves omitted (null) ones alone; an empty string clears an optional text.</summary>
public sealed record UpdateTargetInput
{
    [Id]
    public required string Id { get; init; }

    /// <summary>The <c>version</c> the caller read; the update is refused when the target has changed since.</summary>
    public int? ExpectedVersion { get; init; }

    public string? Name { get; init; }

    [Id]
    public string? RegionId { get; init; }

    public string? Address { get; init; }

    public string? Industry { get; init; }

    public string? PermitNumber { get; init; }

    public IReadOnlyList<string>? PollutantTypes { get; init; }

    public string? ProductionScale { get; init; }

    public string? ProductionCycle { get; init; }

    public bool? OnPositiveList { get; init; }
}

public sealed record ChangeTargetCategoryInput
{
    [Id]
    public required string TargetId { get; init; }

    public required TargetCategory Category { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    public required string Reason { get; init; }
}

public sealed record RetireTargetInput
{
    [Id]
    public required string TargetId { get; init; }

    /// <summary><c>SUSPENDED</c> (may come back) or <c>CLOSED</c> (default).</summary>
    [DefaultValue(TargetStatus.Closed)]
    public TargetStatus Status { get; init; } = TargetStatus.Closed;

    /// <summary>Today when omitted.</summary>
    public DateOnly? EffectiveFrom { get; init; }

    public required string Reason { get; init; }
}
