using System.Diagnostics;
using System.Globalization;
using DualRandomGraph.Api.Security;

namespace DualRandomGraph.LoadBenchmarks;

/// <summary>
/// Nested query (issue 8, benchmark 2): a page of committed draws with their selections, each selection's target
/// and team, at page sizes 10 and 100. One request at a time, so that the SQL statements counted between two
/// requests are that request's.
/// </summary>
internal static class NestedQueryBenchmark
{
    public const string Query = """
        query Nested($first: Int!) {
          draws(first: $first, where: { status: { eq: COMMITTED } }, order: [{ drawnAt: DESC }]) {
            nodes {
              id agencyCode year quarter
              selections { rank targetKey target { name creditCode region { name } } team { role inspector { name } } }
            }
          }
        }
        """;

    public static async Task RunAsync(BenchmarkServer server, BenchmarkOptions options)
    {
        var token = server.Token(Roles.Auditor, "bench-nested");
        using var sql = new SqlCounter();
        foreach (var pageSize in new[] { 10, 100 })
        {
            string? failure = null;
            var bytes = 0L;
            var selections = 0;
            async Task<double> OnceAsync()
            {
                var watch = Stopwatch.StartNew();
                using var request = BenchmarkServer.GraphQLRequest(token, Query, new { first = pageSize });
                using var response = await server.Http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                watch.Stop();
                if (!response.IsSuccessStatusCode || body.Contains("\"errors\"", StringComparison.Ordinal))
                {
                    failure ??= body[..Math.Min(400, body.Length)];
                }

                bytes = body.Length;
                selections = CountOccurrences(body, "\"rank\"");
                return watch.Elapsed.TotalMilliseconds;
            }

            sql.Capture = true;
            await OnceAsync();
            sql.Capture = false;
            var file = Path.Combine(Path.GetTempPath(), $"drg-nested-{pageSize}.sql");
            await File.WriteAllLinesAsync(file, sql.Statements);
            sql.Statements.Clear();
            await OnceAsync();
            var before = sql.Count;
            var latencies = new List<double>();
            for (var i = 0; i < options.NestedRequests; i++)
            {
                latencies.Add(await OnceAsync());
            }

            var statements = (double)(sql.Count - before) / options.NestedRequests;
            latencies.Sort();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"nested query, page size {pageSize}: {statements:F1} SQL statements per request, p50 {latencies[latencies.Count / 2]:F0} ms, max {latencies[^1]:F0} ms, {selections:N0} selections, {bytes / 1024.0:N0} KiB per response ({options.NestedRequests} requests, one at a time)"));
            Console.WriteLine($"  its SQL: {file}");
            if (failure is not null)
            {
                Console.WriteLine($"  errors: {failure}");
            }
        }
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
