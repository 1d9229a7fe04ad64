using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;

namespace DualRandomGraph.LoadBenchmarks;

/// <summary>
/// Ceiling ratio (issue 8, benchmark 1): the same filtered, sorted, paged, projected <c>targets</c> page through
/// <c>/graphql</c> and through <see cref="CeilingEndpoint"/>, same server, same concurrency, alternating rounds so that
/// both sides see the same background load of the shared machine.
/// </summary>
internal static class CeilingBenchmark
{
    public const string Query = """
        query Ceiling($text: String!) {
          targets(first: 50, where: { category: { eq: GENERAL }, name: { contains: $text } }, order: [{ name: ASC }]) {
            nodes { id name creditCode category region { name } }
            pageInfo { hasNextPage }
          }
        }
        """;

    /// <summary>Search words of generated firm names; rotating them varies the page without changing its cost much.</summary>
    private static readonly string[] Texts = ["化工", "食品", "油脂", "热电", "建材", "棉纺", "天山", "丝路"];

    public static async Task RunAsync(BenchmarkServer server, BenchmarkOptions options)
    {
        var token = server.Token(Roles.Coordinator, "bench-ceiling");
        var sql = new SqlCounter { Capture = true };
        var graphQL = await SendGraphQLAsync(server, token, Texts[0]);
        var graphQLSql = sql.Statements.ToArray();
        sql.Statements.Clear();
        var ceiling = await SendCeilingAsync(server, token, Texts[0]);
        var ceilingSql = sql.Statements.ToArray();
        sql.Dispose();
        var same = JsonNode.DeepEquals(JsonNode.Parse(graphQL.Body), JsonNode.Parse(ceiling.Body)) && graphQL.Body == ceiling.Body;
        Console.WriteLine($"ceiling: identical response bytes: {(same ? "yes" : "NO")} ({graphQL.Body.Length:N0} bytes, {graphQL.MediaType} / {ceiling.MediaType}); SQL statements per request: GraphQL {graphQLSql.Length}, ceiling {ceilingSql.Length}");
        foreach (var (side, statements) in new[] { ("GraphQL", graphQLSql), ("ceiling", ceilingSql) })
        {
            Console.WriteLine($"  {side} SQL: {string.Join(" | ", statements.Select(s => s.ReplaceLineEndings(" ")))}");
        }

        var duration = TimeSpan.FromSeconds(options.Seconds);
        Func<int, Task<bool>> graphQLRequest = async worker => (await SendGraphQLAsync(server, token, Texts[worker % Texts.Length])).Ok;
        Func<int, Task<bool>> ceilingRequest = async worker => (await SendCeilingAsync(server, token, Texts[worker % Texts.Length])).Ok;

        // Warm both paths (JIT and its tiering, EF query cache, document cache, connection pool), then alternate measured
        // rounds. Tiered compilation kept both sides climbing for ~10 s after 3 s of warm-up, so each side gets 10 s.
        await LoadRunner.RunAsync(options.Concurrency, TimeSpan.FromSeconds(10), graphQLRequest);
        await LoadRunner.RunAsync(options.Concurrency, TimeSpan.FromSeconds(10), ceilingRequest);
        // Short rounds in ABBA order, so that a change in the shared machine's load falls on both sides alike.
        var rounds = Math.Max(2, options.Seconds / 2);
        var graphQLRounds = new List<LoadResult>();
        var ceilingRounds = new List<LoadResult>();
        for (var round = 0; round < rounds; round++)
        {
            var graphQLFirst = round % 4 is 0 or 3;
            foreach (var graphQLSide in graphQLFirst ? new[] { true, false } : [false, true])
            {
                (graphQLSide ? graphQLRounds : ceilingRounds).Add(await LoadRunner.RunAsync(options.Concurrency, duration / rounds, graphQLSide ? graphQLRequest : ceilingRequest));
            }
        }

        var graphQLRate = graphQLRounds.Sum(r => r.Requests) / graphQLRounds.Sum(r => r.Elapsed.TotalSeconds);
        var ceilingRate = ceilingRounds.Sum(r => r.Requests) / ceilingRounds.Sum(r => r.Elapsed.TotalSeconds);
        foreach (var (name, results) in new[] { ("GraphQL", graphQLRounds), ("ceiling", ceilingRounds) })
        {
            var latencies = results.SelectMany(r => r.LatenciesMs).Order().ToArray();
            Console.WriteLine($"  {name}: {new LoadResult(latencies, results.Sum(r => r.Errors), TimeSpan.FromSeconds(results.Sum(r => r.Elapsed.TotalSeconds)))}; rounds {string.Join(", ", results.Select(r => r.RequestsPerSecond.ToString("F0", CultureInfo.InvariantCulture)))} req/s");
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"ceiling ratio: GraphQL {graphQLRate:F1} req/s, ceiling {ceilingRate:F1} req/s, ratio {graphQLRate / ceilingRate:F2} (goal ≥ 0.80), concurrency {options.Concurrency}, {options.Seconds} s a side in {rounds} rounds"));
    }

    private static async Task<(bool Ok, string Body, string? MediaType)> SendGraphQLAsync(BenchmarkServer server, string token, string text)
    {
        using var request = BenchmarkServer.GraphQLRequest(token, Query, new { text });
        using var response = await server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.IsSuccessStatusCode && !body.Contains("\"errors\"", StringComparison.Ordinal), body, response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<(bool Ok, string Body, string? MediaType)> SendCeilingAsync(BenchmarkServer server, string token, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, CeilingEndpoint.Path) { Content = JsonContent.Create(new { text }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.IsSuccessStatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }
}
