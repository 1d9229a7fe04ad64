using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Planning;

/// <summary>抽查计划: the random spot checks of one agency in one quarter.</summary>
public sealed class SamplingPlan : IVersioned
{
    public int Id { get; init; }

    public int AgencyId { get; init; }

    public Agency? Agency { get; init; }

    public int Year { get; init; }

    /// <summary>1–4.</summary>
    public int Quarter { get; init; }

    public PlanStatus Status { get; set; }

    /// <summary>The policy in force on the first day of the quarter; fixed when the plan is published.</summary>
    public int PolicyId { get; set; }

    public SamplingPolicy? Policy { get; set; }

    /// <summary>The spot-check items (随机抽查事项清单) of the plan; each task gets those of its target's category.</summary>
    public List<CheckItem> CheckItems { get; set; } = [];

    /// <summary>Every draw attempt, superseded ones included.</summary>
    public List<Draw> Draws { get; init; } = [];

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    /// <summary>事前公开: from then on the plan, its policy and its check items are public. UTC.</summary>
    public DateTime? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    /// <summary>
    /// When the plan's inspection results were published (一公开; set by the publication of results). Until then its
    /// selections, teams and tasks are confidential: the checks are unannounced.
    /// </summary>
    public DateTime? ResultsPublishedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>Draft → Published (事前公开) → Drawn (a draw committed) → Completed.</summary>
public enum PlanStatus
{
    Draft,
    Published,
    Drawn,
    Completed,
}
