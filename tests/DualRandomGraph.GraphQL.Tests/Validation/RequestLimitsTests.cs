using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DualRandomGraph.GraphQL.Http;
using DualRandomGraph.GraphQL.Tests.Http;
using DualRandomGraph.GraphQL.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.GraphQL.Tests.Validation;

/// <summary>Every request limit through the real transport: just over it the request is refused with its code, at it the request runs.</summary>
public sealed class RequestLimitsTests
{
    private static string Repeat(string format, int count)
        => string.Join(' ', Enumerable.Range(0, count).Select(i => string.Format(CultureInfo.InvariantCulture, format, i, i + 1)));

    /// <summary>F0 spreads F1, which spreads F2, ... F{length} selects hello; <paramref name="spreads"/> spreads of the next one each.</summary>
    private static string Chain(int length, int spreads = 1)
        => "{ ...F0 } " + Repeat("fragment F{0} on Query {{ " + string.Concat(Enumerable.Repeat("...F{1} ", spreads)) + "}}", length)
           + $" fragment F{length} on Query {{ hello }}";

    private sealed record Case(string Setting, int Limit, string Within, string Over, string Code, string? Variables = null, string? OverVariables = null)
    {
        public string? OperationName => Within.StartsWith("query A", StringComparison.Ordinal) ? "A" : null;
    }

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["operations"] = new("MaxOperations", 2,
            "query A { hello } query B { hello }",
            "query A { hello } query B { hello } query C { hello }",
            RequestLimitErrorCodes.MaxOperationsExceeded),
        ["fragments"] = new("MaxFragments", 2,
            "{ ...A ...B } fragment A on Query { hello } fragment B on Query { count }",
            "{ ...A ...B ...C } fragment A on Query { hello } fragment B on Query { count } fragment C on Query { whoami }",
            RequestLimitErrorCodes.MaxFragmentsExceeded),
        ["nodes"] = new("MaxNodes", 7,
            "{ hello count }", // document, operation, selection set, 2 fields with their 2 names = 7
            "{ hello count whoami }",
            RequestLimitErrorCodes.MaxNodesExceeded),
        ["document depth through fragments"] = new("MaxDocumentDepth", 20,
            "{ ...F0 } fragment F0 on Query { ...F1 } fragment F1 on Query { ...F2 } fragment F2 on Query { hello }",
            Chain(12),
            RequestLimitErrorCodes.MaxDepthExceeded),
        ["repeated fields through fragments"] = new("MaxRepeatedFields", 3,
            "{ hello ...F } fragment F on Query { hello hello }",
            "{ hello ...F ...G } fragment F on Query { hello hello } fragment G on Query { hello }",
            RequestLimitErrorCodes.MaxRepeatedFieldsExceeded),
        ["aliases, a fragment counted as often as it is spread"] = new("MaxAliases", 4,
            "{ ...F ...G } fragment F on Query { a: hello b: count } fragment G on Query { ...F }",
            "{ ...F ...G c: whoami } fragment F on Query { a: hello b: count } fragment G on Query { ...F }",
            RequestLimitErrorCodes.MaxAliasesExceeded),
        ["root fields through inline fragments"] = new("MaxRootFields", 2,
            "{ hello ... on Query { count } }",
            "{ hello ... on Query { count whoami } }",
            RequestLimitErrorCodes.MaxRootFieldsExceeded),
        ["introspection lists nested within themselves, through fragments"] = new("MaxIntrospectionRecursion", 1,
            "{ __schema { types { ...T } } } fragment T on __Type { fields { name type { name } } interfaces { name } }",
            "{ __schema { types { ...T } } } fragment T on __Type { fields { name type { fields { name } } } }",
            RequestLimitErrorCodes.MaxIntrospectionRecursionExceeded),
        ["variable values"] = new("MaxVariableValues", 4,
            "query($n: String) { hello(name: $n) }",
            "query($n: String) { hello(name: $n) }",
            RequestLimitErrorCodes.MaxVariableValuesExceeded,
            """{ "n": "x", "unused": [1, 2] }""",
            """{ "n": "x", "unused": [1, 2, 3] }"""),
        ["variable depth"] = new("MaxVariableDepth", 3,
            "query($n: String) { hello(name: $n) }",
            "query($n: String) { hello(name: $n) }",
            RequestLimitErrorCodes.MaxVariableDepthExceeded,
            """{ "n": "x", "extra": { "a": [1] } }""",
            """{ "n": "x", "extra": { "a": [[1]] } }"""),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_request_over_a_limit_is_refused_with_its_code_and_figures_and_one_within_it_runs(string name)
    {
        var limit = Cases[name];
        await using var host = await StartAsync(new() { ["GraphQL:Limits:" + limit.Setting] = limit.Limit.ToString(CultureInfo.InvariantCulture) });

        using var within = await host.Client.PostAsync(Body(limit.Within, limit.Variables, limit.OperationName));
        using var overLimit = await host.Client.PostAsync(Body(limit.Over, limit.OverVariables ?? limit.Variables, limit.OperationName));

        Assert.True(200 == (int)within.StatusCode, await within.Content.ReadAsStringAsync());
        Assert.Equal(400, (int)overLimit.StatusCode);
        var error = (await overLimit.JsonAsync()).GetProperty("errors").EnumerateArray()
            .Single(e => e.GetProperty("extensions").GetProperty("code").GetString() == limit.Code);
        var extensions = error.GetProperty("extensions");
        var max = extensions.EnumerateObject().Single(p => p.Name.StartsWith("max", StringComparison.Ordinal));
        Assert.Equal(limit.Limit, max.Value.GetInt32());
        var measured = extensions.EnumerateObject().Single(p => p.Name is not "code" and not "codes" && !p.Name.StartsWith("max", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.Number);
        Assert.True(measured.Value.GetInt64() > limit.Limit, error.ToString());
    }

    [Fact]
    public async Task A_fragment_chain_that_overflowed_the_validators_stack_is_refused_and_the_server_lives()
    {
        // Before the limits, GraphQL.NET's validator recursed through this chain until the process died of a stack overflow.
        await using var host = await StartAsync(new() { ["GraphQL:Limits:MaxFragments"] = "100000", ["GraphQL:Limits:MaxNodes"] = "10000000" });

        using var response = await host.Client.PostAsync(HttpTestRequests.Query(Chain(20_000)));
        using var after = await host.Client.PostAsync(HttpTestRequests.Query("{ hello }"));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(RequestLimitErrorCodes.MaxDepthExceeded, Code(await response.JsonAsync()));
        Assert.Equal(200, (int)after.StatusCode);
    }

    [Fact]
    public async Task A_document_deeper_than_the_parser_allows_is_a_client_error_not_a_server_fault()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.PostAsync(HttpTestRequests.Query("{ " + string.Concat(Enumerable.Repeat("a { ", 200)) + "b" + new string('}', 201)));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(RequestLimitErrorCodes.MaxDepthExceeded, Code(await response.JsonAsync()));
    }

    /// <summary>Each of these kept GraphQL.NET's validator busy for seconds to minutes, or made megabytes of errors, before the limits.</summary>
    public static TheoryData<string, string, string> Attacks => new()
    {
        { "2000 same-named fields with differing arguments (158 s, 270 MB of errors)", "{ " + Repeat("t: hello(name: \"{0}\")", 2000) + " }", RequestLimitErrorCodes.MaxNodesExceeded },
        { "400 same-named fields with differing arguments", "{ " + Repeat("t: hello(name: \"{0}\")", 400) + " }", RequestLimitErrorCodes.MaxRepeatedFieldsExceeded },
        { "5000 fragments spread side by side (580 s)", "{ " + Repeat("...F{0}", 5000) + " } " + Repeat("fragment F{0} on Query {{ hello }}", 5000), RequestLimitErrorCodes.MaxFragmentsExceeded },
        { "20,000 repeated directives", "{ hello " + Repeat("@include(if: true)", 20_000) + " }", RequestLimitErrorCodes.MaxNodesExceeded },
        { "fragments doubling 30 times", Chain(30, spreads: 2), RequestLimitErrorCodes.MaxRepeatedFieldsExceeded },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Validator_attacks_are_refused_before_validation_starts(string attack, string query, string code)
    {
        await using var host = await StartAsync();
        var clock = Stopwatch.StartNew();

        using var response = await host.Client.PostAsync(HttpTestRequests.Query(query));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(code, Code(await response.JsonAsync()));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{attack}: refused after {clock.Elapsed}");
    }

    [Fact]
    public async Task Operation_limits_hold_for_a_cached_document_whose_other_operation_is_executed()
    {
        await using var host = await StartAsync(new() { ["GraphQL:Limits:MaxAliases"] = "3" });
        const string Document = "query Small { hello } query Big { a: hello b: count c: whoami d: hello }";

        using var small = await host.Client.PostAsync(Body(Document, null, "Small"));
        using var big = await host.Client.PostAsync(Body(Document, null, "Big"));

        Assert.Equal(200, (int)small.StatusCode);
        Assert.Equal(1, host.App.Services.GetRequiredService<GraphQLDocumentCache>().Count);
        Assert.Equal(400, (int)big.StatusCode);
        Assert.Equal(RequestLimitErrorCodes.MaxAliasesExceeded, Code(await big.JsonAsync()));
    }

    [Fact]
    public async Task Variable_limits_hold_for_a_cached_document()
    {
        await using var host = await StartAsync(new() { ["GraphQL:Limits:MaxVariableValues"] = "10" });
        const string Query = "query($n: String) { hello(name: $n) }";

        using var small = await host.Client.PostAsync(Body(Query, """{ "n": "x" }""", null));
        using var large = await host.Client.PostAsync(Body(Query, """{ "n": "x", "pad": [1,2,3,4,5,6,7,8,9,10] }""", null));

        Assert.Equal(200, (int)small.StatusCode);
        Assert.Equal(1, host.App.Services.GetRequiredService<GraphQLDocumentCache>().Count);
        Assert.Equal(400, (int)large.StatusCode);
        Assert.Equal(RequestLimitErrorCodes.MaxVariableValuesExceeded, Code(await large.JsonAsync()));
    }

    [Fact]
    public async Task The_errors_of_a_refused_request_are_cut_to_the_limit_and_say_so()
    {
        await using var host = await StartAsync(new() { ["GraphQL:Limits:MaxValidationErrors"] = "3" });

        // Five same-named fields with differing arguments conflict pairwise: ten errors.
        using var response = await host.Client.PostAsync(HttpTestRequests.Query("{ " + Repeat("t: hello(name: \"{0}\")", 5) + " }"));

        var errors = (await response.JsonAsync()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(4, errors.Count);
        Assert.Equal(RequestLimitErrorCodes.TooManyErrors, errors[3].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("7 more errors", errors[3].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>GraphQL.NET's standard rules already refuse these; the limits must leave that so.</summary>
    [Theory]
    [InlineData("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }", "NO_FRAGMENT_CYCLES")]
    [InlineData("{ ...A } fragment A on Query { hello ...A }", "NO_FRAGMENT_CYCLES")]
    [InlineData("query($unused: String) { hello }", "NO_UNUSED_VARIABLES")]
    [InlineData("query { hello(name: $undefined) }", "NO_UNDEFINED_VARIABLES")]
    [InlineData("{ hello } fragment Unused on Query { count }", "NO_UNUSED_FRAGMENTS")]
    [InlineData("{ ...Missing }", "KNOWN_FRAGMENT_NAMES")]
    public async Task Fragment_cycles_and_variable_tricks_are_refused_by_standard_validation(string query, string code)
    {
        await using var host = await StartAsync();

        using var response = await host.Client.PostAsync(HttpTestRequests.Query(query));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains(code, Codes(await response.JsonAsync()));
    }

    [Fact]
    public async Task A_long_fragment_cycle_is_refused_without_recursing_through_it()
    {
        await using var host = await StartAsync(new() { ["GraphQL:Limits:MaxFragments"] = "100000", ["GraphQL:Limits:MaxNodes"] = "10000000" });
        var cycle = Chain(5_000).Replace("fragment F5000 on Query { hello }", "fragment F5000 on Query { ...F0 }", StringComparison.Ordinal);

        using var response = await host.Client.PostAsync(HttpTestRequests.Query(cycle));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(RequestLimitErrorCodes.MaxDepthExceeded, Code(await response.JsonAsync()));
    }

    [Theory]
    [InlineData("MaxDocumentDepth", "0")]
    [InlineData("MaxDocumentDepth", "5000")]
    [InlineData("MaxAliases", "0")]
    [InlineData("MaxVariableValues", "-1")]
    public async Task A_limit_out_of_range_stops_the_server_from_starting(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { ["GraphQL:Limits:" + setting] = value }));

        Assert.Contains("GraphQL:Limits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Null_turns_a_limit_off()
    {
        await using var host = await StartAsync(new() { ["GraphQL:Limits:MaxRootFields"] = "" }, limits => limits.MaxRepeatedFields = null);

        using var response = await host.Client.PostAsync(HttpTestRequests.Query("{ " + Repeat("hello", 30) + " }"));

        Assert.Equal(200, (int)response.StatusCode);
    }

    private static Task<GraphQLTestHost> StartAsync(Dictionary<string, string?>? settings = null, Action<RequestLimitsOptions>? configure = null)
        => GraphQLTestHost.StartAsync(settings, graphQL: b => b.AddRequestLimits(configure));

    private static string Body(string query, string? variables, string? operationName)
        => $$"""{"query":{{JsonSerializer.Serialize(query)}},"variables":{{variables ?? "null"}},"operationName":{{JsonSerializer.Serialize(operationName)}}}""";

    private static string? Code(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    private static List<string?> Codes(JsonElement body)
        => [.. body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("extensions").GetProperty("code").GetString())];
}
