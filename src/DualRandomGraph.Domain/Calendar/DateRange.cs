namespace DualRandomGraph.Domain.Calendar;

/// <summary>A range of calendar days, both ends included.</summary>
public sealed record DateRange
{
    /// <summary>Creates the range <paramref name="first"/>..<paramref name="last"/>.</summary>
    /// <exception cref="ArgumentException">When <paramref name="last"/> is before <paramref name="first"/>.</exception>
    public DateRange(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            throw new ArgumentException($"The range ends ({last:yyyy-MM-dd}) before it starts ({first:yyyy-MM-dd}).", nameof(last));
        }

        First = first;
        Last = last;
    }

    /// <summary>The first day of the range.</summary>
    public DateOnly First { get; }

    /// <summary>The last day of the range.</summary>
    public DateOnly Last { get; }

    /// <summary>The number of calendar days in the range.</summary>
    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// <summary>True when <paramref name="day"/> lies in the range.</summary>
    public bool Contains(DateOnly day) => First <= day && day <= Last;

    /// <inheritdoc/>
    public override string ToString() => $"{First:yyyy-MM-dd}..{Last:yyyy-MM-dd}";
}
