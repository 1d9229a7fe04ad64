using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using Xunit.Abstractions;

namespace DualRandomGraph.Api.Tests.Security;

/// <summary>The real server without a rate limit (RateLimitTests covers it), so the whole corpus can come from one address.</summary>
public sealed class HostileInputApiFactory() : SecurityApiFactory("Testing", ("RateLimiting:Enabled", "false"));

/// <summary>
/// Runs the hostile-input corpus (<see cref="HostileCorpus"/>) against the real endpoint: each request gets the answer
/// its case expects, none gets a 5xx or shows the server's internals, the database is the same before and after
/// to the last value, and the server still answers ordinary queries.
/// </summary>
public sealed class HostileInputTests(HostileInputApiFactory factory, ITestOutputHelper output) : IClassFixture<HostileInputApiFactory>
{
    /// <summary>What an answer must never contain: stack traces, exception and framework type names, the database engine.</summary>
    private static readonly string[] Internals = ["   at ", "--->", "Exception", "System.", "Microsoft.", "DualRandomGraph.", "SQLite", "SQLITE", "no such table", "Npgsql", "Postgres"];

    [Fact]
    public async Task Every_hostile_request_gets_a_clear_answer_changes_nothing_and_leaves_the_server_healthy()
    {
        var corpus = HostileCorpus.Load();
        Assert.True(corpus.Count >= 200, $"The corpus holds {corpus.Count} cases; issue 6 asks for at least 200.");
        await AssertHealthyAsync(); // started, migrated, demo data loaded
        var before = await DatabaseDigest.ReadAsync(factory.Database);

        var failures = new List<string>();
        var timings = new List<(string Case, TimeSpan Elapsed)>();
        var total = Stopwatch.StartNew();
        foreach (var hostileCase in corpus)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await SendAsync(hostileCase);
                var body = await response.Content.ReadAsStringAsync();
                failures.AddRange(Check(hostileCase, response, body).Select(problem => $"{hostileCase.Id}: {problem}\n    HTTP {(int)response.StatusCode} {Shorten(body)}"));
            }
            catch (Exception ex)
            {
                failures.Add($"{hostileCase.Id}: the request failed: {ex.GetType().Name}: {ex.Message}");
            }

            timings.Add((hostileCase.Id, clock.Elapsed));
        }

        total.Stop();
        var after = await DatabaseDigest.ReadAsync(factory.Database);

        output.WriteLine($"{corpus.Count} cases in {corpus.Select(c => c.Category).Distinct().Count()} categories, {total.Elapsed.TotalSeconds:0.0} s; slowest:");
        foreach (var (name, elapsed) in timings.OrderByDescending(t => t.Elapsed).Take(5))
        {
            output.WriteLine($"  {elapsed.TotalMilliseconds,8:0} ms  {name}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {corpus.Count} cases failed:\n" + string.Join("\n", failures));
        // The audit log is the one table that must grow: every hostile mutation that reached a resolver is recorded
        // (and so does its AUTOINCREMENT counter in sqlite_sequence, which otherwise mirrors the tables compared here).
        var changed = before.Keys.Union(after.Keys).Where(table => table is not ("AuditEntries" or "sqlite_sequence"))
            .Where(table => before.GetValueOrDefault(table) != after.GetValueOrDefault(table)).ToList();
        Assert.True(changed.Count == 0, "The corpus changed the database: " + string.Join("; ", changed.Select(t => $"{t}: {before.GetValueOrDefault(t)} -> {after.GetValueOrDefault(t)}")));
        await AssertHealthyAsync();
    }

    private static IEnumerable<string> Check(HostileCase hostileCase, HttpResponseMessage response, string body)
    {
        var expect = hostileCase.Expect;
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            yield return $"a server error ({status})";
        }

        if (status != expect.Status)
        {
            yield return $"status {status}, expected {expect.Status}";
        }

        foreach (var secret in Internals.Where(s => body.Contains(s, StringComparison.Ordinal)))
        {
            yield return $"the answer shows internals ('{secret}')";
        }

        foreach (var (header, prefix) in expect.Headers ?? [])
        {
            var value = response.Headers.TryGetValues(header, out var values) ? string.Join(",", values) : null;
            if (value is null || !value.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return $"header {header} is '{value}', expected it to start with '{prefix}'";
            }
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            json = null;
        }

        if (json is null)
        {
            yield return "the answer is not JSON";
            yield break;
        }

        var results = json is JsonArray batch ? batch.Select(r => r as JsonObject).ToList() : [json as JsonObject];
        var codes = new List<string>();
        foreach (var result in results)
        {
            foreach (var error in result?["errors"] as JsonArray ?? [])
            {
                var code = (string?)error?["extensions"]?["code"];
                if (string.IsNullOrEmpty(code))
                {
                    yield return $"an error without a code: {error?.ToJsonString()}";
                }
                else
                {
                    codes.Add(code);
                }

                if (error?["extensions"]?["details"] is not null)
                {
                    yield return "an error with exception details";
                }
            }

            codes.AddRange(PayloadCodes(result?["data"]));
        }

        if (status >= 400 && codes.Count == 0)
        {
            yield return "a refusal without an error";
        }

        foreach (var code in expect.Codes.Where(c => !codes.Contains(c)))
        {
            yield return $"no error with code {code} (codes: {string.Join(", ", codes)})";
        }

        if (expect.Codes.Length == 0 && codes.Count > 0)
        {
            yield return $"unexpected errors: {string.Join(", ", codes)}";
        }

        foreach (var (path, expected) in expect.Data ?? [])
        {
            var actual = Navigate(json["data"], path);
            if (!JsonNode.DeepEquals(actual, JsonNode.Parse(expected.GetRawText())))
            {
                yield return $"data.{path} is {actual?.ToJsonString() ?? "null"}, expected {expected.GetRawText()}";
            }
        }
    }

    /// <summary>The codes of typed errors in mutation payloads: <c>errors: [{ code }]</c> anywhere under data.</summary>
    private static IEnumerable<string> PayloadCodes(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "errors" && p.Value is JsonArray errors
            ? errors.Select(e => (string?)e?["code"]).OfType<string>()
            : PayloadCodes(p.Value)),
        JsonArray array => array.SelectMany(PayloadCodes),
        _ => [],
    };

    private static JsonNode? Navigate(JsonNode? node, string path)
    {
        foreach (var step in path.Split('.'))
        {
            node = node switch
            {
                JsonArray array when int.TryParse(step, out var index) => index < array.Count ? array[index] : null,
                JsonObject obj => obj[step],
                _ => null,
            };
        }

        return node;
    }

    private async Task<HttpResponseMessage> SendAsync(HostileCase hostileCase)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(hostileCase.Method), hostileCase.Target());
        if (hostileCase.BodyBytes() is { } bytes)
        {
            request.Content = new ByteArrayContent(bytes);
            var contentType = hostileCase.ContentType.ValueKind switch
            {
                JsonValueKind.Undefined => "application/json",
                JsonValueKind.Null => null,
                _ => hostileCase.ContentType.GetString(),
            };
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        if (hostileCase.Role is { } role)
        {
            var token = TokenIssuer.Issue(factory.Jwt, "hostile-" + role, [role], TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        foreach (var (name, value) in hostileCase.Headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, HostileCorpus.Text(value));
        }

        return await client.SendAsync(request);
    }

    private async Task AssertHealthyAsync()
    {
        var anonymous = await factory.CreateGraphQLClient().QueryAsync("{ checkItems(first: 50) { totalCount } }");
        var staff = await factory.CreateGraphQLClient(Roles.Auditor).QueryAsync("{ targets { totalCount } inspectors { totalCount } }");

        Assert.Equal(11, (int)anonymous["checkItems"]!["totalCount"]!);
        Assert.Equal(11, (int)staff["targets"]!["totalCount"]!);
        Assert.Equal(12, (int)staff["inspectors"]!["totalCount"]!);
    }

    private static string Shorten(string body) => body.Length <= 400 ? body : body[..400] + $"... ({body.Length} characters)";
}
