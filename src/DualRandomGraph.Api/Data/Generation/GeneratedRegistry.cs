using System.Globalization;
using DualRandomGraph.Domain.Inspections;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Api.Data.Generation;

/// <summary>
/// The made-up registry text of generated data: real Xinjiang administrative divisions (so the region tree reads like
/// the Korla demo's), and firm and inspector names, addresses, permits and findings assembled from word lists. Every
/// value is drawn from the caller's <see cref="Random"/>, so a seed gives the same registry every time.
/// </summary>
internal static class GeneratedRegistry
{
    public const string ProvinceCode = "650000";

    public const string ProvinceName = "新疆维吾尔自治区";

    /// <summary>County-level divisions (行政区划代码) with their prefecture; one agency each.</summary>
    public static readonly (string Code, string Name, string PrefectureCode, string PrefectureName)[] Counties =
    [
        ("652801", "库尔勒市", "652800", "巴音郭楞蒙古自治州"),
        ("650102", "天山区", "650100", "乌鲁木齐市"),
        ("650103", "沙依巴克区", "650100", "乌鲁木齐市"),
        ("650104", "新市区", "650100", "乌鲁木齐市"),
        ("650105", "水磨沟区", "650100", "乌鲁木齐市"),
        ("650106", "头屯河区", "650100", "乌鲁木齐市"),
        ("650109", "米东区", "650100", "乌鲁木齐市"),
        ("650202", "独山子区", "650200", "克拉玛依市"),
        ("650203", "克拉玛依区", "650200", "克拉玛依市"),
        ("650402", "高昌区", "650400", "吐鲁番市"),
        ("650502", "伊州区", "650500", "哈密市"),
        ("652301", "昌吉市", "652300", "昌吉回族自治州"),
        ("652302", "阜康市", "652300", "昌吉回族自治州"),
        ("652701", "博乐市", "652700", "博尔塔拉蒙古自治州"),
        ("652822", "轮台县", "652800", "巴音郭楞蒙古自治州"),
        ("652901", "阿克苏市", "652900", "阿克苏地区"),
        ("653001", "阿图什市", "653000", "克孜勒苏柯尔克孜自治州"),
        ("653101", "喀什市", "653100", "喀什地区"),
        ("653201", "和田市", "653200", "和田地区"),
        ("654002", "伊宁市", "654000", "伊犁哈萨克自治州"),
        ("654003", "奎屯市", "654000", "伊犁哈萨克自治州"),
        ("654201", "塔城市", "654200", "塔城地区"),
        ("654301", "阿勒泰市", "654300", "阿勒泰地区"),
        ("652902", "库车市", "652900", "阿克苏地区"),
    ];

    public const int MaxAgencies = 24;

    /// <summary>
    /// Category shares per 1,000 targets, as the seed's quarter implies them: under its ratios (key ≥ 25 % a quarter,
    /// special ≥ 50 %, general 1 in 10 a year) its draw of 1 key firm, 2 special and 8 general ones comes from a
    /// registry of about 4 key, 4 special and 250–300 general sources; other enforcement items (建设项目, 工业园区) are few.
    /// </summary>
    public static readonly (TargetCategory Category, int PerMille)[] CategoryShares =
    [
        (TargetCategory.Key, 16),
        (TargetCategory.Special, 16),
        (TargetCategory.General, 952),
        (TargetCategory.ConstructionProject, 14),
        (TargetCategory.IndustrialPark, 2),
    ];

    private static readonly string[] PlaceWords =
        ["天山", "博斯腾", "孔雀河", "塔里木", "昆仑", "阿尔泰", "丝路", "金桥", "西域", "楼兰", "胡杨", "雪莲", "天池", "准噶尔", "巴音", "铁门关", "梨城", "库车", "龙海", "金泰", "华泰", "中泰", "宏达", "鑫源", "恒信", "瑞丰", "永盛", "新源", "北方", "大漠"];

    private static readonly (string Word, string Industry, string[] Pollutants, string Scale)[] Trades =
    [
        ("化工", "化学原料和化学制品制造业", ["废气", "废水", "危险废物"], "年产{0}万吨化工产品"),
        ("石化", "石油、煤炭及其他燃料加工业", ["废气", "废水", "危险废物"], "年加工原油{0}万吨"),
        ("热电", "电力、热力生产和供应业", ["废气", "固体废物"], "装机容量{0}万千瓦"),
        ("食品", "农副食品加工业", ["废水", "固体废物"], "年加工农产品{0}万吨"),
        ("油脂", "农副食品加工业", ["废水", "废气"], "年加工油料{0}万吨"),
        ("棉纺", "纺织业", ["废气", "噪声"], "纱锭{0}万锭"),
        ("印染", "纺织业", ["废水", "危险废物"], "年印染布{0}百万米"),
        ("建材", "非金属矿物制品业", ["废气", "噪声"], "年产建材{0}万吨"),
        ("水泥", "非金属矿物制品业", ["废气", "噪声"], "年产熟料{0}万吨"),
        ("生物科技", "医药制造业", ["废水", "危险废物"], "年产生物制品{0}千吨"),
        ("冶金", "黑色金属冶炼和压延加工业", ["废气", "固体废物", "危险废物"], "年产钢材{0}万吨"),
        ("番茄制品", "农副食品加工业", ["废水"], "年加工番茄{0}万吨"),
        ("环保科技", "生态保护和环境治理业", ["危险废物", "废气"], "年处置危险废物{0}千吨"),
        ("汽车维修", "机动车、电子产品和日用产品修理业", ["危险废物", "废气"], "年维修车辆{0}千台次"),
        ("污水处理", "水的生产和供应业", ["废水", "污泥"], "日处理污水{0}万吨"),
    ];

    private static readonly string[] CompanySuffixes = ["有限公司", "有限责任公司", "股份有限公司", "实业有限公司", "集团有限公司"];

    private static readonly string[] Roads = ["石化大道", "建设路", "天山东路", "迎宾路", "经七路", "纬二路", "工业园路", "开发区大道", "团结路", "人民东路", "友好路", "北京路"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];

    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "建华", "志强", "海燕", "晓东", "新疆"];

    private static readonly string[] UyghurGivenNames = ["艾力", "阿依古丽", "买买提", "古丽娜尔", "热合曼", "努尔兰", "迪丽拜尔", "艾尔肯", "帕提古丽", "吐尔逊"];

    private static readonly string[] UyghurFatherNames = ["买买提", "吐尔逊", "阿不都", "艾合买提", "热西提", "依明", "卡德尔", "司马义"];

    private static readonly string[] Departments = ["环境执法大队", "污染防治科", "环境监察支队", "生态环境监测站", "固体废物管理中心"];

    private static readonly string[] Expertise = ["大气", "水", "固废", "危险废物", "排污许可", "环境监测", "辐射", "土壤"];

    private static readonly string[] AuxiliaryUnits = ["生态环境监测站", "环境科学研究院", "第三方检测机构", "环保专家库"];

    /// <summary>What a problem found reads like in a results table (情况说明).</summary>
    public static readonly string[] Findings =
    [
        "废气收集处理设施未正常运行",
        "危险废物贮存场所未按规定设置识别标志",
        "未按排污许可证规定开展自行监测",
        "厂区雨污分流不彻底，存在混排现象",
        "一般工业固体废物露天堆放，未采取防扬散措施",
        "突发环境事件应急预案未及时修订备案",
        "在线监测设备数据传输异常",
        "危险废物管理台账记录不完整",
    ];

    public static readonly string[] RecusalReasons = ["近亲属在该单位任职", "曾在该单位任职未满三年", "与该单位存在经济往来", "本人申请回避"];

    public static readonly OffSiteEvidence[] EvidenceSources = Enum.GetValues<OffSiteEvidence>();

    /// <summary>
    /// A valid credit code for the <paramref name="index"/>-th generated firm of a county: authority 9 (market
    /// regulation), type 1 (enterprise), the county's division code, and a subject identifier that is a bijection of
    /// the index (a multiplier prime to 31 modulo 31⁹), so codes never repeat and do not look sequential.
    /// </summary>
    public static string CreditCodeFor(string countyCode, long index, int seed)
    {
        const long Space = 26_439_622_160_671L; // 31^9
        var value = ((index * 1_000_003L) + (seed & 0x7fff_ffffL)) % Space;
        Span<char> subject = stackalloc char[9];
        for (var i = 8; i >= 0; i--)
        {
            subject[i] = CreditCode.Alphabet[(int)(value % 31)];
            value /= 31;
        }

        return CreditCode.Complete(string.Concat("91", countyCode, subject));
    }

    public static string FirmName(Random random, out string industry, out List<string> pollutants, out string scale)
    {
        var trade = Trades[random.Next(Trades.Length)];
        industry = trade.Industry;
        pollutants = [.. trade.Pollutants];
        scale = string.Format(CultureInfo.InvariantCulture, trade.Scale, random.Next(1, 120));
        var place = PlaceWords[random.Next(PlaceWords.Length)];
        var second = random.Next(3) == 0 ? PlaceWords[random.Next(PlaceWords.Length)] : string.Empty;
        return $"新疆{place}{second}{trade.Word}{CompanySuffixes[random.Next(CompanySuffixes.Length)]}";
    }

    public static string Address(Random random, string countyName)
        => string.Create(CultureInfo.InvariantCulture, $"{ProvinceName}{countyName}{Roads[random.Next(Roads.Length)]}{random.Next(1, 999)}号");

    /// <summary>排污许可证编号: the credit code, a three-digit sequence and the permit's kind (P for a permit, U for a simplified one).</summary>
    public static string PermitNumber(string creditCode, TargetCategory category)
        => creditCode + "001" + (category is TargetCategory.Key or TargetCategory.Special ? "P" : "U");

    public static string PersonName(Random random)
        => random.Next(5) == 0
            ? $"{UyghurGivenNames[random.Next(UyghurGivenNames.Length)]}·{UyghurFatherNames[random.Next(UyghurFatherNames.Length)]}"
            : Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];

    public static string Department(Random random) => Departments[random.Next(Departments.Length)];

    public static string AuxiliaryUnit(Random random) => AuxiliaryUnits[random.Next(AuxiliaryUnits.Length)];

    public static List<string> ExpertiseOf(Random random)
        => [.. Expertise.OrderBy(_ => random.Next()).Take(random.Next(1, 3))];
}
