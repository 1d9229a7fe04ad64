using DualRandomGraph.Domain.Planning;

namespace DualRandomGraph.Api.Data.Generation;

/// <summary>
/// Official holiday years before those the product ships with, which a generated history reaching back needs for its
/// draw windows; added as an administrator would add them (<c>addHolidayCalendar</c>).
/// </summary>
internal static class EarlierCalendarYears
{
    /// <summary>The year's calendar, or null when this list does not have it.</summary>
    public static HolidayCalendarYear? For(int year, DateTime addedAt) => year switch
    {
        // 国务院办公厅关于2021年部分节假日安排的通知 (国办发明电〔2020〕27号).
        2021 => new HolidayCalendarYear
        {
            Year = 2021,
            Source = "国办发明电〔2020〕27号",
            Holidays =
            [
                Holiday("元旦", new(2021, 1, 1), new(2021, 1, 3)),
                Holiday("春节", new(2021, 2, 11), new(2021, 2, 17)),
                Holiday("清明节", new(2021, 4, 3), new(2021, 4, 5)),
                Holiday("劳动节", new(2021, 5, 1), new(2021, 5, 5)),
                Holiday("端午节", new(2021, 6, 12), new(2021, 6, 14)),
                Holiday("中秋节", new(2021, 9, 19), new(2021, 9, 21)),
                Holiday("国庆节", new(2021, 10, 1), new(2021, 10, 7)),
            ],
            AdjustedWorkdays = [new(2021, 2, 7), new(2021, 2, 20), new(2021, 4, 25), new(2021, 5, 8), new(2021, 9, 18), new(2021, 9, 26), new(2021, 10, 9)],
            AddedAt = addedAt,
            AddedBy = DataGenerator.Actor,
        },
        _ => null,
    };

    private static CalendarHoliday Holiday(string name, DateOnly first, DateOnly last) => new() { Name = name, First = first, Last = last };
}
