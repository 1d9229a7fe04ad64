using DualRandomGraph.Domain.Calendar;
using DualRandomGraph.Domain.Compliance;

namespace DualRandomGraph.Domain.Tests.Compliance;

public sealed class ComplianceRulesTests
{
    [Theory]
    // histogram "tasks×inspectors, …" → inspectors, min, median, max
    [InlineData("", 0, null, null, null)]
    [InlineData("3×1", 1, 3, 3.0, 3)]
    [InlineData("1×2, 2×1", 3, 1, 1.0, 2)] // 1 1 2
    [InlineData("1×1, 2×1, 4×2", 4, 1, 3.0, 4)] // 1 2 4 4: (2 + 4) / 2
    [InlineData("2×2, 3×2", 4, 2, 2.5, 3)] // 2 2 3 3
    [InlineData("5×1, 1×1, 5×1", 3, 1, 5.0, 5)] // unordered, one value twice: 1 5 5
    [InlineData("0×7, 2×0, 6×1", 1, 6, 6.0, 6)] // empty buckets count for nothing
    public void Workload_from_a_histogram(string histogram, int inspectors, int? min, double? median, int? max)
    {
        var buckets = histogram.Split(", ", StringSplitOptions.RemoveEmptyEntries)
            .Select(b => b.Split('×'))
            .Select(b => (int.Parse(b[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(b[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(new Workload(inspectors, min, median, max), Workload.FromHistogram(buckets));
    }

    [Theory]
    // deadline, published on → working days late (official calendar)
    [InlineData("2022-07-19", "2022-07-19", 0)] // on the day
    [InlineData("2022-07-19", "2022-06-27", 0)] // early
    [InlineData("2022-07-19", "2022-07-20", 1)]
    [InlineData("2022-07-19", "2022-08-01", 9)] // the demo's publication: 20–22 and 25–29 July, 1 August
    [InlineData("2023-08-29", "2023-08-31", 2)]
    [InlineData("2022-09-30", "2022-10-07", 0)] // National Day holiday costs no working day
    [InlineData("2022-09-30", "2022-10-08", 1)] // 8 October 2022, a Saturday, was an adjusted working day
    [InlineData("2022-07-22", "2022-07-24", 0)] // a weekend
    public void Working_days_late(string deadline, string publishedOn, int expected)
        => Assert.Equal(expected, PublicationTimeliness.WorkingDaysLate(WorkingDayCalendar.LoadOfficial(), DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(publishedOn, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    // inspected firms, quota k, pool N → ratio, required ratio, met
    [InlineData(1, 1, 8, 0.125, 0.125, true)]
    [InlineData(0, 2, 4, 0.0, 0.5, false)]
    [InlineData(3, 2, 4, 0.75, 0.5, true)]
    [InlineData(0, 0, 0, 0.0, 0.0, true)] // an empty stratum requires nothing
    public void Category_ratios_and_met(int inspected, int quota, int pool, double ratio, double requiredRatio, bool met)
        => Assert.Equal(
            (ratio, requiredRatio, met),
            (CategoryFigures.Ratio(inspected, pool), CategoryFigures.RequiredRatio(quota, pool), CategoryFigures.Met(inspected, quota)));
}
