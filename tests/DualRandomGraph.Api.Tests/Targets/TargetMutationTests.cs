using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Registry;
using Snapshooter.Xunit;

namespace DualRandomGraph.Api.Tests.Targets;

public sealed class TargetMutationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string CreateTarget = """
        mutation($input: CreateTargetInput!) {
          createTarget(input: $input) {
            target { creditCode name category status region { name } agency { code } pollutantTypes onPositiveList
                     categoryHistory { category effectiveFrom reason } version }
            errors { __typename ... on Error { code message } ... on InvalidCreditCodeError { problem expectedCheckCharacter }
                     ... on ValidationError { field } }
          }
        }
        """;

    private readonly GraphQLClient _admin = factory.CreateGraphQLClient(Roles.Admin);

    [Fact]
    public async Task Creates_a_target_with_its_first_category_dated()
    {
        var response = await _admin.PostAsync(CreateTarget, new { input = await InputAsync(CreditCode.Complete("91652801MA7890001"), "库尔勒示例化工有限公司") });

        Snapshot.Match(response.ForSnapshot());
    }

    [Theory]
    [InlineData("91652801MA789000111", "Length")]
    [InlineData("91652801MA789000I1", "IllegalCharacter")]
    [InlineData("", "Missing")]
    public async Task Rejects_a_malformed_credit_code_and_writes_nothing(string creditCode, string problem)
    {
        var before = await CountTargetsAsync();

        var response = await _admin.PostAsync(CreateTarget, new { input = await InputAsync(creditCode, "某公司") });

        var error = response.Data!["createTarget"]!["errors"]![0]!;
        Assert.Equal("INVALID_CREDIT_CODE", (string?)error["code"]);
        Assert.Equal(problem, (string?)error["problem"]);
        Assert.Null(response.Data!["createTarget"]!["target"]);
        Assert.Equal(before, await CountTargetsAsync());
    }

    [Fact]
    public async Task A_wrong_check_character_names_the_right_one()
    {
        var valid = CreditCode.Complete("91652801MA7890002");
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');

        var response = await _admin.PostAsync(CreateTarget, new { input = await InputAsync(wrong, "某公司") });

        var error = response.Data!["createTarget"]!["errors"]![0]!;
        Assert.Equal("CheckCharacter", (string?)error["problem"]);
        Assert.Equal(valid[17].ToString(), (string?)error["expectedCheckCharacter"]);
    }

    [Fact]
    public async Task Rejects_a_duplicate_credit_code_in_any_case()
    {
        var code = CreditCode.Complete("91652801MA7890003");
        await _admin.QueryAsync(CreateTarget, new { input = await InputAsync(code, "第一家") });

        var response = await _admin.PostAsync(CreateTarget, new { input = await InputAsync(code.ToLowerInvariant(), "第二家") });

        Assert.Equal("DUPLICATE_CREDIT_CODE", (string?)response.Data!["createTarget"]!["errors"]![0]!["code"]);
    }

    [Fact]
    public async Task Reports_every_problem_at_once()
    {
        var input = await InputAsync(CreditCode.Complete("91652801MA7890004"), "  ");
        input["regionId"] = "bm9wZQ";
        input["agencyId"] = "QWdlbmN5Ojk5OTk";

        var response = await _admin.PostAsync(CreateTarget, new { input });

        Snapshot.Match(response.ForSnapshot());
    }

    [Fact]
    public async Task Category_changes_are_dated_and_kept_in_order()
    {
        var created = await _admin.QueryAsync(
            "mutation($input: CreateTargetInput!) { createTarget(input: $input) { target { id } } }",
            new { input = await InputAsync(CreditCode.Complete("91652801MA7890005"), "变更测试公司", "2022-01-01") });
        var id = (string)created["createTarget"]!["target"]!["id"]!;
        const string Change = """
            mutation($input: ChangeTargetCategoryInput!) {
              changeTargetCategory(input: $input) {
                target { category categoryHistory { category effectiveFrom reason } }
                errors { __typename ... on Error { code message } }
              }
            }
            """;

        var upgraded = await _admin.QueryAsync(Change, new { input = new { targetId = id, category = "KEY", effectiveFrom = "2022-07-01", reason = "列入重点排污单位名录" } });
        var outOfOrder = await _admin.QueryAsync(Change, new { input = new { targetId = id, category = "SPECIAL", effectiveFrom = "2022-06-30", reason = "倒填" } });

        Snapshot.Match(new { upgraded, outOfOrder }.ToSnapshot());
    }

    [Fact]
    public async Task Retired_targets_stay_in_the_registry_with_their_status_history()
    {
        var created = await _admin.QueryAsync(
            "mutation($input: CreateTargetInput!) { createTarget(input: $input) { target { id } } }",
            new { input = await InputAsync(CreditCode.Complete("91652801MA7890006"), "关停测试公司") });
        var id = (string)created["createTarget"]!["target"]!["id"]!;

        var retired = await _admin.QueryAsync(
            """
            mutation($id: ID!) { retireTarget(input: { targetId: $id, status: CLOSED, effectiveFrom: "2022-09-01", reason: "企业关停" }) {
              target { status statusHistory { status effectiveFrom reason } } errors { __typename } } }
            """,
            new { id });
        var again = await _admin.QueryAsync(
            """mutation($id: ID!) { retireTarget(input: { targetId: $id, reason: "再次" }) { errors { __typename ... on Error { code message } } } }""",
            new { id });
        var stillThere = await _admin.QueryAsync("query($id: ID!) { node(id: $id) { ... on InspectionTarget { name status } } }", new { id });

        Snapshot.Match(new { retired, again, stillThere }.ToSnapshot());
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        var created = await _admin.QueryAsync(
            "mutation($input: CreateTargetInput!) { createTarget(input: $input) { target { id version } } }",
            new { input = await InputAsync(CreditCode.Complete("91652801MA7890007"), "并发测试公司") });
        var id = (string)created["createTarget"]!["target"]!["id"]!;
        const string Update = """
            mutation($input: UpdateTargetInput!) { updateTarget(input: $input) {
              target { name version } errors { __typename ... on ConcurrencyConflictError { expectedVersion actualVersion } } } }
            """;

        var first = await _admin.QueryAsync(Update, new { input = new { id, expectedVersion = 0, name = "并发测试公司（新）" } });
        var stale = await _admin.QueryAsync(Update, new { input = new { id, expectedVersion = 0, name = "覆盖" } });

        Snapshot.Match(new { first, stale }.ToSnapshot());
    }

    private async Task<JsonObject> InputAsync(string creditCode, string name, string? effectiveFrom = null)
    {
        var ids = await _admin.QueryAsync("{ agencies { nodes { id } } regions(first: 100) { nodes { id code } } }");
        var zone = ids["regions"]!["nodes"]!.AsArray().First(r => (string?)r!["code"] == "652801-KETDZ")!;
        return new JsonObject
        {
            ["creditCode"] = creditCode,
            ["name"] = name,
            ["category"] = "GENERAL",
            ["regionId"] = (string?)zone["id"],
            ["agencyId"] = (string?)ids["agencies"]!["nodes"]![0]!["id"],
            ["categoryEffectiveFrom"] = effectiveFrom ?? "2022-01-01",
            ["pollutantTypes"] = new JsonArray("废水", "废气"),
        };
    }

    private async Task<int> CountTargetsAsync() => (int)(await _admin.QueryAsync("{ targets { totalCount } }"))["targets"]!["totalCount"]!;
}
