namespace DualRandomGraph.Domain.Compliance;

/// <summary>How many tasks the inspectors on at least one team of a period had: the least, the median and the most.</summary>
/// <param name="Inspectors">How many inspectors were on at least one team.</param>
/// <param name="Min">The fewest tasks of one of them; null when nobody was on a team.</param>
/// <param name="Median">The middle value (the mean of the two middle values for an even count).</param>
/// <param name="Max">The most tasks of one of them.</param>
public sealed record Workload(int Inspectors, int? Min, double? Median, int? Max)
{
    public static Workload None { get; } = new(0, null, null, null);

    /// <summary>
    /// The workload from a histogram (tasks → how many inspectors had that many), which the database computes in a few
    /// rows however many inspectors there are. Entries with no inspectors or no tasks are ignored.
    /// </summary>
    public static Workload FromHistogram(IEnumerable<(int Tasks, int Inspectors)> histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var buckets = histogram
            .Where(b => b.Tasks > 0 && b.Inspectors > 0)
            .GroupBy(b => b.Tasks)
            .Select(g => (Tasks: g.Key, Inspectors: g.Sum(b => b.Inspectors)))
            .OrderBy(b => b.Tasks)
            .ToList();
        var count = buckets.Sum(b => b.Inspectors);
        if (count == 0)
        {
            return None;
        }

        // The values at 0-based positions (count − 1) / 2 and count / 2 of the sorted list: the same one for an odd count.
        return new Workload(count, buckets[0].Tasks, (At((count - 1) / 2) + At(count / 2)) / 2.0, buckets[^1].Tasks);

        int At(int position)
        {
            foreach (var (tasks, inspectors) in buckets)
            {
                if (position < inspectors)
                {
                    return tasks;
                }

                position -= inspectors;
            }

            throw new InvalidOperationException("Position beyond the histogram.");
        }
    }
}
