using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Registry;
using Snapshooter.Xunit;

namespace DualRandomGraph.Api.Tests;

/// <summary>The Korla demo data a new user's first run loads, checked against the seed's public results table.</summary>
public sealed class DemoDataTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly Dictionary<string, string> CategoryOfTableLabel = new()
    {
        ["重点源"] = "KEY",
        ["特殊源"] = "SPECIAL",
        ["一般污染源"] = "GENERAL",
    };

    private readonly GraphQLClient _admin = factory.CreateGraphQLClient(Roles.Admin);

    [Fact]
    public async Task The_seed_quarter_is_published_and_its_csv_is_the_seed_table()
    {
        var anonymous = factory.CreateGraphQLClient();
        var publication = (await anonymous.QueryAsync("{ publications { nodes { year quarter csvUrl visits } } }"))["publications"]!["nodes"]![0]!;

        var csv = await factory.CreateClient().GetByteArrayAsync((string)publication["csvUrl"]!);

        Assert.Equal((2022, 2, 13), ((int)publication["year"]!, (int)publication["quarter"]!, (int)publication["visits"]!));
        Assert.Equal(await File.ReadAllBytesAsync(RepositoryPaths.File("tests", "data", "korla-2022q2-disclosure.csv")), csv);
    }

    [Fact]
    public async Task The_targets_are_the_firms_of_the_disclosure_table_with_its_categories()
    {
        var fromTable = File.ReadLines(RepositoryPaths.File("tests", "data", "korla-2022q2-disclosure.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(columns => (Name: columns[2], Category: CategoryOfTableLabel[columns[3]]))
            .Distinct()
            .OrderBy(firm => firm.Name, StringComparer.Ordinal)
            .ToList();

        var targets = await TargetsAsync();

        Assert.Equal(11, fromTable.Count);
        Assert.Equal(fromTable, targets.Select(t => (Name: (string)t["name"]!, Category: (string)t["category"]!)).OrderBy(firm => firm.Name, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("新疆泰昌实业有限责任公司热电厂", "KEY")]
    [InlineData("新疆美克化工股份有限公司", "SPECIAL")]
    [InlineData("新疆根力多生物科技有限公司", "SPECIAL")]
    public async Task Key_and_special_sources_are_the_ones_the_table_names(string name, string category)
    {
        var targets = await TargetsAsync();

        Assert.Equal(category, (string?)targets.Single(t => (string?)t["name"] == name)["category"]);
        Assert.Equal(8, targets.Count(t => (string?)t["category"] == "GENERAL"));
    }

    [Fact]
    public async Task Every_target_has_a_valid_demo_credit_code_in_the_zone()
    {
        var targets = await TargetsAsync();

        Assert.All(targets, target =>
        {
            var creditCode = (string)target["creditCode"]!;
            Assert.True(CreditCode.IsValid(creditCode), $"{target["name"]}: {creditCode} is not a valid GB 32100 code");
            Assert.True((bool)target["isDemoCode"]!);
            Assert.Equal("ACTIVE", (string?)target["status"]);
            Assert.Equal("库尔勒经济技术开发区", (string?)target["region"]!["name"]);
            Assert.Equal(DemoAgencyCode, (string?)target["agency"]!["code"]);
            Assert.Equal((string?)target["category"], (string?)target["categoryHistory"]!.AsArray().Single()!["category"]);
        });
        Assert.Equal(11, targets.Select(t => (string?)t["creditCode"]).Distinct().Count());
    }

    [Fact]
    public async Task The_check_items_are_the_eleven_of_the_annual_plan()
    {
        var data = await factory.CreateGraphQLClient().QueryAsync(
            "{ checkItems(first: 100, order: [{ code: ASC }]) { totalCount nodes { code title categories retired version } } }");

        Assert.Equal(11, (int)data["checkItems"]!["totalCount"]!);
        Snapshot.Match(data.ToSnapshot());
    }

    [Fact]
    public async Task There_are_twelve_inspectors_most_of_them_certified_officers()
    {
        var data = await _admin.QueryAsync(
            "{ inspectors(first: 100) { totalCount nodes { name kind certificateNumber registryCode active agency { code } } } }");
        var inspectors = data["inspectors"]!["nodes"]!.AsArray().Select(i => i!).ToList();
        var officers = inspectors.Where(i => (string?)i["kind"] == "ENFORCEMENT_OFFICER").ToList();

        Assert.Equal(12, (int)data["inspectors"]!["totalCount"]!);
        Assert.True(officers.Count > inspectors.Count / 2, $"only {officers.Count} of {inspectors.Count} are enforcement officers");
        Assert.All(officers, officer => Assert.False(string.IsNullOrEmpty((string?)officer["certificateNumber"])));
        Assert.All(inspectors, inspector => Assert.True((bool)inspector["active"]!));
        Assert.All(inspectors, inspector => Assert.Equal(DemoAgencyCode, (string?)inspector["agency"]!["code"]));
        Assert.Equal(12, inspectors.Select(i => (string?)i["registryCode"]).Distinct().Count());
        Assert.Equal(
            new Dictionary<string, int> { ["ENFORCEMENT_OFFICER"] = 7, ["SUPERVISION_STAFF"] = 2, ["AUXILIARY"] = 3 },
            inspectors.GroupBy(i => (string)i["kind"]!).ToDictionary(g => g.Key, g => g.Count()));
    }

    [Fact]
    public async Task The_bureau_is_KETDZ_EPB_in_the_development_zone()
    {
        var data = await _admin.QueryAsync(
            "{ agencies { totalCount nodes { code name region { code name parent { name parent { name parent { name } } } } } } }");

        Snapshot.Match(data.ToSnapshot());
    }

    [Fact]
    public async Task Nothing_is_loaded_when_demo_data_is_switched_off()
    {
        await using var empty = new ConfiguredApiFactory(new() { ["Database:LoadDemoData"] = "false" });

        var counts = await CountAllAsync(empty.CreateGraphQLClient(Roles.Admin));

        Assert.Equal(new RegistryCounts(0, 0, 0, 0, 0), counts);
    }

    [Fact]
    public async Task A_second_start_over_the_same_database_does_not_load_the_demo_data_again()
    {
        using var database = TestDatabase.Create();
        RegistryCounts first;
        await using (var firstRun = new SharedDatabaseApiFactory(database))
        {
            first = await CountAllAsync(firstRun.CreateGraphQLClient(Roles.Admin));
        }

        await using var secondRun = new SharedDatabaseApiFactory(database);
        var second = await CountAllAsync(secondRun.CreateGraphQLClient(Roles.Admin));

        Assert.Equal(new RegistryCounts(4, 1, 11, 12, 11), first);
        Assert.Equal(first, second);
    }

    private const string DemoAgencyCode = "KETDZ-EPB";

    private async Task<List<JsonNode>> TargetsAsync()
    {
        var data = await _admin.QueryAsync(
            """
            { targets(first: 100) { totalCount nodes { name category creditCode isDemoCode status region { name } agency { code }
                                                       categoryHistory { category effectiveFrom } } } }
            """);
        Assert.Equal(11, (int)data["targets"]!["totalCount"]!);
        return [.. data["targets"]!["nodes"]!.AsArray().Select(t => t!)];
    }

    private static async Task<RegistryCounts> CountAllAsync(GraphQLClient client)
    {
        var data = await client.QueryAsync(
            "{ regions { totalCount } agencies { totalCount } targets { totalCount } inspectors { totalCount } checkItems { totalCount } }");
        int Count(string field) => (int)data[field]!["totalCount"]!;
        return new RegistryCounts(Count("regions"), Count("agencies"), Count("targets"), Count("inspectors"), Count("checkItems"));
    }

    private sealed record RegistryCounts(int Regions, int Agencies, int Targets, int Inspectors, int CheckItems);

    /// <summary>The server with a few settings of its own (applied after the fixture's).</summary>
    private sealed class ConfiguredApiFactory(Dictionary<string, string?> settings) : ApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => settings;
    }

    private sealed class SharedDatabaseApiFactory(TestDatabase database) : ApiFactory(database);
}
