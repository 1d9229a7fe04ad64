using System.Text.Json;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Tests.Data.TestModel;
using Snapshooter;
using Snapshooter.Xunit;

namespace DualRandomGraph.GraphQL.Tests.Data;

public sealed class PagingTests(DataFixture fixture) : IClassFixture<DataFixture>
{
    public static TheoryData<string> Orders => [.. OrderCases.Keys];

    // Each order as a client writes it, and the same order computed in memory.
    private static readonly Dictionary<string, (string Order, (Func<Company, object?>, bool)[] Keys)> OrderCases = new()
    {
        ["key"] = ("[]", []),
        ["name"] = ("[{ name: ASC }]", [(c => c.Name, false)]),
        ["nullable score desc"] = ("[{ score: DESC }]", [(c => c.Score, true)]),
        ["nullable date asc"] = ("[{ foundedOn: ASC }]", [(c => c.FoundedOn, false)]),
        ["nested then nullable"] = ("[{ region: { name: ASC } }, { score: ASC }]", [(c => c.Region.Name, false), (c => c.Score, false)]),
        ["optional navigation then bool"] = ("[{ auditRegion: { code: DESC } }, { active: ASC }]", [(c => c.AuditRegion?.Code, true), (c => c.Active, false)]),
        ["enum desc then date"] = ("[{ category: DESC }, { createdAt: ASC }]", [(c => c.Category, true), (c => c.CreatedAt, false)]),
    };

    [Fact]
    public async Task First_page_reads_one_statement_and_counts_only_when_totalCount_is_selected()
    {
        var text = await fixture.ExecuteWithSqlAsync("""
            {
              companies(first: 3) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges { cursor node { id displayName region { name } visits(first: 1) { totalCount nodes { date outcome } } } }
              }
            }
            """);
        Snapshot.Match(text);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(7, false)]
    [InlineData(50, false)]
    [InlineData(1, true)]
    [InlineData(50, true)]
    public async Task A_nested_projected_filtered_page_is_one_statement_plus_one_count_when_selected(int pageSize, bool withTotalCount)
    {
        var total = withTotalCount ? "totalCount" : "";
        var result = await fixture.QueryAsync($$"""
            {
              companies(first: {{pageSize}}, where: { active: { eq: true } }, order: [{ region: { name: DESC } }]) {
                {{total}}
                nodes {
                  name
                  region { name parent { code } }
                  auditRegion { code }
                  visits(first: 2, where: { transferred: { eq: false } }, order: [{ date: DESC }]) { {{total}} nodes { date } }
                }
              }
            }
            """);

        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        Assert.Equal(withTotalCount ? 2 : 1, fixture.Sql.Statements.Count);
    }

    [Fact]
    public async Task Only_totalCount_selected_runs_only_the_count()
    {
        var result = await fixture.QueryAsync("{ companies(where: { category: { eq: KEY } }) { totalCount } }");

        Assert.Equal(5, result.GetProperty("data").GetProperty("companies").GetProperty("totalCount").GetInt32());
        Assert.Single(fixture.Sql.Statements);
        Assert.StartsWith("SELECT COUNT(*)", fixture.Sql.Statements[0]);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Walking_forward_page_by_page_returns_the_full_ordered_list(string orderCase)
    {
        var (order, keys) = OrderCases[orderCase];
        var expected = ExpectedOrder.Codes(ExpectedOrder.AllCompanies(fixture), keys);

        var walked = await PagingWalk.ForwardAsync(fixture, order, pageSize: 4);

        Assert.Equal(expected, walked);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Walking_backward_from_the_end_returns_the_full_ordered_list(string orderCase)
    {
        var (order, keys) = OrderCases[orderCase];
        var expected = ExpectedOrder.Codes(ExpectedOrder.AllCompanies(fixture), keys);

        var walked = await PagingWalk.BackwardAsync(fixture, order, pageSize: 4);

        Assert.Equal(expected, walked);
    }

    [Fact]
    public async Task Last_without_before_takes_the_end_of_the_list()
    {
        var connection = (await fixture.QueryAsync("{ companies(last: 2) { pageInfo { hasNextPage hasPreviousPage } nodes { code } } }"))
            .GetProperty("data").GetProperty("companies");

        Assert.Equal(["C014", "C015"], connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("code").GetString()));
        Assert.False(connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(connection.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task First_zero_returns_no_rows_but_tells_whether_there_are_any()
    {
        var connection = (await fixture.QueryAsync("{ companies(first: 0) { pageInfo { hasNextPage startCursor } nodes { code } } }"))
            .GetProperty("data").GetProperty("companies");

        Assert.Empty(connection.GetProperty("nodes").EnumerateArray());
        Assert.True(connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, connection.GetProperty("pageInfo").GetProperty("startCursor").ValueKind);
    }

    [Fact]
    public async Task The_default_page_size_applies_when_neither_first_nor_last_is_given()
    {
        var nodes = (await fixture.QueryAsync("{ companies { nodes { code } } visits { nodes { id } } }")).GetProperty("data");

        Assert.Equal(10, nodes.GetProperty("companies").GetProperty("nodes").GetArrayLength());
        Assert.Equal(3, nodes.GetProperty("visits").GetProperty("nodes").GetArrayLength());
    }

    [Theory]
    [InlineData("first-over-max", "{ companies(first: 51) { nodes { code } } }")]
    [InlineData("last-over-max", "{ companies(last: 51) { nodes { code } } }")]
    [InlineData("negative-first", "{ companies(first: -1) { nodes { code } } }")]
    [InlineData("first-and-last", "{ companies(first: 1, last: 1) { nodes { code } } }")]
    [InlineData("not-a-cursor", """{ companies(after: "not base64!") { nodes { code } } }""")]
    [InlineData("cursor-of-nothing", """{ companies(after: "WzEsMl0=") { nodes { code } } }""")]
    [InlineData("nested-over-max", "{ companies(first: 1) { nodes { visits(first: 11) { nodes { id } } } } }")]
    [InlineData("take-over-max", "{ companyTable(take: 21) { items { code } } }")]
    [InlineData("negative-skip", "{ companyTable(skip: -1) { items { code } } }")]
    public async Task Paging_errors_carry_HotChocolate_codes_and_details(string name, string query)
    {
        var text = await fixture.ExecuteAsync(query);
        Snapshot.Match(text, new SnapshotNameExtension(name));
    }

    [Fact]
    public void Paging_arguments_come_in_HotChocolate_order()
    {
        var companies = fixture.Schema.Query!.GetField("companies")!;
        var table = fixture.Schema.Query!.GetField("companyTable")!;

        Assert.Equal(["first", "after", "last", "before", "where", "order"], companies.Arguments!.Select(a => a.Name));
        Assert.Equal(["skip", "take", "where", "order"], table.Arguments!.Select(a => a.Name));
    }

    [Fact]
    public async Task Offset_pages_walk_the_same_order_as_cursor_pages()
    {
        var expected = ExpectedOrder.Codes(ExpectedOrder.AllCompanies(fixture), (c => c.Score, true));
        var walked = new List<string>();
        for (var skip = 0; ; skip += 4)
        {
            var segment = (await fixture.QueryAsync($"{{ companyTable(skip: {skip}, take: 4, order: [{{ score: DESC }}]) {{ pageInfo {{ hasNextPage hasPreviousPage }} items {{ code }} }} }}"))
                .GetProperty("data").GetProperty("companyTable");
            Assert.Equal(skip > 0, segment.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
            walked.AddRange(segment.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!));
            if (!segment.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }
        }

        Assert.Equal(expected, walked);
    }

    [Fact]
    public async Task A_cursor_from_another_order_is_refused()
    {
        var byName = await fixture.QueryAsync("{ companies(first: 1, order: [{ name: ASC }]) { pageInfo { endCursor } } }");
        var cursor = byName.GetProperty("data").GetProperty("companies").GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var result = await fixture.QueryAsync("query($after: String) { companies(after: $after, order: [{ code: ASC }]) { nodes { code } } }", $$"""{ "after": "{{cursor}}" }""");

        var error = result.GetProperty("errors")[0];
        Assert.Equal(DataErrors.CursorOrderMismatch, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("another `order:`", error.GetProperty("message").GetString());
    }
}
