using System.Globalization;
using DualRandomGraph.Domain.Calendar;
using DualRandomGraph.Domain.Inspections;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Publications;

/// <summary>A record as the public table needs it; <see cref="Sequence"/> is the order it was recorded in.</summary>
public sealed record PublishableRecord(
    int RecordId,
    long Sequence,
    int TargetId,
    string CreditCode,
    string TargetName,
    string RegionName,
    TargetCategory Category,
    DateOnly InspectedOn,
    InspectionOutcome Outcome,
    string Description,
    InspectionOrigin Origin);

/// <summary>
/// Builds what a publication shows from the records of the quarter: the table in the seed's format and order
/// (inspection date, then recording order), the notice's counts (家 for firms, 家次 for special visits), its texts,
/// and the R5 deadline. Pure, so the seed's figures are checked without a database.
/// </summary>
public static class PublicationContent
{
    /// <summary>R5: results are published within 20 working days after the spot-check work is complete.</summary>
    public const int DeadlineWorkingDays = 20;

    public static List<PublishedResult> Rows(IEnumerable<PublishableRecord> records) => [.. records
        .OrderBy(r => r.InspectedOn)
        .ThenBy(r => r.Sequence)
        .Select((r, i) => new PublishedResult
        {
            Number = i + 1,
            RegionName = r.RegionName,
            TargetName = r.TargetName,
            CreditCode = r.CreditCode,
            Category = r.Category,
            CategoryLabel = CategoryLabel(r.Category),
            InspectedOn = r.InspectedOn,
            Outcome = r.Outcome,
            OutcomeLabel = r.Outcome.ToLabel(),
            Description = r.Description,
            Origin = r.Origin,
            RecordId = r.RecordId,
        })];

    /// <summary>The 污染源类型 label the seed's table uses.</summary>
    public static string CategoryLabel(TargetCategory category) => category switch
    {
        TargetCategory.Key => "重点源",
        TargetCategory.Special => "特殊源",
        TargetCategory.General => "一般污染源",
        TargetCategory.ConstructionProject => "建设项目",
        TargetCategory.IndustrialPark => "工业园区",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Not a target category."),
    };

    /// <summary>Fills a publication's counts, texts and deadline from its rows (which must not be empty).</summary>
    public static Publication Build(
        PublicationHeader header, IReadOnlyList<PublishableRecord> records, WorkingDayCalendar calendar, DateOnly publishedOn)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(calendar);
        var rows = Rows(records);
        int Firms(params TargetCategory[] categories) => rows.Where(r => categories.Contains(r.Category)).Select(r => r.CreditCode).Distinct().Count();
        var general = Firms(TargetCategory.General);
        var key = Firms(TargetCategory.Key);
        var specialVisits = rows.Count(r => r.Category == TargetCategory.Special);
        var other = Firms(TargetCategory.ConstructionProject, TargetCategory.IndustrialPark);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"共抽取一般污染源 {general} 家，重点污染源 {key} 家，特殊监管对象 {specialVisits} 家次，其他执法事项（建设项目、工业园区）{other} 家");
        var (first, last) = QuarterDays(header.Year, header.Quarter);
        var completed = rows.Max(r => r.InspectedOn);
        var deadline = calendar.AddWorkingDays(completed, DeadlineWorkingDays);
        return new Publication
        {
            AgencyId = header.AgencyId,
            AgencyCode = header.AgencyCode,
            AgencyName = header.AgencyName,
            Year = header.Year,
            Quarter = header.Quarter,
            PlanId = header.PlanId,
            DrawId = header.DrawId,
            Revision = header.Revision,
            RevisionReason = header.RevisionReason,
            Title = $"{header.AgencyName} {header.Year}年第{QuarterNames[header.Quarter - 1]}季度污染源日常环境监管领域随机抽查工作情况公告",
            Summary = summary,
            Announcement = $"{DateText(first)}至{DateText(last)}，{header.AgencyName}组织开展第{QuarterNames[header.Quarter - 1]}季度污染源日常环境监管领域随机抽查检查工作，{summary}，现将具体工作情况公告如下：",
            GeneralFirms = general,
            KeyFirms = key,
            SpecialFirms = Firms(TargetCategory.Special),
            SpecialVisits = specialVisits,
            OtherFirms = other,
            Visits = rows.Count,
            WorkCompletedOn = completed,
            Deadline = deadline,
            PublishedOn = publishedOn,
            OnTime = publishedOn <= deadline,
            PublishedAt = header.PublishedAt,
            PublishedBy = header.PublishedBy,
            Rows = rows,
        };
    }

    public static (DateOnly First, DateOnly Last) QuarterDays(int year, int quarter)
    {
        var first = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return (first, first.AddMonths(3).AddDays(-1));
    }

    private static readonly string[] QuarterNames = ["一", "二", "三", "四"];

    private static string DateText(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日");
}

/// <summary>Who publishes what: the parts of a publication that do not come from its records.</summary>
public sealed record PublicationHeader(
    int AgencyId,
    string AgencyCode,
    string AgencyName,
    int Year,
    int Quarter,
    int? PlanId,
    int? DrawId,
    int Revision,
    string? RevisionReason,
    DateTime PublishedAt,
    string PublishedBy);
