using DualRandomGraph.Domain.Calendar;

namespace DualRandomGraph.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarJsonTests
{
    [Fact]
    public void Shipped_file_and_embedded_resource_agree()
    {
        var path = Path.Combine(TestData.RepositoryRoot, "src", "DualRandomGraph.Domain", "Calendar", "cn-workdays-2022-2026.json");
        var fromFile = WorkingDayCalendarJson.Parse(File.ReadAllText(path));
        var embedded = WorkingDayCalendar.LoadOfficial();

        Assert.Equal(embedded.Holidays, fromFile.Holidays);
        Assert.Equal(embedded.AdjustedWorkdays, fromFile.AdjustedWorkdays);
        Assert.Equal(embedded.CoveredYears, fromFile.CoveredYears);
        Assert.Equal(33, embedded.Holidays.Count);
        Assert.Equal(33, embedded.AdjustedWorkdays.Count);
        Assert.Equal("春节", embedded.Holidays[1].Name);
    }

    [Fact]
    public void A_later_year_in_the_same_shape()
    {
        const string json = """
            {
              "source": "an administrator's upload",
              "holidays": [
                ["2026-12-31", "2027-01-02", "元旦"],
                ["2027-02-06", "2027-02-12", "春节"]
              ],
              "adjustedWorkdays": ["2027-01-30", "2027-02-13"]
            }
            """;
        var calendar = WorkingDayCalendarJson.Parse(json);

        // The New Year break starts in 2026 but belongs to the 2027 notice: only 2027 is covered.
        Assert.Equal([2027], calendar.CoveredYears);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 1, 4)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 13)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 8)));
        Assert.Throws<CalendarYearNotCoveredException>(() => calendar.IsWorkingDay(new DateOnly(2026, 12, 30)));
    }

    [Fact]
    public void Explicit_years_win()
    {
        const string json = """{ "holidays": [], "adjustedWorkdays": [], "years": [2030] }""";
        var calendar = WorkingDayCalendarJson.Parse(json);
        Assert.Equal([2030], calendar.CoveredYears);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2030, 1, 1))); // a Tuesday with no holiday listed
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "JSON object")]
    [InlineData("""{ "adjustedWorkdays": [] }""", "\"holidays\"")]
    [InlineData("""{ "holidays": [] }""", "\"adjustedWorkdays\"")]
    [InlineData("""{ "holidays": [["2027-01-01"]], "adjustedWorkdays": [] }""", "holidays[0]")]
    [InlineData("""{ "holidays": [["2027-01-01", "2027-13-01", "x"]], "adjustedWorkdays": [] }""", "holidays[0][1]")]
    [InlineData("""{ "holidays": [["2027-01-03", "2027-01-01", "x"]], "adjustedWorkdays": [] }""", "ends (2027-01-01) before it starts")]
    [InlineData("""{ "holidays": [], "adjustedWorkdays": ["2027/01/09"] }""", "adjustedWorkdays[0]")]
    [InlineData("""{ "holidays": [], "adjustedWorkdays": ["2027-01-11"] }""", "Monday")]
    [InlineData("""{ "holidays": [["2027-01-01", "2027-01-03", "x"]], "adjustedWorkdays": ["2027-01-02"] }""", "both")]
    [InlineData("""{ "holidays": [], "adjustedWorkdays": [], "years": ["2027"] }""", "years[0]")]
    public void Malformed_input_says_what_is_wrong(string json, string expectedInMessage)
    {
        var e = Assert.Throws<FormatException>(() => WorkingDayCalendarJson.Parse(json));
        Assert.Contains(expectedInMessage, e.Message, StringComparison.Ordinal);
    }
}
