using System.Collections.Concurrent;
using System.Text.Json;
using DualRandomGraph.GraphQL.Http;
using DualRandomGraph.GraphQL.Tests.Http;
using DualRandomGraph.GraphQL.Validation;
using GraphQL;
using GraphQL.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Tests.Validation;

/// <summary>
/// <see cref="ValidationResultCache"/> through the real transport. Validation is observed through a rule that counts
/// how often it runs (and with which variables), never through timing. What to expect, request by request: a new
/// text is parsed and validated with the full rule set, which holds rules never declared cacheable, so that first
/// result is not remembered; from then on the document is cached and validated with the cached-document rules only,
/// and that result is remembered per variables.
/// </summary>
public sealed class ValidationResultCacheTests
{
    private const string Hello = "query($n: String) { hello(name: $n) }";

    [Fact]
    public async Task Three_identical_requests_are_validated_in_full_then_once_as_a_cached_document_and_then_not_at_all()
    {
        await using var host = await StartAsync();
        var rule = Rule(host);
        var counts = new List<int>();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("Hello, same!", await HelloAsync(host, Hello, """{ "n": "same" }"""));
            counts.Add(rule.Count);
        }

        Assert.Equal([1, 2, 2], counts);
        Assert.Equal(["same", "same"], rule.Seen);
    }

    [Fact]
    public async Task Alternating_variables_are_each_validated_once_and_each_answer_is_for_its_own_variables()
    {
        await using var host = await StartAsync();
        var rule = Rule(host);

        // The first request of a text is validated with the full rule set and not remembered: take it out of the way.
        Assert.Equal("Hello, world!", await HelloAsync(host, Hello, null));
        var answers = new List<string?>();
        foreach (var name in new[] { "A", "B", "A", "B", "A", "B" })
        {
            answers.Add(await HelloAsync(host, Hello, $$"""{ "n": "{{name}}" }"""));
        }

        Assert.Equal(["Hello, A!", "Hello, B!", "Hello, A!", "Hello, B!", "Hello, A!", "Hello, B!"], answers);
        Assert.Equal(["absent", "A", "B"], rule.Seen);
    }

    [Fact]
    public async Task A_rule_not_declared_cacheable_runs_on_every_request()
    {
        await using var host = await StartAsync(cacheable: false);
        var rule = Rule(host);
        var counts = new List<int>();

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("Hello, x!", await HelloAsync(host, Hello, """{ "n": "x" }"""));
            counts.Add(rule.Count);
        }

        Assert.Equal([1, 2, 3, 4], counts);
    }

    [Fact]
    public async Task An_invalid_request_is_refused_every_time_and_never_remembered_and_a_valid_one_then_works()
    {
        await using var host = await StartAsync();
        var rule = Rule(host);
        const string Required = "query($n: String!) { hello(name: $n) }";

        Assert.Equal("Hello, ok!", await HelloAsync(host, Required, """{ "n": "ok" }"""));
        var refusals = new List<(int Status, string? Code, string? Message)>();
        foreach (var variables in new[] { "{}", "{}", """{ "n": null }""", "{}", """{ "n": { "a": 1 } }""" })
        {
            using var response = await host.Client.PostAsync(Body(Required, variables));
            var body = await response.JsonAsync();
            Assert.False(body.TryGetProperty("data", out _), body.ToString());
            var error = body.GetProperty("errors")[0];
            refusals.Add(((int)response.StatusCode, error.GetProperty("extensions").GetProperty("code").GetString(), error.GetProperty("message").GetString()));
        }

        var countAfterRefusals = rule.Count;
        Assert.Equal("Hello, ok!", await HelloAsync(host, Required, """{ "n": "ok" }"""));
        Assert.Equal("Hello, ok!", await HelloAsync(host, Required, """{ "n": "ok" }"""));

        Assert.All(refusals, r => Assert.Equal(400, r.Status));
        Assert.All(refusals, r => Assert.Equal("INVALID_VALUE", r.Code));
        Assert.Equal(refusals[0], refusals[1]);
        Assert.Equal(refusals[0], refusals[3]);
        Assert.Contains("$n", refusals[0].Message, StringComparison.Ordinal);

        // 1 full validation, then every refused request validated again (5), then "ok" once as a cached document.
        Assert.Equal(6, countAfterRefusals);
        Assert.Equal(7, rule.Count);
    }

    [Fact]
    public async Task A_request_over_a_limit_is_refused_after_a_within_limit_one_was_remembered_and_the_first_still_runs()
    {
        await using var host = await StartAsync(settings: new() { ["GraphQL:Limits:MaxVariableValues"] = "10" }, limits: true);
        var rule = Rule(host);
        const string Within = """{ "n": "x", "pad": [1, 2, 3, 4, 5, 6, 7, 8] }""";
        const string Over = """{ "n": "x", "pad": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }""";
        var outcomes = new List<(int Status, string? Code, int Count)>();

        foreach (var variables in new[] { Within, Within, Over, Over, Within, Within })
        {
            using var response = await host.Client.PostAsync(Body(Hello, variables));
            var body = await response.JsonAsync();
            var code = body.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;
            if (code == null)
            {
                Assert.Equal("Hello, x!", body.GetProperty("data").GetProperty("hello").GetString());
            }

            outcomes.Add(((int)response.StatusCode, code, rule.Count));
        }

        Assert.Equal(
            [
                (200, null, 1), // full validation
                (200, null, 2), // cached document, remembered
                (400, RequestLimitErrorCodes.MaxVariableValuesExceeded, 3),
                (400, RequestLimitErrorCodes.MaxVariableValuesExceeded, 4), // refused again, not remembered
                (200, null, 4), // the remembered answer
                (200, null, 4),
            ],
            outcomes);
    }

    [Fact]
    public async Task A_mutation_cached_from_POST_is_still_refused_over_GET_and_still_runs_over_POST()
    {
        await using var host = await StartAsync();
        var rule = Rule(host);
        const string Mutation = "mutation($by: Int) { increment(by: $by) }";
        var target = "/graphql?query=" + Uri.EscapeDataString(Mutation) + "&variables=" + Uri.EscapeDataString("""{"by":1}""");
        var outcomes = new List<(int Status, string? Code, int Count)>();

        for (var i = 0; i < 3; i++)
        {
            using var post = await host.Client.PostAsync(Body(Mutation, """{ "by": 1 }"""));
            Assert.Equal(i + 1, (await post.JsonAsync()).GetProperty("data").GetProperty("increment").GetInt32());
            outcomes.Add(((int)post.StatusCode, null, rule.Count));
        }

        for (var i = 0; i < 2; i++)
        {
            using var get = await host.Client.GetAsync(target, accept: null);
            var body = await get.JsonAsync();
            outcomes.Add(((int)get.StatusCode, body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(), rule.Count));
        }

        using var again = await host.Client.PostAsync(Body(Mutation, """{ "by": 1 }"""));
        outcomes.Add(((int)again.StatusCode, null, rule.Count));

        Assert.Equal(
            [
                (200, null, 1), (200, null, 2), (200, null, 2),
                (405, GraphQLHttpErrorCodes.MethodNotAllowed, 3), (405, GraphQLHttpErrorCodes.MethodNotAllowed, 4),
                (200, null, 4),
            ],
            outcomes);
        Assert.Equal(4, host.Probe.Counter);
    }

    [Fact]
    public async Task Merged_same_named_fields_answer_each_of_200_concurrent_requests_for_its_own_variables()
    {
        await using var host = await StartAsync();
        const string Merged = """
            query($n: String) { hello(name: $n) greeting: hello(name: $n) ...F ... on Query { hello(name: $n) } }
            fragment F on Query { hello(name: $n) greeting: hello(name: $n) }
            """;

        // Remember both variable sets first, so that the concurrent requests all share remembered results.
        foreach (var name in new[] { "even", "odd", "even", "odd" })
        {
            await PostMergedAsync(name);
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => PostMergedAsync(i % 2 == 0 ? "even" : "odd")));

        Assert.All(answers, a => Assert.Equal((200, $"Hello, {a.Name}!", $"Hello, {a.Name}!", "hello,greeting"), (a.Status, a.Hello, a.Greeting, a.Keys)));
        Assert.Equal(100, answers.Count(a => a.Name == "odd"));
        Assert.Equal(3, Rule(host).Count);

        async Task<(string Name, int Status, string? Hello, string? Greeting, string Keys)> PostMergedAsync(string name)
        {
            using var response = await host.Client.PostAsync(Body(Merged, JsonSerializer.Serialize(new { n = name })));
            var body = await response.JsonAsync();
            var data = body.GetProperty("data");
            return (name, (int)response.StatusCode, data.GetProperty("hello").GetString(), data.GetProperty("greeting").GetString(),
                string.Join(',', data.EnumerateObject().Select(p => p.Name)));
        }
    }

    [Fact]
    public async Task Merged_same_named_fields_of_200_concurrent_mutations_each_run_once_with_their_own_variables()
    {
        // A mutation runs serially, and then GraphQL.NET merges fields into the very argument table it was handed.
        await using var host = await StartAsync();
        const string Merged = """
            mutation($by: Int) { increment(by: $by) ...M }
            fragment M on Mutation { increment(by: $by) }
            """;

        var warmUp = new List<int>();
        foreach (var by in new[] { 1, 2, 1, 2 })
        {
            using var response = await host.Client.PostAsync(Body(Merged, $$"""{ "by": {{by}} }"""));
            warmUp.Add((await response.JsonAsync()).GetProperty("data").GetProperty("increment").GetInt32());
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            using var response = await host.Client.PostAsync(Body(Merged, $$"""{ "by": {{(i % 2) + 1}} }""")); // 100 times 1, 100 times 2
            var body = await response.JsonAsync();
            return ((int)response.StatusCode, body.GetProperty("data").GetProperty("increment").GetInt32());
        }));

        Assert.Equal([1, 3, 4, 6], warmUp);
        Assert.All(responses, r => Assert.Equal(200, r.Item1));
        Assert.Equal(200, responses.Select(r => r.Item2).Distinct().Count());
        Assert.Equal(6 + 300, host.Probe.Counter);
        Assert.Equal(6 + 300, responses.Max(r => r.Item2));
        Assert.Equal(3, Rule(host).Count);
    }

    [Fact]
    public async Task Absent_null_and_given_variables_each_get_their_own_answer_in_any_order()
    {
        // With a default, absent gives the default and an explicit null reaches the resolver (which then says "world").
        await using var host = await StartAsync();
        const string WithDefault = """query($n: String = "default") { hello(name: $n) }""";
        var cases = new (string Query, string? Variables, string Expected)[]
        {
            (Hello, "{}", "Hello, world!"),
            (Hello, """{ "n": null }""", "Hello, world!"),
            (Hello, """{ "n": "x" }""", "Hello, x!"),
            (WithDefault, "{}", "Hello, default!"),
            (WithDefault, """{ "n": null }""", "Hello, world!"),
            (WithDefault, """{ "n": "x" }""", "Hello, x!"),
        };
        var expected = new List<string?>();
        var answers = new List<string?>();

        for (var round = 0; round < 3; round++)
        {
            // A different order each round: whatever was remembered first must not answer for the others.
            foreach (var (query, variables, answer) in round == 1 ? Enumerable.Reverse(cases) : cases)
            {
                expected.Add(answer);
                answers.Add(await HelloAsync(host, query, variables));
            }
        }

        Assert.Equal(expected, answers);

        // Round 1: Hello in full, then null and x; WithDefault in full, then null and x. Round 2: the two absent ones,
        // whose first request was validated in full and not remembered. Round 3: nothing.
        Assert.Equal(["absent", "null", "x", "absent", "null", "x", "absent", "absent"], Rule(host).Seen);
    }

    [Fact]
    public async Task A_remembered_string_does_not_answer_for_a_number_or_a_boolean_of_the_same_text()
    {
        await using var host = await StartAsync();

        var answers = new List<(int Status, string? Hello)>();
        foreach (var variables in new[] { """{ "n": "1" }""", """{ "n": "1" }""", """{ "n": 1 }""", """{ "n": "true" }""", """{ "n": true }""", """{ "n": "1" }""", """{ "n": 1 }""" })
        {
            using var response = await host.Client.PostAsync(Body(Hello, variables));
            var body = await response.JsonAsync();
            answers.Add(((int)response.StatusCode, body.TryGetProperty("data", out var data) ? data.GetProperty("hello").GetString() : null));
        }

        Assert.Equal([(200, "Hello, 1!"), (200, "Hello, 1!"), (400, null), (200, "Hello, true!"), (400, null), (200, "Hello, 1!"), (400, null)], answers);
    }

    [Fact]
    public async Task Each_operation_of_a_cached_document_is_remembered_on_its_own()
    {
        await using var host = await StartAsync();
        const string Document = "query A($n: String) { a: hello(name: $n) } query B($n: String) { b: hello(name: $n) }";
        var answers = new List<string>();

        foreach (var operation in new[] { "A", "A", "B", "B", "A", "B" })
        {
            using var response = await host.Client.PostAsync(Body(Document, """{ "n": "x" }""", operation));
            answers.Add((await response.JsonAsync()).GetProperty("data").ToString());
        }

        Assert.Equal(["A", "A", "B", "B", "A", "B"], answers.Select(a => a.Contains("\"a\":\"Hello, x!\"", StringComparison.Ordinal) ? "A" : a.Contains("\"b\":\"Hello, x!\"", StringComparison.Ordinal) ? "B" : a));
        // A in full, A as a cached document, B as a cached document; then all remembered.
        Assert.Equal(3, Rule(host).Count);
    }

    [Fact]
    public async Task Past_VariantsPerDocument_variable_sets_the_cache_starts_over()
    {
        await using var host = await StartAsync(settings: new() { ["GraphQL:ValidationCache:VariantsPerDocument"] = "2" });
        var rule = Rule(host);
        var steps = new List<(string? Answer, int Count)>();

        foreach (var name in new[] { null, "A", "B", "A", "C", "A", "C", "B" })
        {
            steps.Add((await HelloAsync(host, Hello, name == null ? null : $$"""{ "n": "{{name}}" }"""), rule.Count));
        }

        Assert.Equal(
            [
                ("Hello, world!", 1), // full validation
                ("Hello, A!", 2), // {A}
                ("Hello, B!", 3), // {A, B}
                ("Hello, A!", 3), // remembered
                ("Hello, C!", 4), // full: starts over with {C}
                ("Hello, A!", 5), // {C, A}
                ("Hello, C!", 5), // remembered
                ("Hello, B!", 6), // full: starts over with {B}
            ],
            steps);
    }

    [Fact]
    public async Task VariantsPerDocument_zero_turns_the_cache_off()
    {
        await using var host = await StartAsync(settings: new() { ["GraphQL:ValidationCache:VariantsPerDocument"] = "0" });
        var counts = new List<int>();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("Hello, x!", await HelloAsync(host, Hello, """{ "n": "x" }"""));
            counts.Add(Rule(host).Count);
        }

        Assert.Equal([1, 2, 3], counts);
    }

    [Fact]
    public async Task Variables_holding_more_values_than_MaxVariableValues_are_validated_every_time()
    {
        await using var host = await StartAsync();
        var variables = JsonSerializer.Serialize(new { n = "x", pad = Enumerable.Range(0, 63).ToArray() }); // 1 + 1 + 63 = 65 values
        var counts = new List<int>();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("Hello, x!", await HelloAsync(host, Hello, variables));
            counts.Add(Rule(host).Count);
        }

        Assert.Equal([1, 2, 3], counts);
    }

    private static Task<GraphQLTestHost> StartAsync(bool cacheable = true, Dictionary<string, string?>? settings = null, bool limits = false)
        => GraphQLTestHost.StartAsync(
            settings,
            graphQL: b =>
            {
                if (limits)
                {
                    b.AddRequestLimits();
                }

                b.AddValidationRule<CountingRule>(useForCachedDocuments: true);
            },
            services: s =>
            {
                if (cacheable)
                {
                    s.Configure<ValidationCacheOptions>(o => o.CacheableRules.Add(typeof(CountingRule)));
                }
            });

    private static CountingRule Rule(GraphQLTestHost host) => host.App.Services.GetRequiredService<CountingRule>();

    private static string Body(string query, string? variables, string? operationName = null)
        => $$"""{"query":{{JsonSerializer.Serialize(query)}},"variables":{{variables ?? "null"}},"operationName":{{JsonSerializer.Serialize(operationName)}}}""";

    /// <summary>Posts, requires a 200 without errors, and returns <c>hello</c>.</summary>
    private static async Task<string?> HelloAsync(GraphQLTestHost host, string query, string? variables)
    {
        using var response = await host.Client.PostAsync(Body(query, variables));
        var body = await response.JsonAsync();
        Assert.True(200 == (int)response.StatusCode && !body.TryGetProperty("errors", out _), body.ToString());
        return body.GetProperty("data").GetProperty("hello").GetString();
    }

    /// <summary>Counts its runs and notes the raw <c>n</c> each validation saw ("absent", "null" or its text).</summary>
    private sealed class CountingRule : IValidationRule
    {
        private readonly ConcurrentQueue<string> _seen = new();
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public List<string> Seen => [.. _seen];

        public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
        {
            Interlocked.Increment(ref _count);
            _seen.Enqueue(context.Variables.TryGetValue("n", out var n) ? n?.ToString() ?? "null" : "absent");
            return default;
        }

        public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

        public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;
    }

    [Fact]
    public async Task Variables_holding_exactly_MaxVariableValues_values_are_remembered()
    {
        // ValidationCacheOptions.MaxVariableValues: "Requests whose variables hold MORE values than this are validated
        // every time", values counted as RequestLimitsOptions.MaxVariableValues counts them (every scalar, list and object).
        await using var host = await StartAsync();
        var variables = JsonSerializer.Serialize(new { n = "x", pad = Enumerable.Range(0, 62).ToArray() }); // 1 + 1 + 62 = 64 values
        var counts = new List<int>();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("Hello, x!", await HelloAsync(host, Hello, variables));
            counts.Add(Rule(host).Count);
        }

        Assert.Equal([1, 2, 2], counts);
    }

    [Fact]
    public async Task A_single_variable_is_remembered_when_MaxVariableValues_is_one()
    {
        await using var host = await StartAsync(settings: new() { ["GraphQL:ValidationCache:MaxVariableValues"] = "1" });
        var counts = new List<int>();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("Hello, x!", await HelloAsync(host, Hello, """{ "n": "x" }"""));
            counts.Add(Rule(host).Count);
        }

        Assert.Equal([1, 2, 2], counts);
    }
}
