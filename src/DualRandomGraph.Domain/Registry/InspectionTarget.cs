namespace DualRandomGraph.Domain.Registry;

/// <summary>检查对象 / 污染源: a pollution source or other item in the registry of targets.</summary>
public sealed class InspectionTarget : IVersioned
{
    public int Id { get; init; }

    /// <summary>统一社会信用代码 (GB 32100), upper case; the target's key in the draw.</summary>
    public required string CreditCode { get; init; }

    /// <summary>True when the credit code is a made-up demo value, not the firm's real code.</summary>
    public bool IsDemoCode { get; init; }

    public required string Name { get; set; }

    /// <summary>The category in force now; <see cref="CategoryHistory"/> keeps every dated change.</summary>
    public TargetCategory Category { get; set; }

    public TargetStatus Status { get; set; }

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public int AgencyId { get; init; }

    public Agency? Agency { get; init; }

    public string? Address { get; set; }

    public string? Industry { get; set; }

    /// <summary>排污许可证编号.</summary>
    public string? PermitNumber { get; set; }

    public List<string> PollutantTypes { get; set; } = [];

    public string? ProductionScale { get; set; }

    /// <summary>生产周期, e.g. seasonal operation, which matters when a check can be made.</summary>
    public string? ProductionCycle { get; set; }

    /// <summary>正面清单: such targets get off-site checks unless an on-site one is approved (R6).</summary>
    public bool OnPositiveList { get; set; }

    public List<TargetCategoryChange> CategoryHistory { get; init; } = [];

    public List<TargetStatusChange> StatusHistory { get; init; } = [];

    /// <summary>Optimistic concurrency: bumped on every update.</summary>
    public int Version { get; set; }
}
