using System.Globalization;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Data;

/// <summary>
/// The Korla Economic and Technological Development Zone as in the seed notice (2022 Q2): its bureau, the 11 firms
/// of the public results table with the categories the table gives them, the 11 check items of the annual plan,
/// and a dozen plainly fictitious inspectors. The firms' credit codes are made-up demo values (valid format,
/// flagged <see cref="InspectionTarget.IsDemoCode"/>); the real codes are not in the notice. On top, so that
/// <c>previewQuotas</c> and <c>drawPlan</c> can be tried at once: the seed plan's sampling policy and a published plan
/// for 2022 Q3, the quarter after the notice's; and each demo inspector's login is their registry code, so
/// <c>token --role inspector --subject DEMO-XJ-0001</c> is 示例执法员01.
/// </summary>
public static class DemoData
{
    public const string AgencyCode = "KETDZ-EPB";

    /// <summary>The registration date given to demo records, the first day of the seed's year.</summary>
    private static readonly DateOnly RegisteredOn = new(2022, 1, 1);

    /// <summary>When the demo plan for 2022 Q3 was made and published: 2022-06-20 10:00 in China.</summary>
    private static readonly DateTime PlannedAt = new(2022, 6, 20, 2, 0, 0, DateTimeKind.Utc);

    private static readonly (string Name, TargetCategory Category)[] Firms =
    [
        ("新疆美克化工股份有限公司", TargetCategory.Special),
        ("库尔勒爱润食品有限公司", TargetCategory.General),
        ("新疆泰昌实业有限责任公司热电厂", TargetCategory.Key),
        ("新疆根力多生物科技有限公司", TargetCategory.Special),
        ("巴州众恒油脂有限公司", TargetCategory.General),
        ("库尔勒孔雀河国家粮食储备有限公司", TargetCategory.General),
        ("新疆凯瑞可食品科技有限公司", TargetCategory.General),
        ("巴州金富特种纱业有限公司", TargetCategory.General),
        ("新疆富丽震纶棉纺有限公司", TargetCategory.General),
        ("巴州方顺油脂有限公司", TargetCategory.General),
        ("新疆利泰丝路投资有限公司", TargetCategory.General),
    ];

    private static readonly TargetCategory[] Polluters = [TargetCategory.Key, TargetCategory.Special, TargetCategory.General];
    private static readonly TargetCategory[] Projects = [TargetCategory.ConstructionProject];
    private static readonly TargetCategory[] Everything = Enum.GetValues<TargetCategory>();

    /// <summary>The spot-check item list of the seed's annual plan (随机抽查事项清单), in its order.</summary>
    private static readonly (string Title, TargetCategory[] Categories)[] Items =
    [
        ("生态环境保护措施落实情况", Everything),
        ("污染防治设施运行情况", Polluters),
        ("污染物排放情况", Polluters),
        ("排污许可制度落实及证后执行情况", Polluters),
        ("固体废物及危险废物管理情况", Polluters),
        ("生态环境监测社会化服务机构及环评单位报告（数据）质量", Everything),
        ("建设项目环评及批复落实情况", Projects),
        ("建设项目“三同时”制度落实情况", Projects),
        ("突发环境事件应急预案备案情况", Everything),
        ("环境安全隐患情况", Everything),
        ("环境保护法律法规遵守情况", Everything),
    ];

    /// <summary>Loads the registries, the policy and the Q3 plan into an empty database; false when it was not empty.</summary>
    public static async Task<bool> LoadIfEmptyAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Agencies.AnyAsync(cancellationToken))
        {
            return false;
        }

        var xinjiang = new Region { Code = "650000", Name = "新疆维吾尔自治区" };
        var bayingolin = new Region { Code = "652800", Name = "巴音郭楞蒙古自治州", Parent = xinjiang };
        var korla = new Region { Code = "652801", Name = "库尔勒市", Parent = bayingolin };
        // The zone has no administrative division code of its own; this local code hangs it under Korla.
        var zone = new Region { Code = "652801-KETDZ", Name = "库尔勒经济技术开发区", Parent = korla };
        var agency = new Agency { Code = AgencyCode, Name = "库尔勒经济技术开发区环境保护局", Region = zone };
        db.AddRange(xinjiang, bayingolin, korla, zone, agency);

        for (var i = 0; i < Firms.Length; i++)
        {
            var (name, category) = Firms[i];
            db.Targets.Add(new InspectionTarget
            {
                CreditCode = CreditCode.Complete(string.Create(CultureInfo.InvariantCulture, $"91652801DEMQ00{i + 1:D3}")),
                IsDemoCode = true,
                Name = name,
                Category = category,
                Region = zone,
                Agency = agency,
                CategoryHistory = [new TargetCategoryChange { Category = category, EffectiveFrom = RegisteredOn, Reason = "示例数据：2022年第二季度公开表" }],
            });
        }

        db.CheckItems.AddRange(SeedCheckItems());

        foreach (var inspector in DemoInspectors(agency))
        {
            db.Inspectors.Add(inspector);
        }

        var policy = new SamplingPolicy { Agency = agency, EffectiveFrom = RegisteredOn, Reason = "示例数据：年度工作方案的抽查比例", CreatedAt = PlannedAt, CreatedBy = "demo" };
        db.Plans.Add(new SamplingPlan
        {
            Agency = agency,
            Year = 2022,
            Quarter = 3,
            Status = PlanStatus.Published,
            Policy = policy,
            CheckItems = [.. db.CheckItems.Local.OrderBy(c => c.Code)],
            CreatedAt = PlannedAt,
            CreatedBy = "demo",
            PublishedAt = PlannedAt,
            PublishedBy = "demo",
        });

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The seed plan's spot-check item list as new registry rows (SJ-01 … SJ-11), for the demo and the data generator.</summary>
    internal static IEnumerable<CheckItem> SeedCheckItems() => Items.Select((item, i) => new CheckItem
    {
        Code = string.Create(CultureInfo.InvariantCulture, $"SJ-{i + 1:D2}"),
        Title = item.Title,
        Categories = [.. item.Categories],
    });

    private static IEnumerable<Inspector> DemoInspectors(Agency agency)
    {
        for (var n = 1; n <= 9; n++)
        {
            var certificate = string.Create(CultureInfo.InvariantCulture, $"DEMO-XJ-{n:D4}");
            yield return new Inspector
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"示例执法员{n:D2}"),
                Kind = n <= 7 ? InspectorKind.EnforcementOfficer : InspectorKind.SupervisionStaff,
                CertificateNumber = certificate,
                RegistryCode = certificate,
                AccountSubject = certificate,
                Agency = agency,
                Department = n <= 5 ? "环境执法大队" : "污染防治科",
                Position = n == 1 ? "大队长" : "执法队员",
                YearsOfService = 2 + n,
                Expertise = n % 2 == 0 ? ["大气", "固废"] : ["水", "排污许可"],
            };
        }

        string[] experts = ["监测检测机构", "科研院所", "专家"];
        for (var n = 1; n <= experts.Length; n++)
        {
            yield return new Inspector
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"示例辅助人员{n:D2}"),
                Kind = InspectorKind.Auxiliary,
                RegistryCode = string.Create(CultureInfo.InvariantCulture, $"DEMO-AUX-{n:D4}"),
                AccountSubject = string.Create(CultureInfo.InvariantCulture, $"DEMO-AUX-{n:D4}"),
                Agency = agency,
                Department = experts[n - 1],
                Expertise = ["环境监测"],
            };
        }
    }
}
