using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;

namespace DualRandomGraph.Api.Tests.Paging;

/// <summary>Cursor paging over the 11 demo targets; this class changes nothing, so the list stays put.</summary>
public sealed class RegistryPagingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Page = """
        query($first: Int, $after: String, $last: Int, $before: String) {
          targets(first: $first, after: $after, last: $last, before: $before ORDER) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges { cursor node { id name } }
          }
        }
        """;

    private readonly GraphQLClient _admin = factory.CreateGraphQLClient(Roles.Admin);

    [Theory]
    [InlineData("")]
    [InlineData("order: [{ name: ASC }]")]
    [InlineData("order: [{ name: DESC }]")]
    [InlineData("order: [{ category: ASC }]")]
    [InlineData("order: [{ category: DESC }, { name: ASC }]")]
    public async Task Walking_forward_three_at_a_time_gives_the_whole_list(string order)
    {
        var all = await AllAsync(order);
        var walked = new List<string>();
        string? after = null;
        var pages = 0;
        JsonNode connection;
        do
        {
            connection = await PageAsync(order, new { first = 3, after });
            var edges = connection["edges"]!.AsArray();
            Assert.Equal(11, (int)connection["totalCount"]!);
            Assert.Equal(pages == 0 ? 3 : Math.Min(3, 11 - walked.Count), edges.Count);
            Assert.Equal((string?)edges[^1]!["cursor"], (string?)connection["pageInfo"]!["endCursor"]);
            walked.AddRange(edges.Select(e => (string)e!["node"]!["id"]!));
            after = (string?)connection["pageInfo"]!["endCursor"];
            pages++;
        }
        while ((bool)connection["pageInfo"]!["hasNextPage"]! && pages < 10);

        Assert.Equal(4, pages);
        Assert.Equal(all, walked);
    }

    [Theory]
    [InlineData("")]
    [InlineData("order: [{ name: ASC }]")]
    [InlineData("order: [{ category: ASC }]")]
    public async Task Walking_backward_three_at_a_time_gives_the_whole_list(string order)
    {
        var all = await AllAsync(order);
        var walked = new List<string>();
        string? before = null;
        var pages = 0;
        JsonNode connection;
        do
        {
            connection = await PageAsync(order, new { last = 3, before });
            var edges = connection["edges"]!.AsArray();
            Assert.Equal(11, (int)connection["totalCount"]!);
            Assert.Equal((string?)edges[0]!["cursor"], (string?)connection["pageInfo"]!["startCursor"]);
            walked.InsertRange(0, edges.Select(e => (string)e!["node"]!["id"]!));
            before = (string?)connection["pageInfo"]!["startCursor"];
            pages++;
        }
        while ((bool)connection["pageInfo"]!["hasPreviousPage"]! && pages < 10);

        Assert.Equal(4, pages);
        Assert.Equal(all, walked);
    }

    [Fact]
    public async Task The_first_and_last_pages_say_there_is_nothing_beyond_them()
    {
        var first = await PageAsync("", new { first = 3 });
        var last = await PageAsync("", new { last = 3 });
        var everything = await PageAsync("", new { first = 11 });

        Assert.Equal((true, false), PageFlags(first));
        Assert.Equal((false, true), PageFlags(last));
        Assert.Equal((false, false), PageFlags(everything));
    }

    [Fact]
    public async Task Names_sort_in_code_point_order()
    {
        var names = await _admin.QueryAsync("{ targets(first: 100, order: [{ name: ASC }]) { nodes { name } } }");

        var sorted = names["targets"]!["nodes"]!.AsArray().Select(n => (string)n!["name"]!).ToList();
        Assert.Equal(sorted.Order(StringComparer.Ordinal), sorted);
    }

    [Fact]
    public async Task Without_first_or_last_a_page_holds_ten()
    {
        var connection = await PageAsync("", new { });

        Assert.Equal(10, connection["edges"]!.AsArray().Count);
        Assert.True((bool)connection["pageInfo"]!["hasNextPage"]!);
    }

    [Theory]
    [InlineData("first: 101", "HC0051")]
    [InlineData("last: 101", "HC0051")]
    [InlineData("first: -1", "HC0079")]
    [InlineData("first: 3, last: 3", "HC0082")]
    [InlineData("after: \"not a cursor\"", "HC0078")]
    [InlineData("after: \"WyJ4Il0=\"", "CURSOR_ORDER_MISMATCH")]
    public async Task Bad_paging_arguments_are_errors_with_a_code(string arguments, string code)
    {
        var response = await _admin.PostAsync($"{{ targets({arguments}) {{ totalCount nodes {{ name }} }} }}");

        Assert.Equal([code], response.ErrorCodes);
        Assert.Null(response.Data!["targets"]);
    }

    [Fact]
    public async Task One_hundred_is_the_largest_page()
    {
        var connection = await PageAsync("", new { first = 100 });

        Assert.Equal(11, connection["edges"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("order: [{ name: ASC }]", "", "after")]
    [InlineData("", "order: [{ name: ASC }]", "after")]
    [InlineData("order: [{ name: ASC }]", "order: [{ name: DESC }]", "before")]
    [InlineData("order: [{ category: ASC }]", "order: [{ category: ASC }, { name: ASC }]", "after")]
    public async Task A_cursor_from_another_order_is_refused(string madeWith, string usedWith, string argument)
    {
        var cursor = (string)(await PageAsync(madeWith, new { first = 3 }))["pageInfo"]!["endCursor"]!;

        var response = await _admin.PostAsync(
            PageQuery(usedWith),
            argument == "after" ? new { first = (int?)3, after = (string?)cursor, last = (int?)null, before = (string?)null } : new { first = (int?)null, after = (string?)null, last = (int?)3, before = (string?)cursor });

        Assert.Equal(["CURSOR_ORDER_MISMATCH"], response.ErrorCodes);
        Assert.Null(response.Data!["targets"]);
    }

    [Fact]
    public async Task A_cursor_of_another_list_is_refused()
    {
        var data = await _admin.QueryAsync("{ inspectors(first: 3) { pageInfo { endCursor } } }");
        var cursor = (string)data["inspectors"]!["pageInfo"]!["endCursor"]!;

        var response = await _admin.PostAsync(PageQuery(""), new { first = 3, after = cursor });

        Assert.Equal(["CURSOR_ORDER_MISMATCH"], response.ErrorCodes);
    }

    private static string PageQuery(string order) => Page.Replace("ORDER", order.Length == 0 ? "" : ", " + order, StringComparison.Ordinal);

    private static (bool Next, bool Previous) PageFlags(JsonNode connection)
        => ((bool)connection["pageInfo"]!["hasNextPage"]!, (bool)connection["pageInfo"]!["hasPreviousPage"]!);

    private async Task<JsonNode> PageAsync(string order, object variables)
    {
        var data = await _admin.QueryAsync(PageQuery(order), variables);
        return data["targets"]!;
    }

    private async Task<List<string>> AllAsync(string order)
    {
        var connection = await PageAsync(order, new { first = 100 });
        var ids = connection["edges"]!.AsArray().Select(e => (string)e!["node"]!["id"]!).ToList();
        Assert.Equal(11, ids.Count);
        return ids;
    }
}
