using System.Text;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Authorization;
using DualRandomGraph.GraphQL.Relay;
using Snapshooter.Xunit;

namespace DualRandomGraph.Api.Tests.Relay;

public sealed class NodeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly GraphQLClient _admin = factory.CreateGraphQLClient(Roles.Admin);

    [Theory]
    [InlineData("regions", "Region")]
    [InlineData("agencies", "Agency")]
    [InlineData("targets", "InspectionTarget")]
    [InlineData("inspectors", "Inspector")]
    [InlineData("checkItems", "CheckItem")]
    public async Task Node_round_trips_the_id_of_every_type(string list, string typeName)
    {
        var ids = await IdsAsync(list);

        var data = await _admin.QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", new { ids });
        var single = await _admin.QueryAsync("query($id: ID!) { node(id: $id) { __typename id } }", new { id = ids[^1] });

        Assert.Equal(ids, data["nodes"]!.AsArray().Select(n => (string?)n!["id"]));
        Assert.All(data["nodes"]!.AsArray(), n => Assert.Equal(typeName, (string?)n!["__typename"]));
        Assert.Equal(ids[^1], (string?)single["node"]!["id"]);
        Assert.All(ids, id => Assert.True(GlobalId.TryParse(id, out var type, out _) && type == typeName, id));
    }

    [Fact]
    public async Task Nodes_keeps_the_order_of_the_ids_and_mixes_types()
    {
        string[] ids =
        [
            (await IdsAsync("checkItems"))[2],
            (await IdsAsync("regions"))[3],
            GlobalId.Format("Inspector", 9999),
            (await IdsAsync("inspectors"))[9],
            (await IdsAsync("targets"))[0],
            (await IdsAsync("agencies"))[0],
            (await IdsAsync("checkItems"))[2],
        ];

        var data = await _admin.QueryAsync(
            """
            query($ids: [ID!]!) {
              nodes(ids: $ids) {
                __typename
                ... on CheckItem { code }
                ... on Region { code }
                ... on Agency { code }
                ... on InspectionTarget { creditCode }
                ... on Inspector { registryCode }
              }
            }
            """,
            new { ids });

        Snapshot.Match(data.ToSnapshot());
    }

    [Theory]
    [InlineData("Inspector", 9999)]
    [InlineData("InspectionTarget", 0)]
    [InlineData("CheckItem", int.MaxValue)]
    public async Task An_unknown_id_is_null(string typeName, int key)
    {
        var response = await _admin.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = GlobalId.Format(typeName, key) });

        Assert.Null(response.Errors);
        Assert.Null(response.Data!["node"]);
    }

    public static TheoryData<string> MalformedIds =>
    [
        "",
        "not an id!",
        "SW5zcGVjdG9yOjE===",
        Base64Url("Nope:1"),
        Base64Url("Query:1"),
        Base64Url("String:1"),
        Base64Url("Node:1"),
        Base64Url("Inspector"),
        Base64Url(":1"),
        Base64Url("Inspector:"),
        Base64Url("Inspector:-1"),
        Base64Url("Inspector:+1"),
        Base64Url("Inspector:1.0"),
        Base64Url("Inspector:abc"),
        Base64Url("Inspector:99999999999"),
        Base64Url(new string('A', 300) + ":1"),
        Convert.ToBase64String([0xFF, 0xFE, 0x3A, 0x31]),
    ];

    [Theory]
    [MemberData(nameof(MalformedIds))]
    public async Task A_malformed_id_is_null_without_an_error(string id)
    {
        var response = await _admin.PostAsync("query($id: ID!, $ids: [ID!]!) { node(id: $id) { id } nodes(ids: $ids) { id } }", new { id, ids = new[] { id } });

        Assert.Null(response.Errors);
        Assert.Null(response.Data!["node"]);
        Assert.Equal("[null]", response.Data!["nodes"]!.ToJsonString());
    }

    public static TheoryData<string, string, string, string> MismatchedIds => new()
    {
        { "updateInspector", "UpdateInspectorInput", """{"id":"{InspectionTarget}","name":"x"}""", "NOT_FOUND(id)" },
        { "deactivateInspector", "DeactivateInspectorInput", """{"inspectorId":"{CheckItem}","reason":"x"}""", "NOT_FOUND(inspectorId)" },
        { "updateCheckItem", "UpdateCheckItemInput", """{"id":"{Inspector}","title":"x"}""", "NOT_FOUND(id)" },
        { "retireCheckItem", "RetireCheckItemInput", """{"checkItemId":"{Region}"}""", "NOT_FOUND(checkItemId)" },
        { "updateTarget", "UpdateTargetInput", """{"id":"{Agency}","name":"x"}""", "NOT_FOUND(id)" },
        { "retireTarget", "RetireTargetInput", """{"targetId":"{Inspector}","reason":"x"}""", "NOT_FOUND(targetId)" },
        { "changeTargetCategory", "ChangeTargetCategoryInput", """{"targetId":"{CheckItem}","category":"KEY","effectiveFrom":"2023-01-01","reason":"x"}""", "NOT_FOUND(targetId)" },
        { "createInspector", "CreateInspectorInput", """{"name":"x","kind":"AUXILIARY","registryCode":"MISMATCH-1","agencyId":"{Region}"}""", "UNKNOWN_AGENCY" },
        { "createAgency", "CreateAgencyInput", """{"code":"MISMATCH-1","name":"x","regionId":"{Agency}"}""", "UNKNOWN_REGION" },
        { "createRegion", "CreateRegionInput", """{"code":"MISMATCH-1","name":"x","parentId":"{InspectionTarget}"}""", "UNKNOWN_REGION" },
        {
            "createTarget", "CreateTargetInput",
            $$"""{"creditCode":"{{CreditCode.Complete("91652801MA7890009")}}","name":"x","category":"GENERAL","regionId":"{Agency}","agencyId":"{Region}"}""",
            "UNKNOWN_REGION, UNKNOWN_AGENCY"
        },
    };

    [Theory]
    [MemberData(nameof(MismatchedIds))]
    public async Task An_id_of_another_type_is_not_found_in_a_mutation(string mutation, string inputType, string input, string expectedErrors)
    {
        // Key 1 exists for every type, so only the type named inside the id can make these fail.
        foreach (var typeName in new[] { "Region", "Agency", "InspectionTarget", "Inspector", "CheckItem" })
        {
            input = input.Replace($"{{{typeName}}}", GlobalId.Format(typeName, 1), StringComparison.Ordinal);
        }

        var notFound = expectedErrors.StartsWith("NOT_FOUND", StringComparison.Ordinal) ? "... on NotFoundError { field }" : "";

        var data = await _admin.QueryAsync(
            $"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ errors {{ ... on Error {{ code }} {notFound} }} }} }}",
            new { input = JsonNode.Parse(input) });

        Assert.Equal(expectedErrors, data[mutation]!.ErrorSummary());
    }

    [Fact]
    public async Task Anonymous_callers_fetch_check_items_by_id_but_no_registry_record()
    {
        var anonymous = factory.CreateGraphQLClient();
        var checkItem = (await IdsAsync("checkItems"))[0];
        var target = (await IdsAsync("targets"))[0];

        var allowed = await anonymous.PostAsync("query($id: ID!) { node(id: $id) { __typename } }", new { id = checkItem });
        var mixed = await anonymous.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }", new { ids = new[] { checkItem, target } });

        Assert.Null(allowed.Errors);
        Assert.Equal("CheckItem", (string?)allowed.Data!["node"]!["__typename"]);
        Assert.Equal([AuthorizationErrorCodes.NotAuthenticated], mixed.ErrorCodes);
        Assert.Null(mixed.Data);
    }

    [Fact]
    public async Task A_node_reads_navigations_of_navigations()
    {
        var inspector = (await IdsAsync("inspectors"))[0];
        var zone = (await IdsAsync("regions"))[3];

        var data = await _admin.QueryAsync(
            """
            query($inspector: ID!, $zone: ID!) {
              inspector: node(id: $inspector) { ... on Inspector { agency { region { name } } } }
              zone: node(id: $zone) { ... on Region { parent { parent { name } } } }
            }
            """,
            new { inspector, zone });

        Assert.Equal("库尔勒经济技术开发区", (string?)data["inspector"]!["agency"]!["region"]!["name"]);
        Assert.Equal("巴音郭楞蒙古自治州", (string?)data["zone"]!["parent"]!["parent"]!["name"]);
    }

    private static string Base64Url(string text) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    /// <summary>The ids of a root list in key order.</summary>
    private async Task<List<string>> IdsAsync(string list)
    {
        var data = await _admin.QueryAsync($"{{ {list}(first: 100, order: [{{ id: ASC }}]) {{ nodes {{ id }} }} }}");
        return [.. data[list]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!)];
    }
}
