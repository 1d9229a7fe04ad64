using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.GraphQL.Data;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.Api.Tests.Paging;

/// <summary>
/// The document, validation and data-plan caches end to end: one <c>targets</c> text, its variables alternated, sent
/// to the real <c>/graphql</c> endpoint again and again, must answer each time exactly as a fresh server answers the
/// same variables, and a repeated request must build no data plan.
/// </summary>
public sealed class RepeatedQueryTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Query = """
        query($first: Int, $after: String, $where: InspectionTargetFilterInput, $withCode: Boolean!) {
          targets(first: $first, after: $after, where: $where, order: [{ name: ASC }]) {
            totalCount
            pageInfo { hasNextPage endCursor }
            nodes { id name category creditCode @include(if: $withCode) }
          }
        }
        """;

    [Fact]
    public async Task Alternated_variables_answer_as_on_a_fresh_server_and_a_repeated_request_builds_no_plan()
    {
        // The answers to compare with: each variable set sent once to a fresh server, each in a text of its own (the
        // query and a comment naming the set), so that no two of them share a document, a validation or a plan.
        Dictionary<string, JsonObject> variables;
        var reference = new Dictionary<string, string>();
        using (var fresh = new ApiFactory())
        {
            var freshClient = fresh.CreateGraphQLClient(Roles.Admin);
            var first = await freshClient.QueryAsync(Query + "# A", Variables("A", null));
            var cursor = (string)first["targets"]!["pageInfo"]!["endCursor"]!;
            variables = new[] { "A", "B", "C", "D" }.ToDictionary(name => name, name => Variables(name, cursor));
            reference["A"] = first.ToJsonString();
            foreach (var name in new[] { "B", "C", "D" })
            {
                reference[name] = (await freshClient.QueryAsync(Query + "# " + name, variables[name])).ToJsonString();
            }
        }

        // The reference itself is right: pages of the 11 demo targets, by name.
        var all = Nodes(JsonNode.Parse(reference["A"])!, out var total);
        var page = Nodes(JsonNode.Parse(reference["C"])!, out _);
        var xinjiang = Nodes(JsonNode.Parse(reference["B"])!, out var xinjiangTotal);
        var general = Nodes(JsonNode.Parse(reference["D"])!, out var generalTotal);
        Assert.Equal(11, total);
        Assert.Equal(3, all.Count);
        Assert.All(all, n => Assert.NotNull(n["creditCode"]));
        Assert.Equal(3, page.Count);
        Assert.True(string.CompareOrdinal((string)all[^1]["name"]!, (string)page[0]["name"]!) < 0);
        Assert.All(page, n => Assert.False(n.ContainsKey("creditCode")));
        Assert.Equal(6, xinjiangTotal);
        Assert.Equal(4, xinjiang.Count);
        Assert.All(xinjiang, n => Assert.Contains("新疆", (string)n["name"]!, StringComparison.Ordinal));
        Assert.Equal(8, generalTotal);
        Assert.Equal(2, general.Count);
        Assert.All(general, n => Assert.Equal("GENERAL", (string)n["category"]!));
        Assert.All(general, n => Assert.NotNull(n["creditCode"]));

        var client = factory.CreateGraphQLClient(Roles.Admin);
        var plans = factory.Services.GetRequiredService<DataPlanCache>();
        var built = new List<long>();
        foreach (var name in Enumerable.Repeat(new[] { "A", "B", "C", "D" }, 3).SelectMany(round => round))
        {
            var before = plans.PlansBuilt;
            var answer = await client.QueryAsync(Query, variables[name]);
            built.Add(plans.PlansBuilt - before);

            Assert.Equal(reference[name], answer.ToJsonString());
        }

        // Round 1: A is validated in full (not remembered), B, C and D as a cached document. Round 2: A as a cached
        // document for the first time. From then on every request repeats one remembered validation and its plan.
        Assert.Equal([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], built);
    }

    private static JsonObject Variables(string name, string? cursor) => name switch
    {
        "A" => new() { ["first"] = 3, ["after"] = null, ["where"] = null, ["withCode"] = true },
        "B" => new() { ["first"] = 4, ["where"] = new JsonObject { ["name"] = new JsonObject { ["contains"] = "新疆" } }, ["withCode"] = false },
        "C" => new() { ["first"] = 3, ["after"] = cursor, ["withCode"] = false },
        "D" => new() { ["first"] = 2, ["where"] = new JsonObject { ["category"] = new JsonObject { ["eq"] = "GENERAL" } }, ["withCode"] = true },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static List<JsonObject> Nodes(JsonNode data, out int totalCount)
    {
        totalCount = (int)data["targets"]!["totalCount"]!;
        return [.. data["targets"]!["nodes"]!.AsArray().Select(n => n!.AsObject())];
    }
}
