using System.Text;
using System.Text.Json;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Data.Cost;
using DualRandomGraph.GraphQL.Execution;
using DualRandomGraph.GraphQL.Http;
using DualRandomGraph.GraphQL.Tests.Data.TestModel;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using DataTestSchema = DualRandomGraph.GraphQL.Tests.Data.TestModel.TestSchema;

namespace DualRandomGraph.GraphQL.Tests.Data;

/// <summary>
/// <see cref="DataPlanCache"/> with both caches in front of it: every request goes through the real HTTP endpoint
/// (<see cref="DataHttpHost"/>, the data test model on its own SQLite file), so that the same text hits the document
/// cache and the same variables hit the validation cache, and gets the same <c>Variables</c> object. Each test has
/// its own host, hence its own caches and its own <see cref="DataPlanCache.PlansBuilt"/>. Every test runs on GraphQL.NET's
/// own strategy (<see cref="DataPlanCacheTests"/>) and on the API's <c>AddInlineExecution()</c>
/// (<see cref="DataPlanCacheInlineExecutionTests"/>).
/// <para>
/// What to expect from <see cref="DataPlanCache.PlansBuilt"/>: one plan per data field per validation (a root field
/// and each nested paged list). A text without variables gets <c>Variables.None</c> every time, so its plans are built
/// once. A text with variables is validated in full on its first request (a result that is not remembered, since the
/// full rule set is not declared cacheable), then once more as a cached document per variable set: its plans are
/// built twice for the first variable set, once for each other one, and never again for a repeat.
/// </para>
/// </summary>
public abstract class DataPlanCacheContract(bool inlineExecution) : IAsyncLifetime
{
    private DataHttpHost _host = null!;
    private List<Company> _companies = null!;

    public async Task InitializeAsync()
    {
        _host = await DataHttpHost.StartAsync(inlineExecution);
        _companies = _host.AllCompanies();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_identical_query_without_variables_builds_its_plans_once_and_answers_the_same_rows()
    {
        const string Query = """
            {
              companies(first: 4, where: { active: { eq: true } }, order: [{ name: ASC }]) {
                totalCount
                pageInfo { hasNextPage endCursor }
                nodes { code name region { name } visits(first: 2, order: [{ date: DESC }]) { totalCount nodes { id date } } }
              }
            }
            """;
        var answers = new List<string>();
        var built = new List<long>();

        for (var i = 0; i < 3; i++)
        {
            var before = _host.PlansBuilt;
            answers.Add((await _host.DataAsync(Query)).ToString());
            built.Add(_host.PlansBuilt - before);
        }

        Assert.Equal([2, 0, 0], built); // companies and Company.visits, once
        Assert.Equal(answers[0], answers[1]);
        Assert.Equal(answers[0], answers[2]);
        var page = JsonDocument.Parse(answers[0]).RootElement.GetProperty("companies");
        var active = _companies.Where(c => c.Active).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(active.Count, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(active.Take(4).Select(c => c.Code), Codes(page));
        Assert.Equal(active.Take(4).Select(c => c.Region.Name), page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("region").GetProperty("name").GetString()));
        Assert.Equal(
            active.Take(4).Select(c => string.Join(',', c.Visits.OrderByDescending(v => v.Date).Take(2).Select(v => v.Id))),
            page.GetProperty("nodes").EnumerateArray().Select(n => string.Join(',', n.GetProperty("visits").GetProperty("nodes").EnumerateArray().Select(v => v.GetProperty("id").GetInt32()))));
    }

    [Fact]
    public async Task An_identical_query_with_variables_builds_no_plan_once_its_variables_were_validated_as_a_cached_document()
    {
        const string Query = """
            query($first: Int, $active: Boolean, $visits: Int) {
              companies(first: $first, where: { active: { eq: $active } }, order: [{ name: ASC }]) {
                totalCount
                nodes { code visits(first: $visits, order: [{ date: DESC }]) { totalCount nodes { id } } }
              }
            }
            """;
        const string Variables = """{ "first": 4, "active": true, "visits": 2 }""";
        var answers = new List<string>();
        var built = new List<long>();

        for (var i = 0; i < 4; i++)
        {
            var before = _host.PlansBuilt;
            answers.Add((await _host.DataAsync(Query, Variables)).ToString());
            built.Add(_host.PlansBuilt - before);
        }

        Assert.Equal([2, 2, 0, 0], built); // full validation, first cached-document validation, then remembered
        Assert.Single(answers.Distinct());
        var page = JsonDocument.Parse(answers[0]).RootElement.GetProperty("companies");
        Assert.Equal(_companies.Where(c => c.Active).OrderBy(c => c.Name, StringComparer.Ordinal).Take(4).Select(c => c.Code), Codes(page));
    }

    [Fact]
    public async Task First_from_a_variable_alternating_gives_each_request_its_own_page_size()
    {
        const string Query = "query($n: Int) { companies(first: $n, order: [{ code: DESC }]) { pageInfo { hasNextPage } nodes { code } } }";
        var byCodeDescending = _companies.Select(c => c.Code).OrderByDescending(c => c, StringComparer.Ordinal).ToList();
        var pages = new List<List<string>>();
        var built = new List<long>();

        foreach (var n in new[] { 1, 2, 1, 2, 1, 2 })
        {
            var before = _host.PlansBuilt;
            pages.Add(Codes((await _host.DataAsync(Query, $$"""{ "n": {{n}} }""")).GetProperty("companies")));
            built.Add(_host.PlansBuilt - before);
        }

        Assert.Equal([1, 2, 1, 2, 1, 2], pages.Select(p => p.Count));
        Assert.All(pages, p => Assert.Equal(byCodeDescending.Take(p.Count), p));
        Assert.Equal([1, 1, 1, 0, 0, 0], built);
    }

    [Fact]
    public async Task Include_on_a_node_field_follows_its_variable_and_the_projection_reads_the_column_when_asked()
    {
        const string Query = """
            query($withName: Boolean!) {
              companies(first: 3, order: [{ code: ASC }]) { nodes { code name @include(if: $withName) rating @skip(if: $withName) } }
            }
            """;
        var firstThree = _companies.OrderBy(c => c.Code, StringComparer.Ordinal).Take(3).ToList();

        foreach (var withName in new[] { true, false, true, false, true, false })
        {
            var nodes = (await _host.DataAsync(Query, $$"""{ "withName": {{(withName ? "true" : "false")}} }""")).GetProperty("companies").GetProperty("nodes");

            Assert.Equal(firstThree.Select(c => c.Code), nodes.EnumerateArray().Select(n => n.GetProperty("code").GetString()));
            if (withName)
            {
                Assert.Equal(firstThree.Select(c => c.Name), nodes.EnumerateArray().Select(n => n.GetProperty("name").GetString()));
                Assert.All(nodes.EnumerateArray(), n => Assert.False(n.TryGetProperty("rating", out _)));
            }
            else
            {
                Assert.All(nodes.EnumerateArray(), n => Assert.False(n.TryGetProperty("name", out _)));
                Assert.Equal(firstThree.Select(c => c.Rating), nodes.EnumerateArray().Select(n => n.GetProperty("rating").ValueKind == JsonValueKind.Null ? (double?)null : n.GetProperty("rating").GetDouble()));
            }
        }
    }

    [Fact]
    public async Task Walking_forward_by_cursor_twice_gives_the_full_ordered_list_both_times()
    {
        const string Page = """
            query($cursor: String) {
              companies(first: 2, after: $cursor, order: [{ name: ASC }]) { pageInfo { hasNextPage endCursor } nodes { code } }
            }
            """;
        var expected = _companies.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id).Select(c => c.Code).ToList();
        var onePage = Codes((await _host.DataAsync("{ companies(first: 50, order: [{ name: ASC }]) { nodes { code } } }")).GetProperty("companies"));

        var first = await WalkAsync();
        var beforeSecond = _host.PlansBuilt;
        var second = await WalkAsync();

        Assert.Equal(expected, onePage);
        Assert.Equal(onePage, first);
        Assert.Equal(onePage, second);

        // The first page was validated in full by the first walk, and not remembered; every other page was.
        Assert.Equal(1, _host.PlansBuilt - beforeSecond);

        async Task<List<string>> WalkAsync()
        {
            var codes = new List<string>();
            string? cursor = null;
            for (var page = 0; page < 20; page++)
            {
                var connection = (await _host.DataAsync(Page, JsonSerializer.Serialize(new { cursor }))).GetProperty("companies");
                codes.AddRange(Codes(connection));
                if (!connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
                {
                    break;
                }

                cursor = connection.GetProperty("pageInfo").GetProperty("endCursor").GetString();
            }

            return codes;
        }
    }

    [Fact]
    public async Task A_filter_text_alternating_between_two_values_answers_each_with_its_own_rows()
    {
        const string Query = "query($text: String) { companies(first: 50, where: { name: { contains: $text } }, order: [{ code: ASC }]) { totalCount nodes { code name } } }";

        foreach (var text in new[] { "eta", "ma", "eta", "ma", "eta", "ma" })
        {
            var connection = (await _host.DataAsync(Query, JsonSerializer.Serialize(new { text }))).GetProperty("companies");
            var expected = _companies.Where(c => c.Name.Contains(text, StringComparison.Ordinal)).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();

            Assert.NotEmpty(expected);
            Assert.Equal(expected.Count, connection.GetProperty("totalCount").GetInt32());
            Assert.Equal(expected.Select(c => c.Code), Codes(connection));
            Assert.All(connection.GetProperty("nodes").EnumerateArray(), n => Assert.Contains(text, n.GetProperty("name").GetString(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_nested_page_size_from_a_variable_alternating_gives_each_parent_the_right_number_of_children()
    {
        const string Query = """
            query($v: Int) {
              companies(first: 15, order: [{ code: ASC }]) { nodes { code visits(first: $v, order: [{ date: ASC }]) { totalCount nodes { id } } } }
            }
            """;
        var companies = _companies.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        Assert.Contains(companies, c => c.Visits.Count == 3);

        foreach (var v in new[] { 1, 3, 2, 1, 3, 2, 1 })
        {
            var nodes = (await _host.DataAsync(Query, $$"""{ "v": {{v}} }""")).GetProperty("companies").GetProperty("nodes").EnumerateArray().ToList();

            Assert.Equal(companies.Select(c => c.Code), nodes.Select(n => n.GetProperty("code").GetString()));
            Assert.Equal(
                companies.Select(c => string.Join(',', c.Visits.OrderBy(x => x.Date).Take(v).Select(x => x.Id))),
                nodes.Select(n => string.Join(',', n.GetProperty("visits").GetProperty("nodes").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()))));
            Assert.Equal(companies.Select(c => c.Visits.Count), nodes.Select(n => n.GetProperty("visits").GetProperty("totalCount").GetInt32()));
        }
    }

    [Fact]
    public async Task Refused_paging_arguments_are_refused_every_time_a_page_too_large_builds_no_plan_and_the_next_good_request_works()
    {
        const string Query = "query($n: Int, $v: Int, $after: String) { companies(first: $n, after: $after, order: [{ code: ASC }]) { nodes { code visits(first: $v) { nodes { id } } } } }";
        var steps = new List<(string Variables, string? Error, int Rows, long Built)>();

        foreach (var variables in new[]
        {
            """{ "n": 2, "v": 1 }""",
            """{ "n": 51, "v": 1 }""", """{ "n": 51, "v": 1 }""", """{ "n": 51, "v": 1 }""",
            """{ "n": 2, "v": 11 }""", """{ "n": 2, "v": 11 }""",
            """{ "n": 2, "v": 1, "after": "not base64!" }""", """{ "n": 2, "v": 1, "after": "not base64!" }""",
            """{ "n": 2, "v": 1 }""", """{ "n": 2, "v": 1 }""",
        })
        {
            var before = _host.PlansBuilt;
            var result = await _host.PostAsync(Query, variables);
            var error = result.TryGetProperty("errors", out var errors) ? Describe(errors) : null;
            var companies = result.GetProperty("data").GetProperty("companies");
            steps.Add((variables, error, companies.ValueKind == JsonValueKind.Null ? -1 : companies.GetProperty("nodes").GetArrayLength(), _host.PlansBuilt - before));
        }

        const string OverRoot = "HC0051 Query.companies: The maximum allowed items per page were exceeded: 51 requested, at most 50 allowed.";
        const string OverNested = "HC0051 Company.visits: The maximum allowed items per page were exceeded: 11 requested, at most 10 allowed.";
        const string BadCursor = "HC0078 after: The cursor given as `after` is not a valid cursor of this field.";
        Assert.Equal(
            [
                (null, 2, 2), // full validation: companies and Company.visits
                (OverRoot, -1, 0), (OverRoot, -1, 0), (OverRoot, -1, 0),
                (OverNested, -1, 0), (OverNested, -1, 0),
                (BadCursor, -1, 1), (BadCursor, -1, 0), // a cursor is read when the page is, not when its plan is built: kept, refused every time
                (null, 2, 2), // first validation of these variables as a cached document
                (null, 2, 0),
            ],
            steps.Select(s => (s.Error, s.Rows, s.Built)));
    }

    [Fact]
    public async Task Variables_that_differ_only_in_list_order_or_in_null_against_absent_get_their_own_rows()
    {
        const string Ordered = "query($order: [CompanySortInput!]) { companies(first: 50, order: $order) { nodes { code } } }";
        const string ByScore = "query($s: Int) { companies(first: 50, where: { score: { eq: $s } }, order: [{ code: ASC }]) { nodes { code } } }";
        var categoryThenName = _companies.OrderBy(c => c.Category).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id).Select(c => c.Code).ToList();
        var nameThenCategory = _companies.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Category).ThenBy(c => c.Id).Select(c => c.Code).ToList();
        var byCode = _companies.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        Assert.NotEqual(categoryThenName, nameThenCategory);

        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(categoryThenName, Codes((await _host.DataAsync(Ordered, """{ "order": [{ "category": "ASC" }, { "name": "ASC" }] }""")).GetProperty("companies")));
            Assert.Equal(nameThenCategory, Codes((await _host.DataAsync(Ordered, """{ "order": [{ "name": "ASC" }, { "category": "ASC" }] }""")).GetProperty("companies")));

            Assert.Equal(byCode.Where(c => c.Score == null).Select(c => c.Code), Codes((await _host.DataAsync(ByScore, """{ "s": null }""")).GetProperty("companies")));
            Assert.Equal(byCode.Select(c => c.Code), Codes((await _host.DataAsync(ByScore, "{}")).GetProperty("companies")));
            Assert.Equal(byCode.Where(c => c.Score == 10).Select(c => c.Code), Codes((await _host.DataAsync(ByScore, """{ "s": 10 }""")).GetProperty("companies")));
        }
    }

    [Fact]
    public async Task A_fragment_spread_under_a_projected_and_an_in_memory_list_pages_both_for_each_request()
    {
        // One syntax node (the fragment's visits) under the same parent type in two places: under companies its rows
        // come from the projection, under loadedCompanies from the loaded entities.
        const string Query = """
            query($v: Int) {
              companies(first: 15, order: [{ code: ASC }]) { nodes { code ...Visits } }
              loadedCompanies(first: 15, order: [{ code: ASC }]) { nodes { code ...Visits } }
            }
            fragment Visits on Company { visits(first: $v, order: [{ date: DESC }]) { totalCount nodes { id } } }
            """;
        var companies = _companies.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();

        foreach (var v in new[] { 2, 1, 2, 1, 3 })
        {
            var data = await _host.DataAsync(Query, $$"""{ "v": {{v}} }""");
            var expected = companies.Select(c => $"{c.Code}:{c.Visits.Count}:{string.Join(',', c.Visits.OrderByDescending(x => x.Date).Take(v).Select(x => x.Id))}");

            Assert.Equal(expected, Rows(data.GetProperty("companies")));
            Assert.Equal(expected, Rows(data.GetProperty("loadedCompanies")));
        }

        static IEnumerable<string> Rows(JsonElement connection) => connection.GetProperty("nodes").EnumerateArray().Select(n =>
            $"{n.GetProperty("code").GetString()}:{n.GetProperty("visits").GetProperty("totalCount").GetInt32()}:{string.Join(',', n.GetProperty("visits").GetProperty("nodes").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()))}");
    }

    [Fact]
    public async Task Fields_merged_by_GraphQL_NET_answer_right_on_every_repeat()
    {
        // companies is selected twice and merged into a new syntax node per request, its nested visits into a new node
        // per row: such plans are built again on every request (4 here), and the answers must stay right.
        const string Query = """
            query($v: Int) {
              companies(first: 3, order: [{ code: DESC }]) { nodes { code visits(first: $v) { nodes { id } } } }
              ...More
            }
            fragment More on Query { companies(first: 3, order: [{ code: DESC }]) { nodes { name visits(first: $v) { totalCount } } } }
            """;
        var companies = _companies.OrderByDescending(c => c.Code, StringComparer.Ordinal).Take(3).ToList();

        foreach (var v in new[] { 1, 2, 1, 2, 1, 2 })
        {
            var nodes = (await _host.DataAsync(Query, $$"""{ "v": {{v}} }""")).GetProperty("companies").GetProperty("nodes").EnumerateArray().ToList();

            Assert.Equal(companies.Select(c => $"{c.Code} {c.Name} {c.Visits.Count} {string.Join(',', c.Visits.OrderBy(x => x.Id).Take(v).Select(x => x.Id))}"), nodes.Select(n =>
                $"{n.GetProperty("code").GetString()} {n.GetProperty("name").GetString()} {n.GetProperty("visits").GetProperty("totalCount").GetInt32()} {string.Join(',', n.GetProperty("visits").GetProperty("nodes").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()))}"));
        }
    }

    [Fact]
    public async Task Concurrent_requests_alternating_three_variable_sets_share_plans_and_each_gets_its_own_rows()
    {
        const string Query = """
            query($n: Int, $text: String, $withName: Boolean!, $v: Int) {
              companies(first: $n, where: { name: { contains: $text } }, order: [{ code: ASC }]) {
                totalCount
                nodes { code name @include(if: $withName) visits(first: $v, order: [{ date: DESC }]) { nodes { id } } }
              }
            }
            """;
        var sets = new (int N, string Text, bool WithName, int V)[] { (2, "a", true, 1), (5, "e", false, 3), (1, "_", true, 2) };
        var expected = sets.Select(set =>
        {
            var matching = _companies.Where(c => c.Name.Contains(set.Text, StringComparison.Ordinal)).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
            return $"{matching.Count}|" + string.Join(';', matching.Take(set.N).Select(c =>
                $"{c.Code} {(set.WithName ? c.Name : "-")} {string.Join(',', c.Visits.OrderByDescending(x => x.Date).Take(set.V).Select(x => x.Id))}"));
        }).ToList();

        // Each set validated once as a cached document before the burst; the burst then builds nothing.
        foreach (var i in new[] { 0, 1, 2, 0 })
        {
            Assert.Equal(expected[i], await RowsAsync(i));
        }

        var before = _host.PlansBuilt;
        var answers = await Task.WhenAll(Enumerable.Range(0, 90).Select(async i => (Set: i % 3, Rows: await RowsAsync(i % 3))));

        Assert.All(answers, a => Assert.Equal(expected[a.Set], a.Rows));
        Assert.Equal(0, _host.PlansBuilt - before);

        async Task<string> RowsAsync(int i)
        {
            var (n, text, withName, v) = sets[i];
            var connection = (await _host.DataAsync(Query, JsonSerializer.Serialize(new { n, text, withName, v }))).GetProperty("companies");
            return $"{connection.GetProperty("totalCount").GetInt32()}|" + string.Join(';', connection.GetProperty("nodes").EnumerateArray().Select(c =>
                $"{c.GetProperty("code").GetString()} {(c.TryGetProperty("name", out var name) ? name.GetString() : "-")} {string.Join(',', c.GetProperty("visits").GetProperty("nodes").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()))}"));
        }
    }

    private static List<string> Codes(JsonElement connection)
        => [.. connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("code").GetString()!)];

    /// <summary>Code, subject (field or argument) and message of each error.</summary>
    private static string Describe(JsonElement errors)
    {
        var text = new StringBuilder();
        foreach (var error in errors.EnumerateArray())
        {
            var extensions = error.GetProperty("extensions");
            var subject = extensions.TryGetProperty("field", out var field) ? field.GetString() : extensions.GetProperty("argument").GetString();
            text.Append(extensions.GetProperty("code").GetString()).Append(' ').Append(subject).Append(": ").Append(error.GetProperty("message").GetString());
        }

        return text.ToString();
    }
}

public sealed class DataPlanCacheTests() : DataPlanCacheContract(inlineExecution: false);

public sealed class DataPlanCacheInlineExecutionTests() : DataPlanCacheContract(inlineExecution: true);

/// <summary>
/// The data test model (<see cref="DataTestSchema"/>, registered as <see cref="DataFixture"/> registers it) behind the
/// real GraphQL endpoint: <c>AddGraphQLHttp</c> adds the document cache and the validation cache, which
/// <see cref="DataFixture"/> (executing through <c>IDocumentExecuter</c>, parsing every time) never reaches.
/// </summary>
public sealed class DataHttpHost : IAsyncDisposable
{
    private readonly string _path;

    private DataHttpHost(WebApplication app, string path)
    {
        App = app;
        _path = path;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public long PlansBuilt => App.Services.GetRequiredService<DataPlanCache>().PlansBuilt;

    /// <param name="inlineExecution">Queries on <c>InlineExecutionStrategy</c>, as the API runs them.</param>
    public static async Task<DataHttpHost> StartAsync(bool inlineExecution = false)
    {
        var path = Path.Combine(Path.GetTempPath(), $"drg-plans-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddPooledDbContextFactory<TestDbContext>(options => options.UseSqlite($"Data Source={path}"));
        builder.Services.AddResolverDbContexts();
        builder.Services.AddDataMiddleware(model => model
            .Entity<Company>(company => company.NotFilterable(x => x.AuditRegionId))
            .Entity<Region>(region => region.GlobalId("Region", fieldName: "globalId")));
        builder.Services.AddGraphQL(graphQL =>
        {
            graphQL
                .AddSchema<DataTestSchema>()
                .AddSystemTextJson()
                .AddDataCostLimits()
                .AddGraphTypes(typeof(DataTestSchema).Assembly)
                .AddClrTypeMappings(typeof(DataTestSchema).Assembly);
            if (inlineExecution)
            {
                graphQL.AddInlineExecution();
            }
        });
        builder.Services.AddGraphQLHttp();

        var app = builder.Build();
        app.UseGraphQLHttp("/graphql");
        using (var db = app.Services.GetRequiredService<IDbContextFactory<TestDbContext>>().CreateDbContext())
        {
            db.Database.EnsureCreated();
            SeedData.Fill(db);
        }

        await app.StartAsync();
        return new DataHttpHost(app, path);
    }

    public TestDbContext CreateDbContext() => App.Services.GetRequiredService<IDbContextFactory<TestDbContext>>().CreateDbContext();

    /// <summary>Every company with its region and visits, read directly: what the answers are compared with.</summary>
    public List<Company> AllCompanies()
    {
        using var db = CreateDbContext();
        return [.. db.Companies.AsNoTracking().Include(c => c.Region).Include(c => c.Visits)];
    }

    /// <summary>Posts to /graphql and returns the whole response body; requires 200.</summary>
    public async Task<JsonElement> PostAsync(string query, string? variables = null)
    {
        var body = $$"""{"query":{{JsonSerializer.Serialize(query)}},"variables":{{variables ?? "null"}}}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync("/graphql", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(200 == (int)response.StatusCode, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Posts and requires an answer without errors; returns <c>data</c>.</summary>
    public async Task<JsonElement> DataAsync(string query, string? variables = null)
    {
        var result = await PostAsync(query, variables);
        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        return result.GetProperty("data");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
