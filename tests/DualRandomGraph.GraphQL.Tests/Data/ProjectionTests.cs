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
    public async Task A_page_of_nested_connections_is_a_single_statement_whatever_the_page_size()
    {
        foreach (var size in new[] { 1, 10, 50 })
        {
            await fixture.QueryAsync($$"""{ companies(first: {{size}}) { nodes { code region { name } visits(first: 3) { edges { cursor node { date } } } } } }""");
            Assert.Single(fixture.Sql.Statements);
        }
    }
}
