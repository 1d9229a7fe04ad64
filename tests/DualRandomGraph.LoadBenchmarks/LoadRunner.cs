using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace DualRandomGraph.LoadBenchmarks;

/// <summary>
/// The load client: <c>workers</c> concurrent loops, each sending its next request as soon as the last answered, for
/// a fixed time (an in-harness HttpClient loop; <c>wrk</c> is not needed).
/// </summary>
internal static class LoadRunner
{
    /// <summary>Runs <paramref name="request"/> (true: a good answer) from each worker until <paramref name="duration"/> is over.</summary>
    public static async Task<LoadResult> RunAsync(int workers, TimeSpan duration, Func<int, Task<bool>> request)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var own = new List<double>();
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                bool ok;
                try
                {
                    ok = await request(worker);
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }

                own.Add((clock.Elapsed - started).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }

            foreach (var latency in own)
            {
                latencies.Add(latency);
            }
        })));
        return new LoadResult([.. latencies.Order()], errors, clock.Elapsed);
    }
}

internal sealed record LoadResult(double[] LatenciesMs, long Errors, TimeSpan Elapsed)
{
    public int Requests => LatenciesMs.Length;

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public double Percentile(double p) => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)Math.Ceiling(p * LatenciesMs.Length) - 1)];

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Requests:N0} requests in {Elapsed.TotalSeconds:F1} s = {RequestsPerSecond:F1} req/s, p50 {Percentile(0.5):F1} ms, p99 {Percentile(0.99):F1} ms, errors {Errors}");
}
