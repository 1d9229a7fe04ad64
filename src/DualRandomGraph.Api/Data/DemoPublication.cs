using System.Security.Claims;
using System.Text.Json;
using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;
using GraphQL;

namespace DualRandomGraph.Api.Data;

/// <summary>
/// The seed's public results table of 2022 Q2 (<c>korla-2022q2-disclosure.csv</c>): its 13 inspections imported as
/// history and published, so a new user finds the real table in the IDE and at the CSV endpoint. It goes through
/// the API's own mutations (as an administrator, then a coordinator), so the demo shows exactly what the API makes.
/// </summary>
internal static class DemoPublication
{
    /// <summary>(firm, date) in the table's order; every result is 正常 with 情况说明 无.</summary>
    private static readonly (string Firm, string Date)[] Rows =
    [
        ("新疆美克化工股份有限公司", "2022-04-09"),
        ("库尔勒爱润食品有限公司", "2022-04-21"),
        ("新疆泰昌实业有限责任公司热电厂", "2022-04-22"),
        ("新疆根力多生物科技有限公司", "2022-04-24"),
        ("巴州众恒油脂有限公司", "2022-04-25"),
        ("库尔勒孔雀河国家粮食储备有限公司", "2022-04-25"),
        ("新疆凯瑞可食品科技有限公司", "2022-05-19"),
        ("巴州金富特种纱业有限公司", "2022-05-20"),
        ("新疆富丽震纶棉纺有限公司", "2022-05-20"),
        ("新疆美克化工股份有限公司", "2022-05-26"),
        ("巴州方顺油脂有限公司", "2022-06-06"),
        ("新疆根力多生物科技有限公司", "2022-06-08"),
        ("新疆利泰丝路投资有限公司", "2022-06-21"),
    ];

    private const string Import = """
        mutation($agencyId: ID!, $records: [ImportedInspectionInput!]!) {
          importInspectionHistory(input: { agencyId: $agencyId, source: "2022年第二季度随机抽查情况公开表（示例数据）", records: $records }) {
            errors { ... on Error { code message } }
          }
        }
        """;

    private const string Publish = """
        mutation($agencyId: ID!) {
          publishResults(input: { agencyId: $agencyId, year: 2022, quarter: 2 }) { errors { ... on Error { code message } } }
        }
        """;

    private const string Lookup = """
        query($code: String!) {
          agencies(where: { code: { eq: $code } }) { nodes { id } }
          targets(first: 100) { nodes { name creditCode } }
        }
        """;

    public static async Task LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var ids = await RunAsync(services, Lookup, new() { ["code"] = DemoData.AgencyCode }, cancellationToken);
        var agencyId = ids.GetProperty("agencies").GetProperty("nodes")[0].GetProperty("id").GetString();
        var codes = ids.GetProperty("targets").GetProperty("nodes").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("creditCode").GetString()!);
        var records = Rows.Select(row => new Dictionary<string, object?>
        {
            ["creditCode"] = codes[row.Firm],
            ["findings"] = new Dictionary<string, object?> { ["inspectedOn"] = row.Date, ["mode"] = "ON_SITE", ["outcome"] = "NORMAL", ["description"] = "无" },
        }).ToList<object?>();

        await RunAsync(services, Import, new() { ["agencyId"] = agencyId, ["records"] = records }, cancellationToken);
        await RunAsync(services, Publish, new() { ["agencyId"] = agencyId }, cancellationToken);
    }

    private static async Task<JsonElement> RunAsync(IServiceProvider services, string query, Dictionary<string, object?> variables, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var identity = new ClaimsIdentity([new Claim("sub", "demo"), new Claim("role", Roles.Admin), new Claim("role", Roles.Coordinator)], "demo", "sub", "role");
        var result = await services.GetRequiredService<IDocumentExecuter<AppSchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Variables = new Inputs(variables),
            User = new ClaimsPrincipal(identity),
            RequestServices = scope.ServiceProvider,
            CancellationToken = cancellationToken,
        });
        var json = JsonDocument.Parse(services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result)).RootElement;
        // The mutations select nothing but their errors, so any "code" in the data is a payload error.
        if (json.TryGetProperty("errors", out _) || json.ToString().Contains("\"code\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Loading the demo publication failed: {json}");
        }

        return json.GetProperty("data").Clone();
    }
}
