using DualRandomGraph.Domain.Calendar;
using DualRandomGraph.Domain.Inspections;
using DualRandomGraph.Domain.Publications;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Tests.Publications;

public sealed class PublicationContentTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadOfficial();

    private static readonly PublicationHeader Header = new(
        1, "KETDZ-EPB", "库尔勒经济技术开发区环境保护局", 2022, 2, null, null, 1, null, new DateTime(2022, 7, 1, 0, 0, 0, DateTimeKind.Utc), "test");

    [Theory]
    [InlineData(TargetCategory.Key, "重点源")]
    [InlineData(TargetCategory.Special, "特殊源")]
    [InlineData(TargetCategory.General, "一般污染源")]
    [InlineData(TargetCategory.ConstructionProject, "建设项目")]
    [InlineData(TargetCategory.IndustrialPark, "工业园区")]
    public void Categories_carry_the_labels_of_the_seed_table(TargetCategory category, string label)
        => Assert.Equal(label, PublicationContent.CategoryLabel(category));

    [Theory]
    [InlineData(2022, 1, "2022-01-01", "2022-03-31")]
    [InlineData(2022, 2, "2022-04-01", "2022-06-30")]
    [InlineData(2024, 1, "2024-01-01", "2024-03-31")]
    [InlineData(2022, 4, "2022-10-01", "2022-12-31")]
    public void A_quarter_runs_from_its_first_to_its_last_day(int year, int quarter, string first, string last)
        => Assert.Equal((DateOnly.Parse(first), DateOnly.Parse(last)), PublicationContent.QuarterDays(year, quarter));

    [Fact]
    public void Rows_are_ordered_by_date_then_by_recording_order_and_numbered_from_one()
    {
        var rows = PublicationContent.Rows(
        [
            Record(3, "C", TargetCategory.General, "2022-04-25"),
            Record(1, "A", TargetCategory.Special, "2022-04-25"),
            Record(2, "B", TargetCategory.Key, "2022-04-09"),
        ]);

        Assert.Equal(["B", "A", "C"], rows.Select(r => r.TargetName));
        Assert.Equal([1, 2, 3], rows.Select(r => r.Number));
        Assert.Equal(["重点源", "特殊源", "一般污染源"], rows.Select(r => r.CategoryLabel));
    }

    [Fact]
    public void Counts_firms_once_and_special_targets_per_visit_as_the_notice_does()
    {
        var publication = PublicationContent.Build(
            Header,
            [
                Record(1, "美克", TargetCategory.Special, "2022-04-09"),
                Record(2, "爱润", TargetCategory.General, "2022-04-21"),
                Record(3, "泰昌", TargetCategory.Key, "2022-04-22"),
                Record(4, "美克", TargetCategory.Special, "2022-05-26"),
                Record(5, "爱润", TargetCategory.General, "2022-06-21"),
            ],
            Calendar,
            new DateOnly(2022, 7, 1));

        Assert.Equal((1, 1, 1, 2, 0, 5), (publication.GeneralFirms, publication.KeyFirms, publication.SpecialFirms, publication.SpecialVisits, publication.OtherFirms, publication.Visits));
        Assert.Equal("共抽取一般污染源 1 家，重点污染源 1 家，特殊监管对象 2 家次，其他执法事项（建设项目、工业园区）0 家", publication.Summary);
        Assert.StartsWith("2022年4月1日至2022年6月30日，库尔勒经济技术开发区环境保护局组织开展第二季度", publication.Announcement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2022-06-21", "2022-07-19", "2022-07-19", true)]
    [InlineData("2022-06-21", "2022-07-19", "2022-07-20", false)]
    // Work completed before the National Day holiday (10-01 to 10-07, with the weekend 10-08 and 10-09 worked),
    // counted by hand: 09-30 (1), 10-08 and 10-09 (3), 10-10…10-14 (8), 10-17…10-21 (13), 10-24…10-28 (18),
    // 10-31 (19), 11-01 (20).
    [InlineData("2022-09-29", "2022-11-01", "2022-10-31", true)]
    public void The_deadline_is_the_twentieth_working_day_after_the_last_inspection(string last, string deadline, string publishedOn, bool onTime)
    {
        var publication = PublicationContent.Build(
            Header with { Quarter = DateOnly.Parse(last).Month <= 6 ? 2 : 3 },
            [Record(1, "某公司", TargetCategory.General, last)],
            Calendar,
            DateOnly.Parse(publishedOn));

        Assert.Equal((DateOnly.Parse(last), DateOnly.Parse(deadline), onTime), (publication.WorkCompletedOn, publication.Deadline, publication.OnTime));
    }

    private static PublishableRecord Record(long sequence, string name, TargetCategory category, string date)
        => new((int)sequence, sequence, name.GetHashCode(StringComparison.Ordinal), "code-" + name, name, "库尔勒经济技术开发区", category, DateOnly.Parse(date), InspectionOutcome.Normal, "无", InspectionOrigin.Imported);
}
