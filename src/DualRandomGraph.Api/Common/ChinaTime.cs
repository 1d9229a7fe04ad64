namespace DualRandomGraph.Api.Common;

/// <summary>Dates in the domain are calendar days in China (UTC+8, no daylight saving), whatever the server's zone.</summary>
public static class ChinaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
