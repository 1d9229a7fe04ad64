using System.Text.Json;
using DualRandomGraph.GraphQL.Tests.Data.TestModel;
using Snapshooter;
using Snapshooter.Xunit;

namespace DualRandomGraph.GraphQL.Tests.Data;

/// <summary>ORDER BY on SQLite: the SQL (snapshot) and the rows, which must equal the order computed in memory.</summary>
public sealed class SortingTests(DataFixture fixture) : IClassFixture<DataFixture>
{
    public static TheoryData<string> Cases => [.. SortCases.Keys];

    private static readonly Dictionary<string, (string Order, (Func<Company, object?>, bool)[] Keys)> SortCases = new()
    {
        ["several keys in order"] = ("[{ category: ASC }, { name: DESC }]", [(c => c.Category, false), (c => c.Name, true)]),
        ["nullable ascending puts nulls first"] = ("[{ score: ASC }]", [(c => c.Score, false)]),
        ["nullable descending puts nulls last"] = ("[{ foundedOn: DESC }]", [(c => c.FoundedOn, true)]),
        ["nested object"] = ("[{ region: { code: DESC } }]", [(c => c.Region.Code, true)]),
        ["two levels through an optional navigation"] = ("[{ region: { parent: { name: ASC } } }, { employees: DESC }]", [(c => c.Region.ParentId == null ? null : "库尔勒经济技术开发区", false), (c => c.Employees, true)]),
        ["explicit key is not repeated"] = ("[{ id: DESC }]", [(c => c.Id, true)]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Sort_translates_to_ORDER_BY_and_returns_rows_in_that_order(string name)
    {
        var (order, keys) = SortCases[name];

        var result = await fixture.QueryAsync($"{{ companies(first: 50, order: {order}) {{ nodes {{ code }} }} }}");

        var statement = Assert.Single(fixture.Sql.Statements);
        var codes = result.GetProperty("data").GetProperty("companies").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("code").GetString());
        Assert.Equal(ExpectedOrder.Codes(ExpectedOrder.AllCompanies(fixture), keys), codes);
        Snapshot.Match(statement, new SnapshotNameExtension(name.Replace(' ', '-')));
    }

    [Theory]
    [InlineData("two-fields-in-one-object", "{ companies(order: [{ category: DESC, code: ASC }]) { nodes { code } } }")]
    [InlineData("empty-object", "{ companies(order: [{ }]) { nodes { code } } }")]
    [InlineData("two-fields-in-a-nested-object", "{ companies(order: [{ region: { code: ASC, name: ASC } }]) { nodes { code } } }")]
    public async Task A_sort_object_must_set_exactly_one_field(string name, string query)
    {
        Snapshot.Match(await fixture.ExecuteAsync(query), new SnapshotNameExtension(name));
    }

    [Fact]
    public async Task The_keyset_predicate_matches_the_null_aware_order()
    {
        var first = await fixture.QueryAsync("{ companies(first: 2, order: [{ score: DESC }, { foundedOn: ASC }]) { pageInfo { endCursor } } }");
        var cursor = first.GetProperty("data").GetProperty("companies").GetProperty("pageInfo").GetProperty("endCursor").GetString();

        await fixture.QueryAsync(
            "query($after: String) { companies(first: 2, after: $after, order: [{ score: DESC }, { foundedOn: ASC }]) { nodes { code } } }",
            JsonSerializer.Serialize(new { after = cursor }));

        Snapshot.Match(Assert.Single(fixture.Sql.Statements));
    }

    [Fact]
    public async Task Backward_pages_read_in_reversed_order()
    {
        await fixture.QueryAsync("{ companies(last: 3, order: [{ score: ASC }]) { nodes { code } } }");

        Snapshot.Match(Assert.Single(fixture.Sql.Statements));
    }

    [Fact]
    public async Task Nested_connections_sort_and_page_by_cursor_inside_the_projection()
    {
        const string Query = """
            query($after: String) {
              companies(first: 1, where: { code: { eq: "C004" } }) {
                nodes { visits(first: 1, after: $after, order: [{ outcome: DESC }, { date: ASC }]) { pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id outcome date } } }
              }
            }
            """;
        var pages = new List<string>();
        string? cursor = null;
        do
        {
            var visits = (await fixture.QueryAsync(Query, JsonSerializer.Serialize(new { after = cursor })))
                .GetProperty("data").GetProperty("companies").GetProperty("nodes")[0].GetProperty("visits");
            pages.Add(visits.GetProperty("nodes").ToString());
            Assert.Single(fixture.Sql.Statements);
            cursor = visits.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()
                ? visits.GetProperty("pageInfo").GetProperty("endCursor").GetString()
                : null;
        }
        while (cursor != null);

        Snapshot.Match(string.Join('\n', pages) + "\n-- last statement\n" + fixture.Sql.Statements[0]);
    }
}
