using System.Collections.Frozen;

namespace DualRandomGraph.Domain.Registry;

/// <summary>
/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters,
/// <c>AT RRRRRR OOOOOOOOO C</c> — registration authority (1), organisation type (1),
/// region of the registering office (6 digits), subject identifier (9, the GB 11714 organisation code)
/// and a check character (1).
/// </summary>
/// <remarks>
/// <see cref="Validate"/> and <see cref="IsValid"/> judge the code exactly as given; call
/// <see cref="Normalize"/> first to accept input with surrounding blanks or lower-case letters.
/// </remarks>
public static class CreditCode
{
    /// <summary>The number of characters of a code.</summary>
    public const int Length = 18;

    /// <summary>The 31 characters a code is written in, in value order: digits and upper-case letters without I, O, Z, S, V.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // GB 32100-2015 §5: W_i = 3^(i-1) mod 31 for positions 1..17.
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>
    /// Registration authorities (登记管理部门) and the organisation types (机构类别) each may assign,
    /// as published by the national code administration alongside GB 32100.
    /// </summary>
    private static readonly FrozenDictionary<char, string> OrganizationTypesByAuthority = new Dictionary<char, string>
    {
        ['1'] = "1239", // 机构编制: 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
        ['2'] = "19", // 外交: 外国常驻新闻机构, 其他
        ['3'] = "123459", // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
        ['4'] = "19", // 文化: 外国在华文化中心, 其他
        ['5'] = "1239", // 民政: 社会团体, 民办非企业单位, 基金会, 其他
        ['6'] = "129", // 旅游: 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻代表机构, 其他
        ['7'] = "129", // 宗教: 宗教活动场所, 宗教院校, 其他
        ['8'] = "19", // 工会: 基层工会, 其他
        ['9'] = "123", // 工商 (market regulation): 企业, 个体工商户, 农民专业合作社
        ['A'] = "19", // 中央军委改革和编制办公室: 军队事业单位, 其他
        ['N'] = "1239", // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
        ['Y'] = "1", // 其他: a single type
    }.ToFrozenDictionary();

    /// <summary>True when <paramref name="code"/> is a well-formed code with the right check character.</summary>
    public static bool IsValid(string? code) => Validate(code) is null;

    /// <summary>
    /// The first problem found in <paramref name="code"/>, checked from the outside in (length, alphabet,
    /// authority, type, region, check character); <see langword="null"/> when the code is valid.
    /// </summary>
    public static CreditCodeProblem? Validate(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return new(CreditCodeProblemKind.Missing, "The unified social credit code is missing.");
        }

        if (code.Length != Length)
        {
            return new(
                CreditCodeProblemKind.Length,
                $"A unified social credit code has {Length} characters; this one has {code.Length}.");
        }

        return ValidatePrefix(code.AsSpan(0, Length - 1)) ?? ValidateCheckCharacter(code);
    }

    /// <summary>
    /// The GB 32100 check character of the first 17 characters:
    /// C18 = 31 − (Σ value(Ci)·Wi mod 31), where 31 is written '0'.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="first17"/> is not 17 characters of the alphabet.</exception>
    public static char ComputeCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException($"Expected the first {Length - 1} characters of a code; got {first17.Length}.", nameof(first17));
        }

        return TryComputeCheckCharacter(first17)
            ?? throw new ArgumentException($"'{first17}' contains a character outside the code alphabet {Alphabet}.", nameof(first17));
    }

    /// <summary>Trims surrounding white space and upper-cases (invariant culture). Does not validate.</summary>
    public static string Normalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Trim().ToUpperInvariant();
    }

    /// <summary>
    /// Completes a 17-character prefix with its check character, for demo data and test fixtures:
    /// <c>CreditCode.Complete("91652801202204001")</c> is <c>"916528012022040019"</c>.
    /// </summary>
    /// <exception cref="ArgumentException">When the prefix could not start a valid code; the message says why.</exception>
    public static string Complete(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException($"Expected the first {Length - 1} characters of a code; got {first17.Length}.", nameof(first17));
        }

        if (ValidatePrefix(first17) is { } problem)
        {
            throw new ArgumentException(problem.Message, nameof(first17));
        }

        return first17 + TryComputeCheckCharacter(first17)!.Value;
    }

    private static CreditCodeProblem? ValidatePrefix(ReadOnlySpan<char> first17)
    {
        for (var i = 0; i < first17.Length; i++)
        {
            if (Alphabet.IndexOf(first17[i]) < 0)
            {
                return IllegalCharacter(first17[i], i + 1);
            }
        }

        var authority = first17[0];
        if (!OrganizationTypesByAuthority.TryGetValue(authority, out var types))
        {
            return new(
                CreditCodeProblemKind.RegistrationAuthority,
                $"Position 1 ('{authority}') is not a registration-authority code (one of {string.Concat(OrganizationTypesByAuthority.Keys.Order())}).",
                1);
        }

        var type = first17[1];
        if (!types.Contains(type, StringComparison.Ordinal))
        {
            return new(
                CreditCodeProblemKind.OrganizationType,
                $"Position 2 ('{type}') is not an organisation type of registration authority '{authority}' (one of {types}).",
                2);
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(first17[i]))
            {
                return new(
                    CreditCodeProblemKind.RegionCode,
                    $"Positions 3–8 are the region code of the registering office and must be digits; position {i + 1} is '{first17[i]}'.",
                    i + 1);
            }
        }

        return null;
    }

    private static CreditCodeProblem? ValidateCheckCharacter(string code)
    {
        var actual = code[Length - 1];
        if (Alphabet.IndexOf(actual) < 0)
        {
            return IllegalCharacter(actual, Length);
        }

        var expected = TryComputeCheckCharacter(code.AsSpan(0, Length - 1))!.Value;
        return actual == expected
            ? null
            : new(
                CreditCodeProblemKind.CheckCharacter,
                $"The check character (position 18) is '{actual}'; for the first 17 characters it must be '{expected}'.",
                Length,
                expected);
    }

    private static char? TryComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0)
            {
                return null;
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    private static CreditCodeProblem IllegalCharacter(char c, int position)
    {
        var hint = char.IsAsciiLetterLower(c) ? " (lower case: normalise the code first)"
            : "IOZSV".Contains(c, StringComparison.Ordinal) ? " (the alphabet has no I, O, Z, S or V)"
            : string.Empty;
        return new(
            CreditCodeProblemKind.IllegalCharacter,
            $"Position {position} holds '{c}', which is not in the code alphabet {Alphabet}{hint}.",
            position);
    }
}
