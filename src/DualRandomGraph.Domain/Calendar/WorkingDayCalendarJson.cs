using System.Globalization;
using System.Text.Json;

namespace DualRandomGraph.Domain.Calendar;

/// <summary>
/// Reads a working-day calendar in the shape of <c>cn-workdays-2022-2026.json</c>, so that an administrator
/// can add a later year's State Council notice without a release:
/// <code>
/// {
///   "holidays": [["2027-01-01", "2027-01-03", "元旦"], ...],
///   "adjustedWorkdays": ["2027-01-09", ...],
///   "years": [2027]
/// }
/// </code>
/// <c>years</c> is optional. Without it the covered years are the years in which the holidays end: a notice for
/// year Y lists Y's holidays, whose New Year break may start on 31 December of Y−1 and whose adjusted
/// working days may fall in Y−1, so neither marks Y−1 as covered. Other members (<c>source</c>, <c>rule</c>) are ignored.
/// </summary>
public static class WorkingDayCalendarJson
{
    /// <summary>Parses <paramref name="json"/> into a calendar.</summary>
    /// <exception cref="FormatException">When the text is not in the expected shape; the message names the offending entry.</exception>
    public static WorkingDayCalendar Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The calendar is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The calendar must be a JSON object with \"holidays\" and \"adjustedWorkdays\".");
            }

            var holidays = ReadHolidays(RequiredArray(root, "holidays"));
            var adjusted = RequiredArray(root, "adjustedWorkdays").EnumerateArray()
                .Select((e, i) => ReadDate(e, $"adjustedWorkdays[{i}]"))
                .ToList();
            var years = root.TryGetProperty("years", out var yearsElement)
                ? ReadYears(yearsElement)
                : holidays.Select(h => h.Days.Last.Year).Distinct().ToList();

            try
            {
                return new WorkingDayCalendar(holidays, adjusted, years);
            }
            catch (ArgumentException e)
            {
                throw new FormatException(e.Message, e);
            }
        }
    }

    private static List<HolidayRange> ReadHolidays(JsonElement array)
    {
        var holidays = new List<HolidayRange>();
        var index = 0;
        foreach (var entry in array.EnumerateArray())
        {
            var where = $"holidays[{index++}]";
            if (entry.ValueKind != JsonValueKind.Array || entry.GetArrayLength() is < 2 or > 3)
            {
                throw new FormatException($"{where} must be [\"first day\", \"last day\", \"name\"].");
            }

            var first = ReadDate(entry[0], where + "[0]");
            var last = ReadDate(entry[1], where + "[1]");
            var name = entry.GetArrayLength() == 3 && entry[2].ValueKind == JsonValueKind.String ? entry[2].GetString()! : string.Empty;
            if (last < first)
            {
                throw new FormatException($"{where} ends ({last:yyyy-MM-dd}) before it starts ({first:yyyy-MM-dd}).");
            }

            holidays.Add(new HolidayRange(first, last, name));
        }

        return holidays;
    }

    private static List<int> ReadYears(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("\"years\" must be an array of years, e.g. [2027].");
        }

        return array.EnumerateArray()
            .Select((e, i) => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var year) && year is >= 1 and <= 9999
                ? year
                : throw new FormatException($"years[{i}] is not a year: {e.GetRawText()}."))
            .ToList();
    }

    private static JsonElement RequiredArray(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Array
            ? element
            : throw new FormatException($"The calendar needs an array \"{name}\".");

    private static DateOnly ReadDate(JsonElement element, string where) =>
        element.ValueKind == JsonValueKind.String
        && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new FormatException($"{where} is not a date in the form yyyy-MM-dd: {element.GetRawText()}.");
}
