namespace DualRandomGraph.Api.Calendar;

/// <summary>One year's State Council holiday notice (国务院办公厅关于…部分节假日安排的通知).</summary>
public sealed record AddHolidayCalendarInput
{
    public required int Year { get; init; }

    /// <summary>The statutory holidays; a New Year break may start in December of the year before.</summary>
    public required IReadOnlyList<HolidayInput> Holidays { get; init; }

    /// <summary>Weekend days that are working days (调休上班); may fall in December of the year before.</summary>
    public required IReadOnlyList<DateOnly> AdjustedWorkdays { get; init; }

    /// <summary>The notice, e.g. 国办发明电〔2026〕N号.</summary>
    public string? Source { get; init; }
}

public sealed record HolidayInput
{
    /// <summary>E.g. 春节.</summary>
    public required string Name { get; init; }

    public required DateOnly First { get; init; }

    public required DateOnly Last { get; init; }
}
