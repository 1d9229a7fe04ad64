namespace DualRandomGraph.Domain.Calendar;

/// <summary>
/// A statutory holiday (法定节假日) as announced by the State Council: every day from
/// <see cref="Days"/>.First to .Last is a day off, weekday or not.
/// </summary>
/// <param name="Days">The days off, both ends included.</param>
/// <param name="Name">The holiday's name, e.g. 春节.</param>
public sealed record HolidayRange(DateRange Days, string Name)
{
    /// <summary>Convenience constructor from the two end days.</summary>
    public HolidayRange(DateOnly first, DateOnly last, string name)
        : this(new DateRange(first, last), name)
    {
    }
}
