using System.Text.Json;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.GraphQL.Relay;
using Snapshooter.Xunit;

namespace DualRandomGraph.Api.Tests.CheckItems;

public sealed class CheckItemMutationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Fields = "code title legalBasis categories retired version";

    private const string CommonErrors = "__typename ... on Error { code message } ... on ValidationError { field }";

    private const string CreateCheckItem = $$"""
        mutation($input: CreateCheckItemInput!) { createCheckItem(input: $input) { checkItem { {{Fields}} }
          errors { {{CommonErrors}} ... on DuplicateCheckItemCodeError { checkItemCode } } } }
        """;

    private const string UpdateCheckItem = $$"""
        mutation($input: UpdateCheckItemInput!) { updateCheckItem(input: $input) { checkItem { {{Fields}} }
          errors { {{CommonErrors}} ... on NotFoundError { field id } ... on ConcurrencyConflictError { expectedVersion actualVersion } } } }
        """;

    private const string RetireCheckItem = $$"""
        mutation($input: RetireCheckItemInput!) { retireCheckItem(input: $input) { checkItem { {{Fields}} }
          errors { {{CommonErrors}} ... on NotFoundError { field id } } } }
        """;

    private readonly GraphQLClient _admin = factory.CreateGraphQLClient(Roles.Admin);

    [Fact]
    public async Task Creates_a_check_item_with_each_category_once()
    {
        var response = await _admin.PostAsync(CreateCheckItem, new { input = Item(" SJ-T01 ", categories: ["KEY", "GENERAL", "KEY"]) });

        Snapshot.Match(response.ForSnapshot());
    }

    public static TheoryData<string, string, string> InvalidCreations => new()
    {
        { "duplicate code", Json(new { code = "SJ-01" }), "DUPLICATE_CHECK_ITEM_CODE" },
        { "duplicate code with blanks around it", Json(new { code = " SJ-02 " }), "DUPLICATE_CHECK_ITEM_CODE" },
        { "empty code", Json(new { code = "" }), "VALIDATION(code)" },
        { "code of 33 characters", Json(new { code = new string('C', 33) }), "VALIDATION(code)" },
        { "empty title", Json(new { title = "" }), "VALIDATION(title)" },
        { "blank title", Json(new { title = "  " }), "VALIDATION(title)" },
        { "title of 301 characters", Json(new { title = new string('项', 301) }), "VALIDATION(title)" },
        { "legal basis of 1001 characters", Json(new { legalBasis = new string('法', 1001) }), "VALIDATION(legalBasis)" },
        { "no categories", Json(new { categories = Array.Empty<string>() }), "VALIDATION(categories)" },
        { "several problems at once", Json(new { code = "SJ-03", title = "", categories = Array.Empty<string>() }), "VALIDATION(title), VALIDATION(categories)" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreations))]
    public async Task Rejects_an_invalid_check_item_and_writes_nothing(string problem, string changes, string expectedErrors)
    {
        var input = Item("SJ-INVALID");
        foreach (var (key, value) in JsonNode.Parse(changes)!.AsObject())
        {
            input[key] = value?.DeepClone();
        }

        var before = await _admin.CountAsync("checkItems");

        var payload = (await _admin.QueryAsync(CreateCheckItem, new { input }))["createCheckItem"]!;

        Assert.True(expectedErrors == payload.ErrorSummary(), $"{problem}: {payload.ToJsonString()}");
        Assert.Null(payload["checkItem"]);
        Assert.Equal(before, await _admin.CountAsync("checkItems"));
    }

    [Fact]
    public async Task A_duplicate_code_error_names_the_code()
    {
        var response = await _admin.PostAsync(CreateCheckItem, new { input = Item("SJ-11") });

        Snapshot.Match(response.ForSnapshot());
    }

    [Fact]
    public async Task Updates_only_the_fields_given()
    {
        var id = await CreateAsync("SJ-T02");

        var retitled = await _admin.QueryAsync(UpdateCheckItem, new { input = new { id, expectedVersion = 0, title = " 新标题 " } });
        var recategorised = await _admin.QueryAsync(UpdateCheckItem, new { input = new { id, categories = new[] { "INDUSTRIAL_PARK", "INDUSTRIAL_PARK" }, legalBasis = "" } });

        Snapshot.Match(new { retitled, recategorised }.ToSnapshot());
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        var id = await CreateAsync("SJ-T03");
        await _admin.QueryAsync(UpdateCheckItem, new { input = new { id, expectedVersion = 0, title = "第一次修改" } });

        var stale = await _admin.QueryAsync(UpdateCheckItem, new { input = new { id, expectedVersion = 0, title = "覆盖" } });

        Snapshot.Match(new { stale, after = await ReadAsync(id) }.ToSnapshot());
    }

    public static TheoryData<string, string> InvalidUpdates => new()
    {
        { Json(new { title = "" }), "VALIDATION(title)" },
        { Json(new { title = new string('项', 301) }), "VALIDATION(title)" },
        { Json(new { legalBasis = new string('法', 1001) }), "VALIDATION(legalBasis)" },
        { Json(new { categories = Array.Empty<string>() }), "VALIDATION(categories)" },
        { Json(new { expectedVersion = 3, title = "新" }), "CONCURRENCY_CONFLICT" },
        { Json(new { id = GlobalId.Format("CheckItem", 9999), title = "新" }), "NOT_FOUND(id)" },
    };

    [Theory]
    [MemberData(nameof(InvalidUpdates))]
    public async Task Rejects_an_invalid_update_and_changes_nothing(string changes, string expectedErrors)
    {
        var id = await CreateAsync($"SJ-U-{Guid.NewGuid():N}"[..20]);
        var before = await ReadAsync(id);
        var input = new JsonObject { ["id"] = id };
        foreach (var (key, value) in JsonNode.Parse(changes)!.AsObject())
        {
            input[key] = value?.DeepClone();
        }

        var payload = (await _admin.QueryAsync(UpdateCheckItem, new { input }))["updateCheckItem"]!;

        Assert.Equal(expectedErrors, payload.ErrorSummary());
        Assert.Null(payload["checkItem"]);
        Assert.True(JsonNode.DeepEquals(before, await ReadAsync(id)));
    }

    [Fact]
    public async Task Retired_check_items_stay_listed_and_cannot_be_retired_twice()
    {
        var id = await CreateAsync("SJ-T04");
        var before = await _admin.CountAsync("checkItems");

        var retired = await _admin.QueryAsync(RetireCheckItem, new { input = new { checkItemId = id } });
        var again = await _admin.QueryAsync(RetireCheckItem, new { input = new { checkItemId = id } });
        var unknown = await _admin.QueryAsync(RetireCheckItem, new { input = new { checkItemId = GlobalId.Format("CheckItem", 9999) } });

        Assert.Equal(before, await _admin.CountAsync("checkItems"));
        Snapshot.Match(new { retired, again, unknown, after = await ReadAsync(id) }.ToSnapshot());
    }

    [Fact]
    public async Task Anonymous_callers_read_check_items_as_a_list_and_by_id()
    {
        var anonymous = factory.CreateGraphQLClient();

        var list = await anonymous.QueryAsync("{ checkItems(first: 3, order: [{ code: ASC }]) { nodes { id code title categories retired } } }");
        var id = (string)list["checkItems"]!["nodes"]![1]!["id"]!;
        var byId = await anonymous.QueryAsync("query($id: ID!) { node(id: $id) { __typename ... on CheckItem { code title } } }", new { id });

        Snapshot.Match(new { list, byId }.ToSnapshot());
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static JsonObject Item(string code, string title = "测试抽查事项", string[]? categories = null) => new()
    {
        ["code"] = code,
        ["title"] = title,
        ["legalBasis"] = "《中华人民共和国环境保护法》第二十四条",
        ["categories"] = new JsonArray([.. (categories ?? ["KEY", "SPECIAL"]).Select(c => JsonValue.Create(c))]),
    };

    private async Task<string> CreateAsync(string code)
    {
        var payload = (await _admin.QueryAsync(CreateCheckItem.Replace("checkItem {", "checkItem { id", StringComparison.Ordinal), new { input = Item(code) }))["createCheckItem"]!;
        Assert.Equal("none", payload.ErrorSummary());
        return (string)payload["checkItem"]!["id"]!;
    }

    private async Task<JsonNode> ReadAsync(string id)
        => (await _admin.QueryAsync($$"""query($id: ID!) { node(id: $id) { ... on CheckItem { {{Fields}} } } }""", new { id }))["node"]!;
}
