using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.GraphQL.Relay;
using Snapshooter.Xunit;

namespace DualRandomGraph.Api.Tests.Agencies;

public sealed class AgencyMutationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Errors = """
        errors { __typename ... on Error { code message } ... on ValidationError { field }
                 ... on DuplicateCodeError { value } ... on UnknownRegionError { regionId } }
        """;

    private const string CreateRegion = $$"""
        mutation($input: CreateRegionInput!) { createRegion(input: $input) {
          region { code name parent { code name } } {{Errors}} } }
        """;

    private const string CreateAgency = $$"""
        mutation($input: CreateAgencyInput!) { createAgency(input: $input) {
          agency { code name region { code name } } {{Errors}} } }
        """;

    private readonly GraphQLClient _admin = factory.CreateGraphQLClient(Roles.Admin);

    [Fact]
    public async Task Creates_a_region_without_a_parent()
    {
        var response = await _admin.PostAsync(CreateRegion, new { input = new { code = " 650100 ", name = " 乌鲁木齐市 " } });

        Snapshot.Match(response.ForSnapshot());
    }

    [Fact]
    public async Task Creates_a_region_under_a_parent()
    {
        var parentId = await RegionIdAsync("652800");

        var response = await _admin.PostAsync(CreateRegion, new { input = new { code = "652822", name = "轮台县", parentId } });

        Snapshot.Match(response.ForSnapshot());
    }

    [Theory]
    [InlineData("", "VALIDATION(code)")]
    [InlineData("abc", "VALIDATION(code)")]
    [InlineData("-652801", "VALIDATION(code)")]
    [InlineData("6528 01", "VALIDATION(code)")]
    [InlineData("652801_X", "VALIDATION(code)")]
    [InlineData("区域一", "VALIDATION(code)")]
    [InlineData("A123456789012345678901234567890123", "VALIDATION(code)")]
    [InlineData("652801", "DUPLICATE_CODE")]
    [InlineData(" 652801-KETDZ ", "DUPLICATE_CODE")]
    public async Task Rejects_a_bad_or_taken_region_code_and_writes_nothing(string code, string expectedErrors)
    {
        var before = await _admin.CountAsync("regions");

        var payload = (await _admin.QueryAsync(CreateRegion, new { input = new { code, name = "某地区" } }))["createRegion"]!;

        Assert.Equal(expectedErrors, payload.ErrorSummary());
        Assert.Null(payload["region"]);
        Assert.Equal(before, await _admin.CountAsync("regions"));
    }

    [Fact]
    public async Task A_code_of_32_characters_is_allowed()
    {
        var payload = (await _admin.QueryAsync(CreateRegion, new { input = new { code = "A1234567890123456789012345678901", name = "最长代码" } }))["createRegion"]!;

        Assert.Equal("none", payload.ErrorSummary());
    }

    [Fact]
    public async Task A_duplicate_region_code_names_the_code()
    {
        var response = await _admin.PostAsync(CreateRegion, new { input = new { code = "650000", name = "新疆" } });

        Snapshot.Match(response.ForSnapshot());
    }

    public static TheoryData<string, string> UnknownParents => new()
    {
        { GlobalId.Format("Region", 9999), "UNKNOWN_REGION" },
        { GlobalId.Format("Agency", 1), "UNKNOWN_REGION" },
        { "not-an-id", "UNKNOWN_REGION" },
    };

    [Theory]
    [MemberData(nameof(UnknownParents))]
    public async Task Rejects_an_unknown_parent_and_writes_nothing(string parentId, string expectedErrors)
    {
        var before = await _admin.CountAsync("regions");

        var payload = (await _admin.QueryAsync(CreateRegion, new { input = new { code = "659999", name = "无上级", parentId } }))["createRegion"]!;

        Assert.Equal(expectedErrors, payload.ErrorSummary());
        Assert.Equal(parentId, (string?)payload["errors"]![0]!["regionId"]);
        Assert.Equal(before, await _admin.CountAsync("regions"));
    }

    [Fact]
    public async Task Reports_every_region_problem_at_once()
    {
        var response = await _admin.PostAsync(CreateRegion, new { input = new { code = "bad code", name = " ", parentId = GlobalId.Format("Region", 9999) } });

        Snapshot.Match(response.ForSnapshot());
    }

    [Fact]
    public async Task Creates_an_agency_in_a_region()
    {
        var regionId = await RegionIdAsync("652801");

        var response = await _admin.PostAsync(CreateAgency, new { input = new { code = "KORLA-EEB", name = " 库尔勒市生态环境局 ", regionId } });

        Snapshot.Match(response.ForSnapshot());
    }

    public static TheoryData<string, string, string> InvalidAgencies => new()
    {
        { "KETDZ-EPB", "652801", "DUPLICATE_CODE" },
        { "ketdz-epb2", "652801", "VALIDATION(code)" },
        { "NEW-AGENCY", "", "UNKNOWN_REGION" },
        { "NEW-AGENCY", GlobalId.Format("Region", 9999), "UNKNOWN_REGION" },
        { "NEW-AGENCY", GlobalId.Format("Agency", 1), "UNKNOWN_REGION" },
        { "KETDZ-EPB", GlobalId.Format("Region", 9999), "UNKNOWN_REGION" },
    };

    [Theory]
    [MemberData(nameof(InvalidAgencies))]
    public async Task Rejects_an_invalid_agency_and_writes_nothing(string code, string region, string expectedErrors)
    {
        var regionId = region.All(char.IsAsciiDigit) && region.Length > 0 ? await RegionIdAsync(region) : region;
        var before = await _admin.CountAsync("agencies");

        var payload = (await _admin.QueryAsync(CreateAgency, new { input = new { code, name = "某局", regionId } }))["createAgency"]!;

        Assert.Equal(expectedErrors, payload.ErrorSummary());
        Assert.Null(payload["agency"]);
        Assert.Equal(before, await _admin.CountAsync("agencies"));
    }

    [Fact]
    public async Task An_agency_needs_a_name()
    {
        var payload = (await _admin.QueryAsync(CreateAgency, new { input = new { code = "NO-NAME", name = "", regionId = await RegionIdAsync("652801") } }))["createAgency"]!;

        Assert.Equal("VALIDATION(name)", payload.ErrorSummary());
    }

    [Fact]
    public async Task A_payload_reads_the_whole_chain_of_parents()
    {
        var parentId = await RegionIdAsync("652801");

        var data = await _admin.QueryAsync(
            "mutation($parentId: ID!) { createRegion(input: { code: \"652801-ZONE2\", name: \"某园区\", parentId: $parentId }) { region { parent { parent { parent { code } } } } } }",
            new { parentId });

        Assert.Equal("650000", (string?)data["createRegion"]?["region"]?["parent"]?["parent"]?["parent"]?["code"]);
    }

    [Fact]
    public async Task Reads_regions_with_their_parents()
    {
        var data = await _admin.QueryAsync(
            "{ regions(first: 4, order: [{ id: ASC }]) { nodes { code name parent { code name parent { code } } } } }");

        Snapshot.Match(data.ToSnapshot());
    }

    [Fact]
    public async Task Reads_agencies_with_their_region()
    {
        var data = await _admin.QueryAsync(
            "{ agencies(first: 1, order: [{ id: ASC }]) { nodes { code name region { code name parent { code name parent { name } } } } } }");

        Snapshot.Match(data.ToSnapshot());
    }

    [Fact]
    public async Task Only_admins_create_regions_and_agencies()
    {
        var auditor = factory.CreateGraphQLClient(Roles.Auditor);
        var regionId = await RegionIdAsync("652801");
        var (regions, agencies) = (await _admin.CountAsync("regions"), await _admin.CountAsync("agencies"));

        var region = await auditor.PostAsync(CreateRegion, new { input = new { code = "650200", name = "克拉玛依市" } });
        var agency = await auditor.PostAsync(CreateAgency, new { input = new { code = "AUDITOR-AGENCY", name = "某局", regionId } });

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], region.ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], agency.ErrorCodes);
        Assert.Null(region.Data?["createRegion"]);
        Assert.Null(agency.Data?["createAgency"]);
        Assert.Equal((regions, agencies), (await _admin.CountAsync("regions"), await _admin.CountAsync("agencies")));
    }

    private async Task<string> RegionIdAsync(string code)
    {
        var data = await _admin.QueryAsync("{ regions(first: 100) { nodes { id code } } }");
        return (string)data["regions"]!["nodes"]!.AsArray().Single(r => (string?)r!["code"] == code)!["id"]!;
    }
}
