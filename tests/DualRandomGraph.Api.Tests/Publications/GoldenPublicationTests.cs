using System.Globalization;
using DualRandomGraph.Api.Publications;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Api.Tests.Publications;

/// <summary>
/// The golden test of issue 5: from an empty database, through GraphQL only, the Korla zone's bureau, its 11 firms
/// and the 13 inspections of 2022 Q2 as the seed's table lists them are registered and imported, the quarter is
/// published, and the CSV download is the seed's table byte for byte (the XLSX download holds the same cells).
/// </summary>
public sealed class GoldenPublicationTests(EmptyDatabaseApiFactory factory) : IClassFixture<EmptyDatabaseApiFactory>
{
    private static readonly string SeedCsvPath = RepositoryPaths.File("tests", "data", "korla-2022q2-disclosure.csv");

    private static readonly Dictionary<string, string> Categories = new()
    {
        ["重点源"] = "KEY",
        ["特殊源"] = "SPECIAL",
        ["一般污染源"] = "GENERAL",
        ["建设项目"] = "CONSTRUCTION_PROJECT",
        ["工业园区"] = "INDUSTRIAL_PARK",
    };

    [Fact]
    public async Task The_published_csv_equals_the_seed_table()
    {
        var seed = await File.ReadAllBytesAsync(SeedCsvPath);
        var rows = (await File.ReadAllLinesAsync(SeedCsvPath)).Skip(1).Select(line => line.Split(',')).ToList();
        factory.Clock.SetChinaDay(new DateOnly(2022, 7, 8));
        var admin = factory.CreateGraphQLClient(Roles.Admin);

        var regionId = await IdAsync(admin, "createRegion", "region", "CreateRegionInput", new { code = "652801-KETDZ", name = rows[0][1] });
        var agencyId = await IdAsync(admin, "createAgency", "agency", "CreateAgencyInput", new { code = "KETDZ-EPB", name = "库尔勒经济技术开发区环境保护局", regionId });
        var codes = new Dictionary<string, string>();
        foreach (var (name, label) in rows.Select(r => (r[2], r[3])).Distinct())
        {
            var creditCode = CreditCode.Complete(string.Create(CultureInfo.InvariantCulture, $"91652801GLD{codes.Count + 1:D6}"));
            codes[name] = creditCode;
            await IdAsync(admin, "createTarget", "target", "CreateTargetInput", new { creditCode, name, category = Categories[label], regionId, agencyId, categoryEffectiveFrom = "2022-01-01" });
        }

        var records = rows.Select(r => new
        {
            creditCode = codes[r[2]],
            findings = new { inspectedOn = r[4], mode = "ON_SITE", outcome = r[5] == "正常" ? "NORMAL" : "PROBLEM_FOUND", description = r[6] },
        });
        var imported = await admin.QueryAsync(
            "mutation($input: ImportInspectionHistoryInput!) { importInspectionHistory(input: $input) { records { id origin } errors { ... on Error { code message } } } }",
            new { input = new { agencyId, source = "新疆生态环境执法一体化平台", records } });
        Assert.Equal(13, imported["importInspectionHistory"]!["records"]!.AsArray().Count);

        var coordinator = factory.CreateGraphQLClient(Roles.Coordinator);
        var published = (await coordinator.QueryAsync(
            """
            mutation($agencyId: ID!) { publishResults(input: { agencyId: $agencyId, year: 2022, quarter: 2 }) {
              publication { id revision title summary announcement generalFirms keyFirms specialFirms specialVisits otherFirms visits
                workCompletedOn deadline publishedOn onTime csvUrl xlsxUrl }
              errors { ... on Error { code message } } } }
            """,
            new { agencyId }))["publishResults"]!["publication"]!;

        var anonymous = factory.CreateClient();
        var csv = await anonymous.GetByteArrayAsync((string)published["csvUrl"]!);
        using var xlsx = new MemoryStream(await anonymous.GetByteArrayAsync((string)published["xlsxUrl"]!));

        Assert.Equal(seed, csv);
        Assert.Equal(
            (await File.ReadAllLinesAsync(SeedCsvPath)).Select(line => line.Split(',').ToList()),
            PublicationWorkbook.Read(xlsx));
        Assert.Equal(
            (8, 1, 4, 0, 13),
            ((int)published["generalFirms"]!, (int)published["keyFirms"]!, (int)published["specialVisits"]!, (int)published["otherFirms"]!, (int)published["visits"]!));
        Assert.Equal("共抽取一般污染源 8 家，重点污染源 1 家，特殊监管对象 4 家次，其他执法事项（建设项目、工业园区）0 家", (string?)published["summary"]);

        // 2022-06-21 is a Tuesday; counting from the next day, with no holiday or adjusted day in the official
        // calendar between 06-22 and 07-19: June 22–24 (3), 27–30 (7), July 1 (8), 4–8 (13), 11–15 (18), 18 (19), 19 (20).
        Assert.Equal(("2022-06-21", "2022-07-19", true), ((string?)published["workCompletedOn"], (string?)published["deadline"], (bool)published["onTime"]!));
        Assert.Equal(
            "2022年4月1日至2022年6月30日，库尔勒经济技术开发区环境保护局组织开展第二季度污染源日常环境监管领域随机抽查检查工作，共抽取一般污染源 8 家，重点污染源 1 家，特殊监管对象 4 家次，其他执法事项（建设项目、工业园区）0 家，现将具体工作情况公告如下：",
            (string?)published["announcement"]);
    }

    private static async Task<string> IdAsync(GraphQLClient client, string mutation, string result, string inputType, object input)
    {
        var data = await client.QueryAsync(
            $"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {result} {{ id }} errors {{ ... on Error {{ code message }} }} }} }}",
            new { input });
        return (string?)data[mutation]![result]?["id"] ?? throw new InvalidOperationException(data.ToJsonString());
    }
}
