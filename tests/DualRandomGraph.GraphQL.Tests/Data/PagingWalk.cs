using System.Text.Json;

namespace DualRandomGraph.GraphQL.Tests.Data;

/// <summary>Follows cursors through <c>companies</c> page by page, collecting the codes it sees.</summary>
public static class PagingWalk
{
    public static async Task<List<string>> ForwardAsync(DataFixture fixture, string order, int pageSize, Func<int, Task>? betweenPages = null)
    {
        var codes = new List<string>();
        string? cursor = null;
        for (var page = 0; ; page++)
        {
            var connection = await PageAsync(fixture, $"first: {pageSize}, after: $cursor, order: {order}", cursor);
            codes.AddRange(Codes(connection));
            var pageInfo = connection.GetProperty("pageInfo");
            if (!pageInfo.GetProperty("hasNextPage").GetBoolean())
            {
                return codes;
            }

            cursor = pageInfo.GetProperty("endCursor").GetString();
            if (betweenPages != null)
            {
                await betweenPages(page);
            }
        }
    }

    public static async Task<List<string>> BackwardAsync(DataFixture fixture, string order, int pageSize, Func<int, Task>? betweenPages = null)
    {
        var codes = new List<string>();
        string? cursor = null;
        for (var page = 0; ; page++)
        {
            var connection = await PageAsync(fixture, $"last: {pageSize}, before: $cursor, order: {order}", cursor);
            codes.InsertRange(0, Codes(connection));
            var pageInfo = connection.GetProperty("pageInfo");
            if (!pageInfo.GetProperty("hasPreviousPage").GetBoolean())
            {
                return codes;
            }

            cursor = pageInfo.GetProperty("startCursor").GetString();
            if (betweenPages != null)
            {
                await betweenPages(page);
            }
        }
    }

    private static async Task<JsonElement> PageAsync(DataFixture fixture, string arguments, string? cursor)
    {
        var result = await fixture.QueryAsync(
            $"query($cursor: String) {{ companies({arguments}) {{ pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} nodes {{ code }} }} }}",
            JsonSerializer.Serialize(new { cursor }));
        return result.TryGetProperty("errors", out var errors)
            ? throw new InvalidOperationException(errors.ToString())
            : result.GetProperty("data").GetProperty("companies");
    }

    private static IEnumerable<string> Codes(JsonElement connection)
        => connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("code").GetString()!);
}
