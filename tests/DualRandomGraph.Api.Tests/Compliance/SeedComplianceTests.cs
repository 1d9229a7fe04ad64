using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.GraphQL.Authorization;

namespace DualRandomGraph.Api.Tests.Compliance;

/// <summary>
/// The demo data's 2022 Q2 (the seed's public table, imported and published on 2022-08-01), checked against figures
/// worked out by hand from the seed notice; who may read which of them; and the errors of bad arguments.
/// </summary>
public sealed class SeedComplianceTests(ComplianceApiFactory factory) : IClassFixture<ComplianceApiFactory>
{
    private const string StaffFields = """
        agencyCode year quarter
        categories { category poolSize requiredMinimum drawn inspectedFirms visits ratio requiredRatio met }
        keyCoverage keyTargets keyTargetsCovered uncoveredKeyTargets { name }
        publicationsOnTime publicationsLate latePublications { year quarter deadline publishedOn workingDaysLate } publicationsDue duePublications { quarter }
        visits problemsFound problemFoundRate transfers offSiteShare workload { inspectors min median max } auxiliaryShare
        targeted { inspections problemsFound transfers } agency { code }
        """;

    private const string PublicFields = """
        agencyCode agencyName year quarter categories { category inspectedFirms visits }
        visits problemsFound problemFoundRate publicationsOnTime publicationsLate latePublications { deadline publishedOn workingDaysLate }
        """;

    [Fact]
    public async Task Staff_read_the_seed_quarter_as_worked_out_by_hand()
    {
        var auditor = factory.CreateGraphQLClient(Roles.Auditor);
        var agencyId = await AgencyIdAsync(auditor);

        var stats = (await auditor.QueryAsync(
            $"query($id: ID!) {{ complianceStats(agencyId: $id, year: 2022, quarter: 2) {{ {StaffFields} }} }}", new { id = agencyId }))["complianceStats"]!;

        // Q2 of 2022 (q = 3 quarters left, nothing covered in Q1), seed ratios: key max(ceil(0.25×1), ceil(1/3)) = 1,
        // special ceil(0.5×2) = 1, general ceil((ceil(0.1×8) − 0)/3) = 1, no construction projects or parks. The table:
        // 1 key firm, 2 special firms in 4 visits (家次), 8 general firms; 13 visits, all 正常 and on site.
        Assert.Equal(
            """[{"category":"KEY","poolSize":1,"requiredMinimum":1,"drawn":1,"inspectedFirms":1,"visits":1,"ratio":1,"requiredRatio":1,"met":true},"""
            + """{"category":"SPECIAL","poolSize":2,"requiredMinimum":1,"drawn":2,"inspectedFirms":2,"visits":4,"ratio":1,"requiredRatio":0.5,"met":true},"""
            + """{"category":"GENERAL","poolSize":8,"requiredMinimum":1,"drawn":8,"inspectedFirms":8,"visits":8,"ratio":1,"requiredRatio":0.125,"met":true},"""
            + """{"category":"CONSTRUCTION_PROJECT","poolSize":0,"requiredMinimum":0,"drawn":0,"inspectedFirms":0,"visits":0,"ratio":0,"requiredRatio":0,"met":true},"""
            + """{"category":"INDUSTRIAL_PARK","poolSize":0,"requiredMinimum":0,"drawn":0,"inspectedFirms":0,"visits":0,"ratio":0,"requiredRatio":0,"met":true}]""",
            stats["categories"]!.ToJsonString());
        Assert.Equal((1.0, 1, 1, "[]"), ((double)stats["keyCoverage"]!, (int)stats["keyTargets"]!, (int)stats["keyTargetsCovered"]!, stats["uncoveredKeyTargets"]!.ToJsonString()));
        // Work complete 2022-06-21, deadline the 20th working day after: 2022-07-19. Published Monday 2022-08-01: late by
        // 20, 21, 22 July, 25–29 July and 1 August, 9 working days.
        Assert.Equal((0, 1, 0), ((int)stats["publicationsOnTime"]!, (int)stats["publicationsLate"]!, (int)stats["publicationsDue"]!));
        Assert.Equal("""[{"year":2022,"quarter":2,"deadline":"2022-07-19","publishedOn":"2022-08-01","workingDaysLate":9}]""", stats["latePublications"]!.ToJsonString());
        Assert.Equal((13, 0, 0.0, 0, 0.0), ((int)stats["visits"]!, (int)stats["problemsFound"]!, (double)stats["problemFoundRate"]!, (int)stats["transfers"]!, (double)stats["offSiteShare"]!));
        // Imported history has no teams on record, and there were no targeted checks.
        Assert.Equal("""{"inspectors":0,"min":null,"median":null,"max":null}""", stats["workload"]!.ToJsonString());
        Assert.Equal((0.0, """{"inspections":0,"problemsFound":0,"transfers":0}""", "KETDZ-EPB"), ((double)stats["auxiliaryShare"]!, stats["targeted"]!.ToJsonString(), (string?)stats["agency"]!["code"]));
    }

    [Fact]
    public async Task Anyone_reads_the_public_figures_of_the_published_quarter_and_nothing_else()
    {
        var agencyId = await AgencyIdAsync(factory.CreateGraphQLClient(Roles.Auditor));
        var anonymous = factory.CreateGraphQLClient();
        var inspector = factory.CreateGraphQLClientAs("DEMO-XJ-0001", Roles.Inspector);

        var published = (await anonymous.QueryAsync(
            $"query($id: ID!) {{ complianceStats(agencyId: $id, year: 2022, quarter: 2) {{ {PublicFields} }} }}", new { id = agencyId }))["complianceStats"]!;
        Assert.Equal(
            """{"agencyCode":"KETDZ-EPB","agencyName":"库尔勒经济技术开发区环境保护局","year":2022,"quarter":2,"categories":[{"category":"KEY","inspectedFirms":1,"visits":1},{"category":"SPECIAL","inspectedFirms":2,"visits":4},{"category":"GENERAL","inspectedFirms":8,"visits":8},{"category":"CONSTRUCTION_PROJECT","inspectedFirms":0,"visits":0},{"category":"INDUSTRIAL_PARK","inspectedFirms":0,"visits":0}],"visits":13,"problemsFound":0,"problemFoundRate":0,"publicationsOnTime":0,"publicationsLate":1,"latePublications":[{"deadline":"2022-07-19","publishedOn":"2022-08-01","workingDaysLate":9}]}""",
            published.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

        // What the table does not reveal is closed, field by field, to the public and to inspectors.
        foreach (var field in new[] { "keyCoverage", "uncoveredKeyTargets { name }", "categories { poolSize }", "categories { met }", "transfers", "offSiteShare", "workload { max }", "auxiliaryShare", "targeted { inspections }", "duePublications { quarter }", "agency { name }" })
        {
            var query = $"query($id: ID!) {{ complianceStats(agencyId: $id, year: 2022, quarter: 2) {{ visits {field} }} }}";
            Assert.Equal([AuthorizationErrorCodes.NotAuthenticated], (await anonymous.PostAsync(query, new { id = agencyId })).ErrorCodes.Distinct());
            Assert.Equal([AuthorizationErrorCodes.NotAuthorized], (await inspector.PostAsync(query, new { id = agencyId })).ErrorCodes.Distinct());
        }

        // Unpublished periods are refused; the series and the regional view leave them out.
        foreach (var client in new[] { anonymous, inspector })
        {
            Assert.Equal(["PERIOD_NOT_PUBLISHED"], await CodesAsync(client, "complianceStats(agencyId: $id, year: 2022, quarter: 3) { visits }", agencyId));
            Assert.Equal(["PERIOD_NOT_PUBLISHED"], await CodesAsync(client, "complianceStats(agencyId: $id, year: 2022) { visits }", agencyId));
            var series = (await client.QueryAsync("query($id: ID!) { complianceSeries(agencyId: $id, fromYear: 2021, toYear: 2022) { year quarter visits } }", new { id = agencyId }))["complianceSeries"]!;
            Assert.Equal("""[{"year":2022,"quarter":2,"visits":13}]""", series.ToJsonString());
        }

        var prefecture = await RegionIdAsync(factory.CreateGraphQLClient(Roles.Auditor), "652800");
        const string Region = "query($id: ID!, $quarter: Int) { regionCompliance(regionId: $id, year: 2022, quarter: $quarter) { agencyCode quarter visits } }";
        Assert.Equal("""[{"agencyCode":"KETDZ-EPB","quarter":2,"visits":13}]""", (await anonymous.QueryAsync(Region, new { id = prefecture, quarter = 2 }))["regionCompliance"]!.ToJsonString());
        Assert.Equal("[]", (await anonymous.QueryAsync(Region, new { id = prefecture, quarter = 3 }))["regionCompliance"]!.ToJsonString());
    }

    [Fact]
    public async Task Staff_read_every_quarter_the_year_and_the_region()
    {
        var coordinator = factory.CreateGraphQLClient(Roles.Coordinator);
        var agencyId = await AgencyIdAsync(factory.CreateGraphQLClient(Roles.Auditor));

        var series = (await coordinator.QueryAsync(
            "query($id: ID!) { complianceSeries(agencyId: $id, fromYear: 2021, toYear: 2022) { year quarter visits } }", new { id = agencyId }))["complianceSeries"]!.AsArray();
        Assert.Equal(
            "2021Q1:0 2021Q2:0 2021Q3:0 2021Q4:0 2022Q1:0 2022Q2:13 2022Q3:0 2022Q4:0",
            string.Join(' ', series.Select(s => $"{s!["year"]}Q{s["quarter"]}:{s["visits"]}")));

        // The year sums its quarters' quotas and is met when each quarter was. Key: Q1 max(1, ceil(1/4)) = 1, Q2 1, Q3 and
        // Q4 (covered in Q2) ceil(0.25×1) = 1: 4 required, and Q1, Q3, Q4 inspected none. Special: 1 a quarter. General: Q1
        // ceil(1/4) = 1, Q2 ceil(1/3) = 1, Q3 and Q4 with 8 already inspected ceil(max(0, 1 − 8)/q) = 0: 2, Q1 missed.
        var year = (await coordinator.QueryAsync(
            "query($id: ID!) { complianceStats(agencyId: $id, year: 2022) { quarter categories { category poolSize requiredMinimum inspectedFirms visits met } keyCoverage publicationsLate } }",
            new { id = agencyId }))["complianceStats"]!;
        Assert.Equal(
            """{"quarter":null,"categories":[{"category":"KEY","poolSize":1,"requiredMinimum":4,"inspectedFirms":1,"visits":1,"met":false},{"category":"SPECIAL","poolSize":2,"requiredMinimum":4,"inspectedFirms":2,"visits":4,"met":false},{"category":"GENERAL","poolSize":8,"requiredMinimum":2,"inspectedFirms":8,"visits":8,"met":false},{"category":"CONSTRUCTION_PROJECT","poolSize":0,"requiredMinimum":0,"inspectedFirms":0,"visits":0,"met":true},{"category":"INDUSTRIAL_PARK","poolSize":0,"requiredMinimum":0,"inspectedFirms":0,"visits":0,"met":true}],"keyCoverage":1,"publicationsLate":1}""",
            year.ToJsonString());

        var province = await RegionIdAsync(factory.CreateGraphQLClient(Roles.Auditor), "650000");
        var region = (await coordinator.QueryAsync(
            "query($id: ID!) { regionCompliance(regionId: $id, year: 2022, quarter: 3) { agencyCode quarter visits } }", new { id = province }))["regionCompliance"]!;
        Assert.Contains("""{"agencyCode":"KETDZ-EPB","quarter":3,"visits":0}""", region.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_get_errors_with_codes()
    {
        var auditor = factory.CreateGraphQLClient(Roles.Auditor);
        var agencyId = await AgencyIdAsync(auditor);

        Assert.Equal(["UNKNOWN_AGENCY"], await CodesAsync(auditor, "complianceStats(agencyId: \"QWdlbmN5Ojk5OQ\", year: 2022) { visits }", agencyId));
        Assert.Equal(["UNKNOWN_AGENCY"], await CodesAsync(auditor, "complianceStats(agencyId: \"not-an-id\", year: 2022) { visits }", agencyId));
        Assert.Equal(["VALIDATION"], await CodesAsync(auditor, "complianceStats(agencyId: $id, year: 1999) { visits }", agencyId));
        Assert.Equal(["VALIDATION"], await CodesAsync(auditor, "complianceStats(agencyId: $id, year: 2022, quarter: 5) { visits }", agencyId));
        Assert.Equal(["VALIDATION"], await CodesAsync(auditor, "complianceSeries(agencyId: $id, fromYear: 2023, toYear: 2022) { visits }", agencyId));
        Assert.Equal(["RANGE_TOO_LONG"], await CodesAsync(auditor, "complianceSeries(agencyId: $id, fromYear: 2012, toYear: 2022) { visits }", agencyId));
        Assert.Equal(["UNKNOWN_REGION"], await CodesAsync(auditor, "regionCompliance(regionId: \"UmVnaW9uOjk5OQ\", year: 2022) { visits }", agencyId));
        Assert.Equal(["VALIDATION"], await CodesAsync(auditor, "regionCompliance(regionId: \"UmVnaW9uOjE\", year: 2022, quarter: 0) { visits }", agencyId));
        // Checked before access, so the public learns nothing more from an error than staff do.
        Assert.Equal(["UNKNOWN_AGENCY"], await CodesAsync(factory.CreateGraphQLClient(), "complianceStats(agencyId: \"QWdlbmN5Ojk5OQ\", year: 2022) { visits }", agencyId));
    }

    private static async Task<IReadOnlyList<string?>> CodesAsync(GraphQLClient client, string field, string agencyId)
    {
        var query = field.Contains("$id", StringComparison.Ordinal) ? $"query($id: ID!) {{ {field} }}" : $"{{ {field} }}";
        var response = await client.PostAsync(query, field.Contains("$id", StringComparison.Ordinal) ? new { id = agencyId } : null);
        return response.ErrorCodes;
    }

    internal static async Task<string> AgencyIdAsync(GraphQLClient staff, string code = "KETDZ-EPB")
        => (string)(await staff.QueryAsync("query($code: String!) { agencies(where: { code: { eq: $code } }) { nodes { id } } }", new { code }))["agencies"]!["nodes"]![0]!["id"]!;

    private static async Task<string> RegionIdAsync(GraphQLClient staff, string code)
        => (string)(await staff.QueryAsync("query($code: String!) { regions(where: { code: { eq: $code } }) { nodes { id } } }", new { code }))["regions"]!["nodes"]![0]!["id"]!;
}
