using System.Security.Cryptography;
using System.Text;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Draws;

/// <summary>
/// The draw algorithm <c>drg-1</c> (DESIGN.md §3). Anyone holding the seed, the pools, the quotas and the rules
/// can recompute a draw exactly:
/// <list type="number">
/// <item>target ticket = lower-case hex <c>SHA-256(UTF-8(S + "|" + P + "/" + STRATUM + "|" + targetKey))</c>;</item>
/// <item>per stratum, members ordered by (priorityGroup, ticket), the first k taken;</item>
/// <item>per selection (strata in the order KEY, SPECIAL, GENERAL, CONSTRUCTION_PROJECT, INDUSTRIAL_PARK, each in
/// rank order), inspector ticket = <c>SHA-256(UTF-8(S + "|" + P + "/TEAM/" + K + "|" + inspectorKey))</c>; officers
/// then assistants taken in ticket order, skipping those excluded for K or already on maxTasksPerInspector teams;</item>
/// <item>pool digests over the sorted lines <c>STRATUM|key|priorityGroup\n</c> and <c>ROLE|key\n</c>.</item>
/// </list>
/// </summary>
public static class Drg1
{
    /// <summary>The algorithm's name in documents.</summary>
    public const string Algorithm = "drg-1";

    /// <summary>A seed has at least this many characters (Unicode scalar values).</summary>
    public const int MinimumSeedLength = 20;

    /// <summary>The order in which strata are drawn and teams formed.</summary>
    public static IReadOnlyList<TargetCategory> StratumOrder { get; } =
        [TargetCategory.Key, TargetCategory.Special, TargetCategory.General, TargetCategory.ConstructionProject, TargetCategory.IndustrialPark];

    /// <summary>The problem with <paramref name="seed"/>, or <see langword="null"/> when it is a valid drg-1 seed.</summary>
    public static DrawProblem? ValidateSeed(string? seed)
    {
        if (seed is null || seed.Length == 0)
        {
            return new(DrawProblemKind.SeedTooShort, $"The seed is missing; it must have at least {MinimumSeedLength} characters.");
        }

        if (!IsWellFormed(seed))
        {
            return new(DrawProblemKind.SeedNotUnicode, "The seed contains a lone surrogate and has no UTF-8 form.");
        }

        if (Rune.IsWhiteSpace(Rune.GetRuneAt(seed, 0)) || Rune.IsWhiteSpace(LastRune(seed)))
        {
            return new(DrawProblemKind.SeedSurroundingWhiteSpace, "The seed must not start or end with white space.");
        }

        var length = seed.EnumerateRunes().Count();
        return length < MinimumSeedLength
            ? new(DrawProblemKind.SeedTooShort, $"The seed has {length} characters; it must have at least {MinimumSeedLength}.")
            : null;
    }

    /// <summary>Every problem of <paramref name="input"/>; empty when the draw can be made.</summary>
    public static IReadOnlyList<DrawProblem> Validate(DrawInput input) => DrawInputValidator.Validate(input);

    /// <summary>Makes the draw.</summary>
    /// <exception cref="InvalidDrawInputException">When <see cref="Validate"/> finds problems.</exception>
    public static DrawResult Run(DrawInput input)
    {
        var problems = Validate(input);
        if (problems.Count > 0)
        {
            throw new InvalidDrawInputException(problems);
        }

        var drawn = TargetDraw.Select(input);
        var selections = new TeamDraw(input).FormTeams(drawn);
        return new DrawResult(TargetPoolDigest(input.TargetPool), InspectorPoolDigest(input.InspectorPool), selections);
    }

    /// <summary>A target's ticket, computed the plain way (for explanations and independent checks).</summary>
    public static string TargetTicket(string seed, string scope, TargetCategory stratum, string targetKey) =>
        HexSha256($"{seed}|{scope}/{stratum.ToStratumName()}|{targetKey}");

    /// <summary>An inspector's ticket for the team of <paramref name="targetKey"/>, computed the plain way.</summary>
    public static string InspectorTicket(string seed, string scope, string targetKey, string inspectorKey) =>
        HexSha256($"{seed}|{scope}/TEAM/{targetKey}|{inspectorKey}");

    /// <summary>
    /// Orders two tickets as the big-endian integers they spell. Tickets are always 64 lower-case hex digits,
    /// and in ASCII '0' &lt; … &lt; '9' &lt; 'a' &lt; … &lt; 'f', so for strings of equal length the first differing
    /// digit decides both the ordinal string order and the integer order: an ordinal compare is exact. (It would
    /// not be with mixed case — 'A' &lt; '9' is false but 'F' &lt; 'a' — or with unequal lengths.)
    /// </summary>
    public static int CompareTickets(string a, string b) => string.CompareOrdinal(a, b);

    /// <summary>SHA-256 over the ordinally sorted lines <c>"{STRATUM}|{targetKey}|{priorityGroup}\n"</c>.</summary>
    public static string TargetPoolDigest(IEnumerable<TargetPoolMember> pool) =>
        Digest(pool.Select(t => $"{t.Stratum.ToStratumName()}|{t.Key}|{t.PriorityGroup}\n"));

    /// <summary>SHA-256 over the ordinally sorted lines <c>"{OFFICER|ASSISTANT}|{inspectorKey}\n"</c>.</summary>
    public static string InspectorPoolDigest(IEnumerable<InspectorPoolMember> pool) =>
        Digest(pool.Select(i => $"{i.Role.ToRoleName()}|{i.Key}\n"));

    private static string Digest(IEnumerable<string> lines)
    {
        var sorted = lines.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return HexSha256(string.Concat(sorted));
    }

    private static string HexSha256(string text) => Convert.ToHexStringLower(SHA256.HashData(TicketHasher.Utf8(text)));

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static Rune LastRune(string text) =>
        text.Length >= 2 && char.IsSurrogatePair(text[^2], text[^1]) ? Rune.GetRuneAt(text, text.Length - 2) : new Rune(text[^1]);
}
