using Snapshooter;
using Snapshooter.Xunit;

namespace DualRandomGraph.GraphQL.Tests.Data;

/// <summary>Cost and depth limits, configured from the <c>GraphQL:Limits</c> section.</summary>
public sealed class CostLimitTests : IDisposable
{
    private readonly DataFixture _fixture = new(new Dictionary<string, string?>
    {
        ["GraphQL:Limits:MaxComplexity"] = "700",
        ["GraphQL:Limits:MaxDepth"] = "6",
        ["GraphQL:Limits:UnpagedListSize"] = "7",
    });

    [Theory]
    [InlineData("first and nested first", "{ companies(first: 50) { nodes { name visits(first: 10) { nodes { outcome } } } } }", 1 + 1 + 50 + 50 + 50 + 500)]
    [InlineData("default page sizes", "{ companies { edges { node { visits { nodes { id } } } } } }", 1 + 1 + 10 + 10 + 10 + (10 * 2))]
    [InlineData("last and take", "{ companies(last: 3) { nodes { code } } companyTable(take: 4) { items { code } totalCount } }", 1 + 1 + 3 + 1 + 1 + 4 + 1)]
    [InlineData("unpaged list", "{ regions { code companies { code } } }", 1 + 7 + 7 + (7 * 7))]
    public async Task Lists_cost_as_many_items_as_their_page_asks_for(string name, string query, int expectedCost)
    {
        var under = await _fixture.QueryAsync(query);
        Assert.False(under.TryGetProperty("errors", out _), $"{name}: {under}");

        using var strict = new DataFixture(new Dictionary<string, string?> { ["GraphQL:Limits:MaxComplexity"] = $"{expectedCost - 1}", ["GraphQL:Limits:UnpagedListSize"] = "7" });
        var over = await strict.QueryAsync(query);

        var extensions = over.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal("HC0047", extensions.GetProperty("code").GetString());
        Assert.Equal(expectedCost, extensions.GetProperty("fieldCost").GetDouble());
        Assert.Empty(strict.Sql.Statements);
    }

    [Theory]
    [InlineData("over-cost", "{ companies(first: 50) { nodes { name code visits(first: 10) { nodes { outcome } } } } }")]
    [InlineData("too-deep", "{ companies { nodes { region { parent { parent { parent { parent { code } } } } } } } }")]
    public async Task Over_a_limit_the_error_carries_the_computed_figures(string name, string query)
    {
        Snapshot.Match(await _fixture.ExecuteAsync(query), new SnapshotNameExtension(name));
        Assert.Empty(_fixture.Sql.Statements);
    }

    public void Dispose() => _fixture.Dispose();
}
