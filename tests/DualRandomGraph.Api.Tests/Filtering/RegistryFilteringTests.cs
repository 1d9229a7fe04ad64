using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace DualRandomGraph.Api.Tests.Filtering;

/// <summary>HotChocolate-style <c>where:</c>/<c>order:</c> queries, unchanged, against the demo registry through <c>/graphql</c>.</summary>
public sealed class RegistryFilteringTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly GraphQLClient _coordinator = factory.CreateGraphQLClient(Roles.Coordinator);

    [Theory]
    [InlineData("{ category: { eq: KEY } }", 1)]
    [InlineData("{ category: { in: [KEY, SPECIAL] } }", 3)]
    [InlineData("{ category: { nin: [GENERAL] } }", 3)]
    [InlineData("{ name: { contains: \"油脂\" } }", 2)]
    [InlineData("{ name: { startsWith: \"新疆\" } }", 6)]
    [InlineData("{ name: { endsWith: \"热电厂\" } }", 1)]
    [InlineData("{ name: { ncontains: \"公司\" } }", 0)]
    [InlineData("{ or: [{ category: { eq: KEY } }, { name: { contains: \"根力多\" } }] }", 2)]
    [InlineData("{ and: [{ category: { eq: GENERAL } }, { name: { startsWith: \"巴州\" } }] }", 3)]
    [InlineData("{ region: { name: { eq: \"库尔勒经济技术开发区\" } } }", 11)]
    [InlineData("{ region: { parent: { code: { eq: \"652801\" } } } }", 11)]
    [InlineData("{ agency: { code: { eq: \"KETDZ-EPB\" } }, status: { eq: ACTIVE } }", 11)]
    [InlineData("{ address: { eq: null } }", 11)]
    [InlineData("{ address: { neq: null } }", 0)]
    [InlineData("{ categoryHistory: { some: { category: { eq: SPECIAL } } } }", 2)]
    [InlineData("{ categoryHistory: { all: { effectiveFrom: { gte: \"2022-01-01\" } } } }", 11)]
    [InlineData("{ categoryHistory: { none: { category: { eq: GENERAL } } } }", 3)]
    [InlineData("{ categoryHistory: { any: false } }", 0)]
    [InlineData("{ pollutantTypes: { any: true } }", 0)]
    [InlineData("{ creditCode: { eqIgnoreCase: \"91652801demq00003t\" } }", 1)]
    [InlineData("{ name: { contains: \"%\" } }", 0)]
    [InlineData("{ name: { contains: \"_\" } }", 0)]
    [InlineData("{ name: { contains: \"'; DROP TABLE Targets; --\" } }", 0)]
    [InlineData("{ onPositiveList: { eq: false }, isDemoCode: { eq: true } }", 11)]
    public async Task Filters_translate_as_in_HotChocolate(string where, int expected)
    {
        var data = await _coordinator.QueryAsync($"{{ targets(where: {where}) {{ totalCount nodes {{ name }} }} }}");

        Assert.Equal(expected, (int)data["targets"]!["totalCount"]!);
        Assert.Equal(Math.Min(expected, 10), data["targets"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_global_id_filters_by_key()
    {
        var first = (await _coordinator.QueryAsync("{ targets(first: 2, order: [{ name: ASC }]) { nodes { id name } } }"))["targets"]!["nodes"]!.AsArray();
        var ids = first.Select(n => (string?)n!["id"]).ToArray();

        var data = await _coordinator.QueryAsync("query($ids: [ID!]) { targets(where: { id: { in: $ids } }, order: [{ name: ASC }]) { nodes { name } } }", new { ids });

        Assert.Equal(first.Select(n => (string?)n!["name"]), data["targets"]!["nodes"]!.AsArray().Select(n => (string?)n!["name"]));
    }

    [Fact]
    public async Task An_explicit_null_on_a_non_nullable_member_is_a_clear_error()
    {
        var response = await _coordinator.PostAsync("{ targets(where: { name: { contains: null } }) { totalCount } }");

        Assert.Equal(["FILTER_NULL_VALUE"], response.ErrorCodes);
    }

    [Fact]
    public async Task Nested_order_then_name_descending()
    {
        var response = await _coordinator.PostAsync(
            "{ targets(first: 20, order: [{ category: ASC }, { region: { name: ASC } }, { name: DESC }]) { nodes { category name } } }");

        Snapshot.Match(response.ForSnapshot());
    }

    [Fact]
    public async Task Inspectors_filter_on_kind_and_list_of_expertise()
    {
        var data = await _coordinator.QueryAsync(
            """{ inspectors(where: { kind: { eq: ENFORCEMENT_OFFICER }, expertise: { some: { eq: "大气" } } }) { totalCount } }""");

        Assert.Equal(3, (int)data["inspectors"]!["totalCount"]!);
    }
}
