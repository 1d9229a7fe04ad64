using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Tests.Registry;

public sealed class CreditCodeTests
{
    // Each check character below was computed with a separate script from the GB 32100 weights,
    // independently of CreditCode, and matches the code as published.
    [Theory]
    [InlineData("91350100M000100Y43")] // the worked example of GB 32100-2015
    [InlineData("9144030071526726XG")] // 深圳市腾讯计算机系统有限公司
    [InlineData("914403001922038216")] // 华为技术有限公司
    [InlineData("91110108551385082Q")] // 北京小米科技有限责任公司
    [InlineData("91330100716105852F")]
    [InlineData("91110000802100433B")]
    [InlineData("91310000717866186P")]
    [InlineData("91440300708461136T")]
    [InlineData("916528012022040019")] // the drg-1 vector's targets
    [InlineData("91652801202204749X")]
    [InlineData("91652801202205485U")]
    [InlineData("916528012022077040")]
    public void Real_codes_are_valid(string code)
    {
        Assert.Null(CreditCode.Validate(code));
        Assert.True(CreditCode.IsValid(code));
    }

    [Theory]
    [InlineData("91350100M000100Y4", '3')]
    [InlineData("9144030071526726X", 'G')]
    [InlineData("91652801202204001", '9')]
    [InlineData("91652801202204749", 'X')]
    public void Check_character_is_computed_per_gb_32100(string first17, char expected) =>
        Assert.Equal(expected, CreditCode.ComputeCheckCharacter(first17));

    [Fact]
    public void A_sum_divisible_by_31_gives_check_character_zero()
    {
        // 'Y'(30)·1 + '1'(1)·3 + '3'(3)·20 = 93 = 3·31, so C18 = 31 − 0 = 31, written '0'.
        Assert.Equal('0', CreditCode.ComputeCheckCharacter("Y1000000300000000"));
        Assert.True(CreditCode.IsValid("Y10000003000000000"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_code(string? code) =>
        Assert.Equal(CreditCodeProblemKind.Missing, CreditCode.Validate(code)!.Kind);

    [Theory]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    [InlineData("9135")]
    [InlineData(" 91350100M000100Y43")]
    [InlineData("91350100M000100Y43 ")]
    public void Wrong_length(string code)
    {
        var problem = CreditCode.Validate(code)!;
        Assert.Equal(CreditCodeProblemKind.Length, problem.Kind);
        Assert.Contains($"has {code.Length}", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("91350100I000100Y43", 9)]
    [InlineData("91350100O000100Y43", 9)]
    [InlineData("91350100M00010ZY43", 15)]
    [InlineData("91350100M000100S43", 16)]
    [InlineData("91350100M000100V43", 16)]
    [InlineData("91350100m000100Y43", 9)] // lower case
    [InlineData("91350100M000100Y4-", 18)]
    [InlineData("91350100M000100Y4O", 18)]
    [InlineData("91350100M000 00Y43", 13)]
    [InlineData("91350100Ｍ000100Y43", 9)] // full-width Ｍ
    [InlineData("I1350100M000100Y43", 1)]
    [InlineData("9Z350100M000100Y43", 2)]
    public void Illegal_character_names_its_position(string code, int position)
    {
        var problem = CreditCode.Validate(code)!;
        Assert.Equal(CreditCodeProblemKind.IllegalCharacter, problem.Kind);
        Assert.Equal(position, problem.Position);
    }

    [Fact]
    public void Lower_case_is_explained_and_normalize_fixes_it()
    {
        Assert.Contains("lower case", CreditCode.Validate("91350100m000100y43")!.Message, StringComparison.Ordinal);
        Assert.Equal("91350100M000100Y43", CreditCode.Normalize("  91350100m000100y43\t"));
        Assert.True(CreditCode.IsValid(CreditCode.Normalize(" 9144030071526726xg ")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("B")]
    [InlineData("C")]
    [InlineData("X")]
    public void Unknown_registration_authority(string authority)
    {
        var code = Fix(authority + "1350100M000100Y4");
        var problem = CreditCode.Validate(code)!;
        Assert.Equal(CreditCodeProblemKind.RegistrationAuthority, problem.Kind);
        Assert.Equal(1, problem.Position);
    }

    [Theory]
    [InlineData("94")] // 工商 has types 1–3 only
    [InlineData("99")]
    [InlineData("90")]
    [InlineData("9A")]
    [InlineData("14")] // 机构编制: 1, 2, 3, 9
    [InlineData("54")] // 民政: 1, 2, 3, 9
    [InlineData("Y2")] // 其他: only 1
    [InlineData("Y9")]
    [InlineData("22")] // 外交: 1, 9
    [InlineData("36")] // 司法行政: 1–5, 9
    public void Organization_type_not_of_that_authority(string firstTwo)
    {
        var problem = CreditCode.Validate(Fix(firstTwo + "350100M000100Y4"))!;
        Assert.Equal(CreditCodeProblemKind.OrganizationType, problem.Kind);
        Assert.Equal(2, problem.Position);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("12")]
    [InlineData("13")]
    [InlineData("19")]
    [InlineData("21")]
    [InlineData("31")]
    [InlineData("35")]
    [InlineData("41")]
    [InlineData("51")]
    [InlineData("52")]
    [InlineData("53")]
    [InlineData("59")]
    [InlineData("62")]
    [InlineData("71")]
    [InlineData("72")]
    [InlineData("81")]
    [InlineData("91")]
    [InlineData("92")]
    [InlineData("93")]
    [InlineData("A1")]
    [InlineData("A9")]
    [InlineData("N1")]
    [InlineData("N2")]
    [InlineData("N3")]
    [InlineData("N9")]
    [InlineData("Y1")]
    public void Every_listed_authority_and_type_is_accepted(string firstTwo) =>
        Assert.True(CreditCode.IsValid(Fix(firstTwo + "652801MA7XXXX1U")));

    [Theory]
    [InlineData("91A50100M000100Y4", 3)]
    [InlineData("9135010BM000100Y4", 8)]
    [InlineData("91350W00M000100Y4", 6)]
    public void Region_code_must_be_digits(string first17, int position)
    {
        var problem = CreditCode.Validate(first17 + "0")!;
        Assert.Equal(CreditCodeProblemKind.RegionCode, problem.Kind);
        Assert.Equal(position, problem.Position);
    }

    [Theory]
    [InlineData("91350100M000100Y44", '3')]
    [InlineData("91350100M000100Y40", '3')]
    [InlineData("9144030071526726XH", 'G')]
    [InlineData("916528012022040010", '9')]
    [InlineData("91652801202204749Y", 'X')]
    [InlineData("91350100M000010Y43", 'J')] // two adjacent characters swapped
    public void Wrong_check_character_names_the_expected_one(string code, char expected)
    {
        var problem = CreditCode.Validate(code)!;
        Assert.Equal(CreditCodeProblemKind.CheckCharacter, problem.Kind);
        Assert.Equal(expected, problem.ExpectedCheckCharacter);
        Assert.Equal(18, problem.Position);
        Assert.Contains($"'{expected}'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_single_character_substitution_is_detected()
    {
        // The weights are all non-zero modulo the prime 31, so any single substitution changes the sum.
        const string valid = "91350100M000100Y43";
        for (var i = 0; i < valid.Length; i++)
        {
            foreach (var c in CreditCode.Alphabet)
            {
                if (c == valid[i])
                {
                    continue;
                }

                var changed = string.Concat(valid.AsSpan(0, i), c.ToString(), valid.AsSpan(i + 1));
                Assert.False(CreditCode.IsValid(changed), changed);
            }
        }
    }

    [Fact]
    public void Complete_makes_a_valid_code_from_a_prefix()
    {
        Assert.Equal("916528012022040019", CreditCode.Complete("91652801202204001"));
        Assert.Equal("91350100M000100Y43", CreditCode.Complete("91350100M000100Y4"));

        var random = new Random(20220424);
        for (var n = 0; n < 1000; n++)
        {
            var prefix = "91652801" + string.Concat(Enumerable.Range(0, 9).Select(_ => CreditCode.Alphabet[random.Next(31)]));
            Assert.True(CreditCode.IsValid(CreditCode.Complete(prefix)));
        }
    }

    [Theory]
    [InlineData("9165280120220400")] // 16 characters
    [InlineData("916528012022040019")] // 18 characters
    [InlineData("99652801202204001")] // organisation type
    [InlineData("9165280I202204001")] // alphabet
    [InlineData("9165280A202204001")] // region
    public void Complete_rejects_a_prefix_that_cannot_start_a_valid_code(string prefix) =>
        Assert.Throws<ArgumentException>(() => CreditCode.Complete(prefix));

    [Theory]
    [InlineData("9165280120220400")]
    [InlineData("9165280120220400I")]
    public void ComputeCheckCharacter_rejects_bad_input(string first17) =>
        Assert.Throws<ArgumentException>(() => CreditCode.ComputeCheckCharacter(first17));

    private static string Fix(string first17) => first17 + CheckOf(first17);

    // A second, deliberately naive computation so the tests do not only trust CreditCode itself.
    private static char CheckOf(string first17)
    {
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += CreditCode.Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * weights[i];
        }

        return CreditCode.Alphabet[(31 - (sum % 31)) % 31];
    }
}
