using Snapshooter;
using Snapshooter.Xunit;

namespace DualRandomGraph.GraphQL.Tests.Data;

/// <summary>The SQL reads what the query selects, in one statement, and the rows come back right.</summary>
public sealed class ProjectionTests(DataFixture fixture) : IClassFixture<DataFixture>
{
    [Theory]
    [InlineData("only-selected-columns", "{ companies(first: 2) { nodes { name } } }")]
    [InlineData("fragments-and-inline-fragments", """
        query { companies(first: 2) { nodes { ...Names ... on Company { category } ... { tags } } } }
        fragment Names on Company { name code }
        """)]
    [InlineData("skip-and-include", """
        query($yes: Boolean!) { companies(first: 2) { nodes { name @skip(if: $yes) code @include(if: $yes) score @include(if: false) } } }
        """)]
    [InlineData("computed-fields-read-what-they-require", "{ companies(first: 2) { nodes { id displayName } } }")]
    [InlineData("optional-and-required-navigations", "{ companies(first: 5) { nodes { code region { code parent { name } } auditRegion { code } } } }")]
    [InlineData("nested-list-filtered-and-sorted-without-paging", "{ regions(order: [{ code: ASC }]) { code companies(order: [{ name: DESC }]) { name } } }")]
    [InlineData("edges-and-nodes-together", "{ companies(first: 2) { edges { node { code } } nodes { name } } }")]
    [InlineData("no-projection-reads-whole-entities", "{ visits(first: 2) { nodes { date } } }")]
    [InlineData("offset-paging", "{ companyTable(skip: 3, take: 2, order: [{ code: DESC }]) { totalCount pageInfo { hasNextPage hasPreviousPage } items { code } } }")]
    public async Task Projection_reads_only_what_is_selected(string name, string query)
    {
        var text = await fixture.ExecuteWithSqlAsync(query, """{ "yes": true }""");
        Snapshot.Match(text, new SnapshotNameExtension(name));
    }

    [Fact]
    public async Task Aliases_of_a_nested_page_with_the_same_arguments_share_one_projection()
    {
        var text = await fixture.ExecuteWithSqlAsync("""
            { companies(first: 1, where: { code: { eq: "C004" } }) { nodes {
                dates: visits(first: 2) { nodes { date } }
                outcomes: visits(first: 2) { totalCount nodes { outcome } } } } }
            """);
        Snapshot.Match(text);
    }

    [Fact]
    public async Task Aliases_of_a_nested_page_with_different_arguments_are_refused()
    {
        var result = await fixture.QueryAsync("{ companies(first: 1) { nodes { a: visits(first: 1) { nodes { id } } b: visits(first: 2) { nodes { id } } } } }");

        var error = result.GetProperty("errors")[0];
        Assert.Equal("NESTED_ARGUMENTS_DIFFER", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("Company.visits", error.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Empty(fixture.Sql.Statements);
    }

    [Fact]
    public async Task Collections_loaded_by_the_host_are_filtered_sorted_and_paged_in_memory_the_same_way()
    {
        const string Page = """
            (first: 3, where: { name: { containsIgnoreCase: "A" }, region: { code: { neq: "S" } } }, order: [{ region: { code: DESC } }, { score: DESC }])
            { totalCount pageInfo { hasNextPage } nodes { code visits(first: 1, where: { description: { eqIgnoreCase: "无" } }, order: [{ date: DESC }]) { totalCount nodes { id } } } }
            """;

        var inMemory = (await fixture.QueryAsync($"{{ list: loadedCompanies{Page} }}")).GetProperty("data").GetProperty("list");
        var inSql = (await fixture.QueryAsync($"{{ list: companies{Page} }}")).GetProperty("data").GetProperty("list");

        Assert.Equal(inSql.ToString(), inMemory.ToString());
        Assert.Equal(3, inMemory.GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task A_page_stays_one_statement_where_split_queries_are_the_default()
    {
        using var splitting = new DataFixture(null, splitQueries: true);

        await splitting.QueryAsync("{ companies(first: 5) { nodes { code visits(first: 2) { nodes { date } } region { companies { code } } } } }");

        Assert.Single(splitting.Sql.Statements);
    }

    [Fact]
    public async Task Nested_collections_restricted_to_the_page_answer_as_unrestricted_ones()
    {
        string[] queries =
        [
            """{ companies(first: 3, order: [{ name: DESC }]) { nodes { code visits(first: 2, order: [{ date: DESC }]) { totalCount nodes { id date } } region { companies { code } } } } }""",
            """{ companies(last: 2, where: { visits: { some: { outcome: { eq: PROBLEM_FOUND } } } }) { nodes { code visits(where: { outcome: { neq: NORMAL } }) { nodes { id } } } } }""",
            """{ companyTable(skip: 2, take: 3, order: [{ code: ASC }]) { items { code visits(first: 1, order: [{ date: ASC }]) { nodes { id date } } } } }""",
        ];
        using var unrestricted = new DataFixture(null, restrictNestedCollections: false);

        foreach (var query in queries)
        {
            var restrictedText = await fixture.ExecuteAsync(query);
            var restrictedSql = string.Join('\n', fixture.Sql.Statements);
            var unrestrictedText = await unrestricted.ExecuteAsync(query);
            var unrestrictedSql = string.Join('\n', unrestricted.Sql.Statements);

            Assert.Equal(unrestrictedText, restrictedText);
            Assert.DoesNotContain("\"errors\"", restrictedText, StringComparison.Ordinal);
            Assert.Contains("\"code\"", restrictedText, StringComparison.Ordinal);
            Assert.Contains(" IN (", restrictedSql, StringComparison.Ordinal);
            Assert.DoesNotContain(" IN (", unrestrictedSql, StringComparison.Ordinal);
            Assert.Single(fixture.Sql.Statements);
        }
    }

    [Fact]
    public async Task A_page_of_nested_connections_is_a_single_statement_whatever_the_page_size()
    {
        foreach (var size in new[] { 1, 10, 50 })
        {
            await fixture.QueryAsync($$"""{ companies(first: {{size}}) { nodes { code region { name } visits(first: 3) { edges { cursor node { date } } } } } }""");
            Assert.Single(fixture.Sql.Statements);
        }
    }
}
