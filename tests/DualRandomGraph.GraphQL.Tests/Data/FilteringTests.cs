using DualRandomGraph.GraphQL.Tests.Data.TestModel;
using Snapshooter;
using Microsoft.EntityFrameworkCore;
using Snapshooter.Xunit;

namespace DualRandomGraph.GraphQL.Tests.Data;

/// <summary>
/// Each operator family on SQLite: the SQL (snapshot, reviewed by eye) and the rows, which must equal the
/// same condition evaluated in memory over all companies.
/// </summary>
public sealed class FilteringTests(DataFixture fixture) : IClassFixture<DataFixture>
{
    public static TheoryData<string> Cases => [.. FilterCases.Keys];

    private static readonly Dictionary<string, (string Where, Func<Company, bool> Expected)> FilterCases = new()
    {
        ["string eq"] = ("{ name: { eq: \"Delta Power\" } }", c => c.Name == "Delta Power"),
        ["string neq"] = ("{ name: { neq: \"Delta Power\" } }", c => c.Name != "Delta Power"),
        ["string contains percent literally"] = ("{ name: { contains: \"100%\" } }", c => c.Name.Contains("100%")),
        ["string contains underscore literally"] = ("{ name: { contains: \"_\" } }", c => c.Name.Contains('_')),
        ["string ncontains"] = ("{ name: { ncontains: \"a\" } }", c => !c.Name.Contains('a')),
        ["string in"] = ("{ code: { in: [\"C001\", \"C003\", \"C099\"] } }", c => c.Code is "C001" or "C003"),
        ["string nin"] = ("{ code: { nin: [\"C001\", \"C003\"] } }", c => c.Code is not ("C001" or "C003")),
        ["string startsWith underscore literally"] = ("{ name: { startsWith: \"beta_\" } }", c => c.Name.StartsWith("beta_", StringComparison.Ordinal)),
        ["string nstartsWith"] = ("{ name: { nstartsWith: \"E\" } }", c => !c.Name.StartsWith('E')),
        ["string endsWith"] = ("{ name: { endsWith: \"_Glass\" } }", c => c.Name.EndsWith("_Glass", StringComparison.Ordinal)),
        ["string nendsWith"] = ("{ name: { nendsWith: \"s\" } }", c => !c.Name.EndsWith('s')),
        ["string chinese contains"] = ("{ name: { contains: \"石化\" } }", c => c.Name.Contains("石化")),
        ["string eqIgnoreCase"] = ("{ name: { eqIgnoreCase: \"DELTA power\" } }", c => c.Name.Equals("DELTA power", StringComparison.OrdinalIgnoreCase)),
        ["string containsIgnoreCase"] = ("{ name: { containsIgnoreCase: \"PAPER\" } }", c => c.Name.Contains("PAPER", StringComparison.OrdinalIgnoreCase)),
        ["string nstartsWithIgnoreCase"] = ("{ name: { nstartsWithIgnoreCase: \"ZETA\" } }", c => !c.Name.StartsWith("ZETA", StringComparison.OrdinalIgnoreCase)),
        ["string endsWithIgnoreCase"] = ("{ name: { endsWithIgnoreCase: \"STEEL\" } }", c => c.Name.EndsWith("STEEL", StringComparison.OrdinalIgnoreCase)),
        ["int eq null is IS NULL"] = ("{ score: { eq: null } }", c => c.Score == null),
        ["int neq null is IS NOT NULL"] = ("{ score: { neq: null } }", c => c.Score != null),
        ["int eq"] = ("{ score: { eq: 30 } }", c => c.Score == 30),
        ["int neq keeps nulls"] = ("{ score: { neq: 30 } }", c => c.Score != 30),
        ["int in"] = ("{ score: { in: [10, 20] } }", c => c.Score is 10 or 20),
        ["int nin"] = ("{ score: { nin: [10, 20] } }", c => c.Score is not (10 or 20)),
        ["int gt"] = ("{ score: { gt: 30 } }", c => c.Score > 30),
        ["int ngt"] = ("{ score: { ngt: 30 } }", c => !(c.Score > 30)),
        ["int gte"] = ("{ score: { gte: 30 } }", c => c.Score >= 30),
        ["int ngte"] = ("{ score: { ngte: 30 } }", c => !(c.Score >= 30)),
        ["int lt"] = ("{ score: { lt: 30 } }", c => c.Score < 30),
        ["int nlt"] = ("{ score: { nlt: 30 } }", c => !(c.Score < 30)),
        ["int lte"] = ("{ score: { lte: 30 } }", c => c.Score <= 30),
        ["int nlte"] = ("{ score: { nlte: 30 } }", c => !(c.Score <= 30)),
        ["long gte"] = ("{ employees: { gte: 20000 } }", c => c.Employees >= 20000),
        ["float lt"] = ("{ rating: { lt: 3.0 } }", c => c.Rating < 3.0),
        ["date gte"] = ("{ foundedOn: { gte: \"2008-01-01\" } }", c => c.FoundedOn >= new DateOnly(2008, 1, 1)),
        ["datetime lt"] = ("{ createdAt: { lt: \"2024-02-01T00:00:00Z\" } }", c => c.CreatedAt < new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc)),
        ["boolean eq"] = ("{ active: { eq: false } }", c => !c.Active),
        ["boolean neq"] = ("{ active: { neq: true } }", c => !c.Active),
        ["enum eq"] = ("{ category: { eq: SPECIAL } }", c => c.Category == Category.Special),
        ["enum in"] = ("{ category: { in: [KEY, GENERAL] } }", c => c.Category is Category.Key or Category.General),
        ["enum nin"] = ("{ category: { nin: [KEY] } }", c => c.Category != Category.Key),
        ["uuid eq"] = ("{ externalId: { eq: \"00000000-0000-0000-0000-000000000003\" } }", c => c.Id == 3),
        ["global id eq"] = ("{ id: { eq: \"Q29tcGFueToz\" } }", c => c.Id == 3),
        ["global id nin"] = ("{ id: { nin: [\"Q29tcGFueToz\", \"Q29tcGFueTox\"] } }", c => c.Id is not (1 or 3)),
        ["object join"] = ("{ region: { name: { eq: \"North\" } } }", c => c.Region.Name == "North"),
        ["optional object join"] = ("{ auditRegion: { code: { eq: \"S\" } } }", c => c.AuditRegion?.Code == "S"),
        ["two-level object join"] = ("{ region: { parent: { code: { eq: \"KETDZ\" } } } }", c => c.Region.ParentId == 1),
        ["list some"] = ("{ visits: { some: { outcome: { eq: PROBLEM_FOUND } } } }", c => c.Visits.Any(v => v.Outcome == Outcome.ProblemFound)),
        ["list none"] = ("{ visits: { none: { transferred: { eq: true } } } }", c => !c.Visits.Any(v => v.Transferred)),
        ["list all"] = ("{ visits: { all: { outcome: { eq: NORMAL } } } }", c => c.Visits.All(v => v.Outcome == Outcome.Normal)),
        ["list any true"] = ("{ visits: { any: true } }", c => c.Visits.Count > 0),
        ["list any false"] = ("{ visits: { any: false } }", c => c.Visits.Count == 0),
        ["scalar list some"] = ("{ tags: { some: { eq: \"air\" } } }", c => c.Tags.Contains("air")),
        ["scalar list all"] = ("{ tags: { all: { eq: \"soil\" } } }", c => c.Tags.All(t => t == "soil")),
        ["scalar list none"] = ("{ tags: { none: { startsWith: \"w\" } } }", c => !c.Tags.Any(t => t.StartsWith('w'))),
        ["or"] = ("{ or: [{ score: { gt: 50 } }, { name: { startsWith: \"A\" } }] }", c => c.Score > 50 || c.Name.StartsWith('A')),
        ["and with or inside operations"] = ("{ and: [{ active: { eq: true } }, { score: { or: [{ lt: 20 }, { gt: 50 }] } }] }", c => c.Active && (c.Score < 20 || c.Score > 50)),
        ["several fields are and-ed"] = ("{ active: { eq: true }, category: { eq: KEY } }", c => c.Active && c.Category == Category.Key),
        ["cheap terms are tested first"] = ("{ name: { contains: \"a\" }, visits: { some: { transferred: { eq: true } } }, score: { gt: 10 } }", c => c.Name.Contains('a') && c.Visits.Any(v => v.Transferred) && c.Score > 10),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Filter_translates_to_SQL_and_returns_the_matching_rows(string name)
    {
        var (where, expected) = FilterCases[name];
        var companies = LoadCompanies();

        var text = await fixture.ExecuteWithSqlAsync($"{{ companies(first: 50, where: {where}) {{ nodes {{ code }} }} }}");

        var codes = System.Text.Json.JsonDocument.Parse(text[text.IndexOf("-- RESULT", StringComparison.Ordinal)..].Split('\n', 2)[1])
            .RootElement.GetProperty("data").GetProperty("companies").GetProperty("nodes")
            .EnumerateArray().Select(n => n.GetProperty("code").GetString()).ToList();
        Assert.Equal(companies.Where(expected).Select(c => c.Code).OrderBy(c => c, StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
        Assert.Single(fixture.Sql.Statements);
        Snapshot.Match(fixture.Sql.Statements[0], new SnapshotNameExtension(name.Replace(' ', '-')));
    }

    /// <summary>
    /// A NUL or an unpaired surrogate is text no database column holds (PostgreSQL refuses such a parameter outright),
    /// so such a value matches nothing, and its negation everything, on every provider, without a failed statement.
    /// </summary>
    [Theory]
    [InlineData("eq", "a\\u0000b", false)]
    [InlineData("contains", "\\u0000", false)]
    [InlineData("startsWithIgnoreCase", "\\ud800", false)]
    [InlineData("in", "\\udc00x", false)]
    [InlineData("neq", "a\\u0000b", true)]
    [InlineData("ncontains", "\\u0000", true)]
    [InlineData("nendsWith", "x\\ud800", true)]
    public async Task A_value_no_database_can_store_matches_nothing_and_its_negation_everything(string operation, string escapedValue, bool matchesAll)
    {
        var all = (await fixture.QueryAsync("{ companies { totalCount } }")).GetProperty("data").GetProperty("companies").GetProperty("totalCount").GetInt32();

        // In the document, where GraphQL's escapes let an unpaired surrogate through (JSON variables refuse it).
        var value = operation is "in" ? $"[\"{escapedValue}\"]" : $"\"{escapedValue}\"";

        var result = await fixture.QueryAsync($"{{ companies(where: {{ name: {{ {operation}: {value} }} }}) {{ totalCount }} }}");

        Assert.True(all > 0);
        Assert.Equal(matchesAll ? all : 0, result.GetProperty("data").GetProperty("companies").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Global_id_filters_declared_in_the_data_model_work_in_nested_filters_too()
    {
        var result = await fixture.QueryAsync("""
            { companies(first: 50, where: { region: { globalId: { in: ["UmVnaW9uOjI=", "UmVnaW9uOjM="] } } }) { nodes { code region { id } } } }
            """);

        var regions = result.GetProperty("data").GetProperty("companies").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("region").GetProperty("id").GetInt32()).ToList();
        Assert.Equal(10, regions.Count);
        Assert.All(regions, id => Assert.Contains(id, new[] { 2, 3 }));
    }

    [Fact]
    public async Task Nested_list_fields_filter_inside_the_projection()
    {
        var text = await fixture.ExecuteWithSqlAsync("""
            { companies(first: 4, where: { visits: { any: true } }) { nodes { code visits(where: { outcome: { eq: NORMAL } }) { totalCount nodes { id outcome } } } } }
            """);
        Snapshot.Match(text);
    }

    [Theory]
    [InlineData("null-operation", "{ companies(where: { name: { contains: null } }) { nodes { code } } }")]
    [InlineData("null-field", "{ companies(where: { score: null }) { nodes { code } } }")]
    [InlineData("null-eq-on-non-nullable", "{ companies(where: { active: { eq: null } }) { nodes { code } } }")]
    [InlineData("null-in-list-of-non-nullable", "{ companies(where: { employees: { in: [1, null] } }) { nodes { code } } }")]
    [InlineData("null-and", "{ companies(where: { and: null }) { nodes { code } } }")]
    [InlineData("foreign-global-id", """{ companies(where: { id: { eq: "UmVnaW9uOjE=" } }) { nodes { code } } }""")]
    public async Task Explicit_nulls_and_bad_values_are_errors_naming_operation_and_input_type(string name, string query)
    {
        Snapshot.Match(await fixture.ExecuteAsync(query), new SnapshotNameExtension(name));
    }

    [Fact]
    public async Task Excluded_members_cannot_be_filtered_or_sorted()
    {
        // Hidden from the graph type; excluded on the field; excluded in the DataModel; [NotSortable] on the entity.
        string[] queries =
        [
            """{ companies(where: { notes: { eq: "internal note" } }) { nodes { code } } }""",
            "{ companies(order: [{ notes: ASC }]) { nodes { code } } }",
            "{ companies(order: [{ rating: ASC }]) { nodes { code } } }",
            "{ companies(where: { auditRegionId: { eq: 2 } }) { nodes { code } } }",
            "{ visits(order: [{ description: ASC }]) { nodes { id } } }",
        ];
        foreach (var query in queries)
        {
            var result = await fixture.QueryAsync(query);
            Assert.Equal("ARGUMENTS_OF_CORRECT_TYPE", result.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
            Assert.Empty(fixture.Sql.Statements);
        }

        var stillFilterableAndShown = await fixture.QueryAsync("{ companies(first: 1, where: { rating: { gt: 1 } }, order: [{ auditRegionId: DESC }]) { nodes { rating auditRegionId } } }");
        Assert.False(stillFilterableAndShown.TryGetProperty("errors", out _), stillFilterableAndShown.ToString());
    }

    [Fact]
    public async Task Filter_and_cursor_values_are_parameters_so_EF_reuses_one_cached_query()
    {
        var statements = new HashSet<string>();
        var cacheSizes = new List<int>();
        string? cursor = null;
        foreach (var value in new[] { "A", "B", "Delta Power", "100%" })
        {
            var result = await fixture.QueryAsync(
                $$"""query($after: String) { companies(first: 2, after: $after, order: [{ name: ASC }], where: { name: { ncontains: "{{value}}" }, score: { nin: [{{value.Length}}, 2] } }) { pageInfo { endCursor } nodes { code } } }""",
                System.Text.Json.JsonSerializer.Serialize(new { after = cursor }));
            cursor ??= result.GetProperty("data").GetProperty("companies").GetProperty("pageInfo").GetProperty("endCursor").GetString();
            statements.Add(Assert.Single(fixture.Sql.Statements));
            cacheSizes.Add(fixture.CompiledQueryCacheSize());
        }

        // The first query has no cursor yet; the three with one share a SQL text and a compiled query.
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.DoesNotContain("Delta", s));
        Assert.Equal(cacheSizes[1], cacheSizes[3]);
    }

    private List<Company> LoadCompanies()
    {
        using var db = fixture.CreateDbContext();
        return [.. db.Companies.AsNoTracking().Include(c => c.Region).Include(c => c.AuditRegion).Include(c => c.Visits)];
    }
}
