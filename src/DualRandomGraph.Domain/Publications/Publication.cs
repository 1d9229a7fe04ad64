using DualRandomGraph.Domain.Inspections;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Publications;

/// <summary>
/// 公开 / 公告: the published random-check results of one agency in one quarter, an immutable snapshot. Names,
/// labels and counts are copied in, so later registry changes or amendments never alter what was published; a
/// correction is a new <see cref="Revision"/> that supersedes this one.
/// </summary>
public sealed class Publication
{
    public int Id { get; init; }

    public int AgencyId { get; init; }

    public Agency? Agency { get; init; }

    public required string AgencyCode { get; init; }

    public required string AgencyName { get; init; }

    public int Year { get; init; }

    public int Quarter { get; init; }

    /// <summary>The quarter's plan, when the agency drew it in this system.</summary>
    public int? PlanId { get; init; }

    public SamplingPlan? Plan { get; init; }

    /// <summary>The plan's committed draw, whose verification document becomes public with the results.</summary>
    public int? DrawId { get; init; }

    /// <summary>1 for the first publication of the quarter, 2 for the revision that corrects it, ….</summary>
    public int Revision { get; init; }

    /// <summary>Why a revision was published; null for the first.</summary>
    public string? RevisionReason { get; init; }

    public required string Title { get; init; }

    /// <summary>共抽取一般污染源 N 家，重点污染源 N 家，特殊监管对象 N 家次，其他执法事项（建设项目、工业园区）N 家.</summary>
    public required string Summary { get; init; }

    /// <summary>The notice's text around the summary.</summary>
    public required string Announcement { get; init; }

    public int GeneralFirms { get; init; }

    public int KeyFirms { get; init; }

    public int SpecialFirms { get; init; }

    /// <summary>家次: the notice counts special targets by visits.</summary>
    public int SpecialVisits { get; init; }

    /// <summary>其他执法事项: construction projects and industrial parks.</summary>
    public int OtherFirms { get; init; }

    public int Visits { get; init; }

    /// <summary>The date of the last inspection published: when the spot-check work was complete.</summary>
    public DateOnly WorkCompletedOn { get; init; }

    /// <summary>R5: the 20th working day after <see cref="WorkCompletedOn"/>.</summary>
    public DateOnly Deadline { get; init; }

    /// <summary>The day of publication in China.</summary>
    public DateOnly PublishedOn { get; init; }

    public bool OnTime { get; init; }

    /// <summary>UTC.</summary>
    public DateTime PublishedAt { get; init; }

    public required string PublishedBy { get; init; }

    /// <summary>When a later revision replaced this one (UTC); null for the revision in force.</summary>
    public DateTime? SupersededAt { get; set; }

    public List<PublishedResult> Rows { get; init; } = [];
}

/// <summary>One row of the public table (污染源日常环境监管领域随机抽查情况公开表): one visit.</summary>
public sealed class PublishedResult
{
    public int Id { get; init; }

    public int PublicationId { get; init; }

    public Publication? Publication { get; init; }

    /// <summary>序号.</summary>
    public int Number { get; init; }

    /// <summary>检查地区.</summary>
    public required string RegionName { get; init; }

    /// <summary>污染源名称.</summary>
    public required string TargetName { get; init; }

    public required string CreditCode { get; init; }

    public TargetCategory Category { get; init; }

    /// <summary>污染源类型: 重点源, 特殊源, 一般污染源, 建设项目 or 工业园区.</summary>
    public required string CategoryLabel { get; init; }

    /// <summary>检查时间.</summary>
    public DateOnly InspectedOn { get; init; }

    public InspectionOutcome Outcome { get; init; }

    /// <summary>检查结果: 正常 or 发现问题.</summary>
    public required string OutcomeLabel { get; init; }

    /// <summary>情况说明.</summary>
    public required string Description { get; init; }

    public InspectionOrigin Origin { get; init; }

    /// <summary>The record the row was copied from (internal; the row does not follow its later amendments).</summary>
    public int RecordId { get; init; }
}
