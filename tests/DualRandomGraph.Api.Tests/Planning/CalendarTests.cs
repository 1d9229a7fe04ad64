using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Draws;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Registry;
using Snapshooter.Xunit;

namespace DualRandomGraph.Api.Tests.Planning;

/// <summary>
/// The working-day calendar as data: the official years ship with the product, a later year is added by an
/// administrator and times draws at once. Each test uses its own year, since added years stay.
/// </summary>
public sealed class CalendarTests(DrawsApiFactory factory) : IClassFixture<DrawsApiFactory>
{
    private const string AddCalendar = """
        mutation($input: AddHolidayCalendarInput!) { addHolidayCalendar(input: $input) {
          calendar { year source holidays { name first last } adjustedWorkdays addedBy }
          errors { ... on Error { code message } ... on ValidationError { field } } } }
        """;

    private readonly GraphQLClient _admin = factory.CreateGraphQLClient(Roles.Admin);

    [Fact]
    public async Task Working_days_follow_the_official_calendar_for_anyone()
    {
        // 2022-04-24 was a Sunday worked for the May Day holiday (调休), the seed's table has a check on it.
        var data = await factory.CreateGraphQLClient().QueryAsync("""{ workingDays(from: "2022-04-23", to: "2022-05-05") calendarYears }""");

        Assert.Equal(["2022-04-24", "2022-04-25", "2022-04-26", "2022-04-27", "2022-04-28", "2022-04-29", "2022-05-05"], data["workingDays"]!.AsArray().Select(d => (string)d!));
        Assert.Equal([2022, 2023, 2024, 2025, 2026], data["calendarYears"]!.AsArray().Select(y => (int)y!).Take(5));
    }

    [Theory]
    [InlineData("2029-01-01", "2029-01-31", "CALENDAR_YEAR_NOT_COVERED")]
    [InlineData("2022-01-01", "2024-12-31", "RANGE_TOO_LONG")]
    public async Task A_range_the_calendar_cannot_answer_is_an_error(string from, string to, string code)
    {
        var response = await factory.CreateGraphQLClient().PostAsync("query($f: Date!, $t: Date!) { workingDays(from: $f, to: $t) }", new { f = from, t = to });

        Assert.Equal([code], response.ErrorCodes);
    }

    [Fact]
    public async Task An_administrator_adds_a_year_and_its_draws_are_timed_by_it()
    {
        var added = await _admin.QueryAsync(AddCalendar, new { input = Notice(2027) });
        var days = await factory.CreateGraphQLClient().QueryAsync("""{ workingDays(from: "2027-02-04", to: "2027-02-15") }""");
        var scenario = await Scenario.CreateAsync(factory.Services, "CAL", [TargetCategory.Key], officers: 2);
        var planId = await new PlanningClient(factory.CreateGraphQLClient(Roles.Coordinator)).PublishedPlanAsync(scenario.AgencyId, 2027, 2);
        var plan = await factory.CreateGraphQLClient().QueryAsync("query($id: ID!) { node(id: $id) { ... on SamplingPlan { drawWindow { start end } } } }", new { id = planId });

        Snapshot.Match(new { added, days, plan }.ToSnapshot());
    }

    [Fact]
    public async Task A_year_is_added_once_and_never_over_an_official_one()
    {
        await _admin.QueryAsync(AddCalendar, new { input = Notice(2028) });

        var again = await _admin.QueryAsync(AddCalendar, new { input = Notice(2028) });
        var official = await _admin.QueryAsync(AddCalendar, new { input = Notice(2026) });

        Assert.Equal("CALENDAR_YEAR_ALREADY_COVERED", again["addHolidayCalendar"]!.ErrorSummary());
        Assert.Equal("CALENDAR_YEAR_ALREADY_COVERED", official["addHolidayCalendar"]!.ErrorSummary());
    }

    [Fact]
    public async Task A_notice_with_days_out_of_reach_or_a_weekday_made_a_working_day_is_refused()
    {
        var input = new
        {
            year = 2030,
            holidays = new[] { new { name = "元旦", first = "2030-01-01", last = "2030-01-01" }, new { name = "错年", first = "2031-01-01", last = "2031-01-02" } },
            adjustedWorkdays = new[] { "2029-11-03" },
        };
        var weekday = new { year = 2030, holidays = new[] { new { name = "元旦", first = "2030-01-01", last = "2030-01-01" } }, adjustedWorkdays = new[] { "2030-01-02" } };

        var outOfReach = await _admin.QueryAsync(AddCalendar, new { input });
        var notWeekend = await _admin.QueryAsync(AddCalendar, new { input = weekday });
        var coordinator = await factory.CreateGraphQLClient(Roles.Coordinator).PostAsync(AddCalendar, new { input = weekday });

        Assert.Equal("VALIDATION(holidays), VALIDATION(adjustedWorkdays)", outOfReach["addHolidayCalendar"]!.ErrorSummary());
        Assert.Equal("VALIDATION(adjustedWorkdays)", notWeekend["addHolidayCalendar"]!.ErrorSummary());
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], coordinator.ErrorCodes);
    }

    /// <summary>A made-up notice in the shape of the State Council's (not a real year's dates).</summary>
    private static object Notice(int year) => new
    {
        year,
        source = "测试数据",
        holidays = new[]
        {
            new { name = "元旦", first = $"{year - 1}-12-31", last = $"{year}-01-02" },
            new { name = "春节", first = $"{year}-02-06", last = $"{year}-02-12" },
        },
        adjustedWorkdays = new[] { NextSunday(new DateOnly(year, 2, 13)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
    };

    private static DateOnly NextSunday(DateOnly day) => day.AddDays(((int)DayOfWeek.Sunday - (int)day.DayOfWeek + 7) % 7);
}
