using System.Globalization;
using System.Numerics;
using DualRandomGraph.Domain.Draws;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Tests.Draws;

public sealed class Drg1Tests
{
    [Fact]
    public void Reproduces_vector_1()
    {
        var result = Drg1.Run(DrawFixtures.VectorInput());

        Assert.Equal("c4901cdf02e3b860585a75170a2e9aa6282e2266323005dd9a345b36a0c5d62e", result.TargetPoolDigest);
        Assert.Equal("9eb7417e9567bca99f094678f910c9bcc4f5e67f997f9704e59789f6ddbe4e42", result.InspectorPoolDigest);
        Assert.Equal("drg-1", result.Algorithm);
        Assert.Collection(
            result.Selections,
            key =>
            {
                Assert.Equal((TargetCategory.Key, "916528012022040019", 1), (key.Stratum, key.TargetKey, key.Rank));
                Assert.Equal("1d91a7848ce23d51e2e6d7087be01eed7b31d3cae0cec0675fba55a38070520d", key.Ticket);
                Assert.Equal(
                    [
                        new TeamMember("XJHB02205", InspectorRole.Officer, "747cff5ee2aebb4772401d258aa2cc11a3a902573f60b2c2822c18089c063fd8"),
                        new TeamMember("XJHB02202", InspectorRole.Officer, "ae538a55195a7edbd541bb42313bb3f23b2f116b6f55645c50b4efe001499b2c"),
                    ],
                    key.Team);
                Assert.True(key.Staffed);
                // XJHB02201 has the second smallest ticket for this target but is recused.
                var skipped = Assert.Single(key.Skipped);
                Assert.Equal(
                    new SkippedCandidate("XJHB02201", InspectorRole.Officer, "9d6064f68841b34a249015f5c3ff5da41cf596cb61f7cc179235b2aafa71fa63", SkipRules.Recusal),
                    skipped);
            },
            special =>
            {
                Assert.Equal((TargetCategory.Special, "91652801202204749X", 1), (special.Stratum, special.TargetKey, special.Rank));
                Assert.Equal("17ed46092ac629729a4ca3c507a5e51458aea68e322119b65ef875b546a175f1", special.Ticket);
                Assert.Equal(
                    [
                        new TeamMember("XJHB02203", InspectorRole.Officer, "00a6a17d9f133580ca042fa5815a2b3f7d0b6afd9f4816f7e54a4104a03623e9"),
                        new TeamMember("XJHB02205", InspectorRole.Officer, "11387300586e99eb12901ffdccee46723c9fc6c511c18367caddc21b0e4b89c1"),
                    ],
                    special.Team);
                Assert.Empty(special.Skipped);
            },
            general =>
            {
                Assert.Equal((TargetCategory.General, "916528012022077040", 1), (general.Stratum, general.TargetKey, general.Rank));
                Assert.Equal("36db3b0fdba3dabd4d451674b589860a65c2e7e9dfa3750138612bead55b4586", general.Ticket);
                Assert.Equal(
                    [
                        new TeamMember("XJHB02201", InspectorRole.Officer, "48462321c5a3e21abee890250d2c5cd67bfae9464a7bd955bd832718443f0a1b"),
                        new TeamMember("XJHB02202", InspectorRole.Officer, "4f67ccbf9f3e8e48a6f8249ff8630f72dbcb91756ea601dead2296ca37f34d49"),
                    ],
                    general.Team);
            });
    }

    [Fact]
    public void Plain_ticket_functions_match_the_vector()
    {
        const string seed = "6 2 8 3 1 8 5 3 0 7 1 7 9 5 8 6";
        Assert.Equal(
            "1d91a7848ce23d51e2e6d7087be01eed7b31d3cae0cec0675fba55a38070520d",
            Drg1.TargetTicket(seed, "KETDZ-EPB/2022Q3", TargetCategory.Key, "916528012022040019"));
        Assert.Equal(
            "9d6064f68841b34a249015f5c3ff5da41cf596cb61f7cc179235b2aafa71fa63",
            Drg1.InspectorTicket(seed, "KETDZ-EPB/2022Q3", "916528012022040019", "XJHB02201"));
    }

    [Theory]
    [InlineData(null, DrawProblemKind.SeedTooShort)]
    [InlineData("", DrawProblemKind.SeedTooShort)]
    [InlineData("1234567890123456789", DrawProblemKind.SeedTooShort)] // 19
    [InlineData(" 12345678901234567890", DrawProblemKind.SeedSurroundingWhiteSpace)]
    [InlineData("12345678901234567890\n", DrawProblemKind.SeedSurroundingWhiteSpace)]
    [InlineData("12345678901234567890\u3000", DrawProblemKind.SeedSurroundingWhiteSpace)] // ideographic space
    [InlineData("\t", DrawProblemKind.SeedSurroundingWhiteSpace)]
    [InlineData("一二三四五六七八九十一二三四五六七八九", DrawProblemKind.SeedTooShort)] // 19 characters
    public void Invalid_seeds(string? seed, DrawProblemKind expected) =>
        Assert.Equal(expected, Drg1.ValidateSeed(seed)?.Kind);

    [Theory]
    [InlineData("12345678901234567890")] // exactly 20
    [InlineData("6 2 8 3 1 8 5 3 0 7 1 7 9 5 8 6")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十")] // 20 characters, 60 UTF-8 bytes
    [InlineData("🎲🎲🎲🎲🎲🎲🎲🎲🎲🎲🎲🎲🎲🎲🎲🎲🎲🎲🎲🎲")] // 20 characters, 40 UTF-16 code units
    [InlineData("dice: 3 5 1   6 2 4 (inner blanks are fine)")]
    public void Valid_seeds(string seed) => Assert.Null(Drg1.ValidateSeed(seed));

    [Fact]
    public void A_lone_surrogate_has_no_utf8_form()
    {
        // Built in code: test-case data would be re-encoded and the lone surrogate replaced.
        Assert.Equal(DrawProblemKind.SeedNotUnicode, Drg1.ValidateSeed("1234567890123456789" + '\ud800')!.Kind);
        Assert.Equal(DrawProblemKind.SeedNotUnicode, Drg1.ValidateSeed('\udc00' + "2345678901234567890123")!.Kind);
    }

    [Fact]
    public void Ten_emoji_are_not_twenty_characters() =>
        Assert.Equal(DrawProblemKind.SeedTooShort, Drg1.ValidateSeed("🎲🎲🎲🎲🎲🎲🎲🎲🎲🎲")!.Kind);

    [Fact]
    public void Ordinal_ticket_comparison_is_integer_comparison()
    {
        var random = new Random(7);
        var bytes = new byte[32];
        var tickets = Enumerable.Range(0, 500).Select(i =>
        {
            random.NextBytes(bytes);
            if (i % 5 == 0)
            {
                bytes[0] = 0; // leading zero digits must not confuse the order
            }

            return Convert.ToHexStringLower(bytes);
        }).ToList();

        for (var i = 1; i < tickets.Count; i++)
        {
            var a = BigInteger.Parse("0" + tickets[i - 1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var b = BigInteger.Parse("0" + tickets[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            Assert.Equal(a.CompareTo(b), Math.Sign(Drg1.CompareTickets(tickets[i - 1], tickets[i])));
        }
    }

    [Fact]
    public void Priority_group_1_is_drawn_only_after_group_0()
    {
        var input = DrawFixtures.VectorInput() with
        {
            Quotas = new Dictionary<TargetCategory, int> { [TargetCategory.General] = 7 },
        };
        var general = Drg1.Run(input).Selections;

        // Five general targets are in group 0: they come first, in ticket order, then two of group 1.
        Assert.Equal(
            ["916528012022077040", "91652801202206592G", "916528012022069637", "91652801202205485U", "91652801202205856J", "91652801202206226L", "916528012022073339"],
            general.Select(s => s.TargetKey));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], general.Select(s => s.Rank));
    }

    [Fact]
    public void A_larger_quota_extends_the_same_order()
    {
        var input = DrawFixtures.RandomInput(11, targets: 300);
        var small = Drg1.Run(input with { Quotas = new Dictionary<TargetCategory, int> { [TargetCategory.General] = 3 } });
        var large = Drg1.Run(input with { Quotas = new Dictionary<TargetCategory, int> { [TargetCategory.General] = 20 } });
        Assert.Equal(small.Selections.Select(s => s.TargetKey), large.Selections.Take(3).Select(s => s.TargetKey));
    }

    [Fact]
    public void Pool_order_does_not_matter()
    {
        var input = DrawFixtures.RandomInput(5);
        var shuffled = input with
        {
            TargetPool = DrawFixtures.Shuffled(input.TargetPool, 1),
            InspectorPool = DrawFixtures.Shuffled(input.InspectorPool, 2),
        };
        Assert.Equivalent(Drg1.Run(input), Drg1.Run(shuffled), strict: true);
    }

    [Fact]
    public void Ranks_count_per_stratum()
    {
        var input = DrawFixtures.VectorInput() with
        {
            Quotas = new Dictionary<TargetCategory, int> { [TargetCategory.Special] = 2, [TargetCategory.General] = 3, [TargetCategory.Key] = 1 },
        };
        var selections = Drg1.Run(input).Selections;
        Assert.Equal(["KEY", "SPECIAL", "SPECIAL", "GENERAL", "GENERAL", "GENERAL"], selections.Select(s => s.Stratum.ToStratumName()));
        Assert.Equal([1, 1, 2, 1, 2, 3], selections.Select(s => s.Rank));
    }

    [Fact]
    public void Max_tasks_skips_and_reports()
    {
        // Six officers, three teams of two, at most one team each: every officer is used once.
        var input = DrawFixtures.VectorInput() with { Rules = new TeamRules(2, 0, 1) };
        var selections = Drg1.Run(input).Selections;
        Assert.All(selections, s => Assert.True(s.Staffed));
        Assert.Equal(6, selections.SelectMany(s => s.Team).Select(m => m.Key).Distinct().Count());
        // XJHB02205 was on the KEY team, so the SPECIAL team skips it for MAX_TASKS.
        Assert.Contains(selections[1].Skipped, c => c is { Key: "XJHB02205", Rule: SkipRules.MaxTasks });
    }

    [Fact]
    public void A_team_the_pool_cannot_fill_is_reported_unstaffed()
    {
        var input = DrawFixtures.VectorInput() with { Rules = new TeamRules(2, 0, 1) };
        input = input with { InspectorPool = input.InspectorPool.Take(5).ToList() };
        var selections = Drg1.Run(input).Selections;
        Assert.True(selections[0].Staffed);
        Assert.True(selections[1].Staffed);
        Assert.False(selections[2].Staffed);
        Assert.Single(selections[2].Team);
    }

    [Fact]
    public void Assistants_come_after_officers()
    {
        var input = DrawFixtures.VectorInput();
        input = input with
        {
            Rules = new TeamRules(2, 1),
            InspectorPool = [.. input.InspectorPool, new InspectorPoolMember("FZ-001", InspectorRole.Assistant), new InspectorPoolMember("FZ-002", InspectorRole.Assistant)],
        };
        var result = Drg1.Run(input);
        Assert.All(result.Selections, s => Assert.Equal([InspectorRole.Officer, InspectorRole.Officer, InspectorRole.Assistant], s.Team.Select(m => m.Role)));

        // The officers are those of the vector: adding assistants changes no officer's ticket.
        var vector = Drg1.Run(DrawFixtures.VectorInput());
        Assert.Equal(vector.Selections.Select(s => s.Team.Select(m => m.Key)), result.Selections.Select(s => s.Team.Take(2).Select(m => m.Key)));

        var first = result.Selections[0];
        var assistantTickets = new[] { "FZ-001", "FZ-002" }.ToDictionary(k => k, k => Drg1.InspectorTicket(input.Seed, input.Scope, first.TargetKey, k));
        Assert.Equal(assistantTickets.MinBy(t => t.Value, StringComparer.Ordinal).Key, first.Team[2].Key);
    }

    [Fact]
    public void Rotation_exclusion_is_reported_by_its_rule()
    {
        var input = DrawFixtures.VectorInput();
        // XJHB02203 has the smallest ticket for the SPECIAL target; exclude it by rotation.
        input = input with
        {
            InspectorPool = input.InspectorPool
                .Select(i => i.Key == "XJHB02203" ? i with { ExcludedFor = [new Exclusion("91652801202204749X", SkipRules.Rotation)] } : i)
                .ToList(),
        };
        var special = Drg1.Run(input).Selections[1];
        Assert.Equal(["XJHB02205", "XJHB02204"], special.Team.Select(m => m.Key));
        Assert.Equal(SkipRules.Rotation, Assert.Single(special.Skipped).Rule);
    }

    [Fact]
    public void The_seed_changes_everything()
    {
        var input = DrawFixtures.VectorInput();
        var other = Drg1.Run(input with { Seed = input.Seed[..^1] + "7" });
        var vector = Drg1.Run(input);
        Assert.Equal(vector.TargetPoolDigest, other.TargetPoolDigest);
        Assert.All(vector.Selections.Zip(other.Selections), pair => Assert.NotEqual(pair.First.Ticket, pair.Second.Ticket));
    }

    [Fact]
    public void Strata_with_no_quota_give_nothing()
    {
        var input = DrawFixtures.VectorInput() with { Quotas = new Dictionary<TargetCategory, int>() };
        Assert.Empty(Drg1.Run(input).Selections);
    }

    [Theory]
    [MemberData(nameof(RandomSeeds))]
    public void Agrees_with_a_literal_reading_of_the_specification(int seed)
    {
        var input = DrawFixtures.RandomInput(seed);
        var expected = NaiveDrg1.Run(input);
        var actual = Drg1.Run(input).Selections;

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (stratum, key, rank, ticket, team, staffed, skipped) = expected[i];
            Assert.Equal(stratum, actual[i].Stratum.ToStratumName());
            Assert.Equal(key, actual[i].TargetKey);
            Assert.Equal(rank, actual[i].Rank);
            Assert.Equal(ticket, actual[i].Ticket);
            Assert.Equal(team, actual[i].Team.Select(m => (m.Key, m.Role.ToRoleName(), m.Ticket)));
            Assert.Equal(staffed, actual[i].Staffed);
            Assert.Equal(skipped, actual[i].Skipped.Select(c => (c.Key, c.Rule)));
        }
    }

    public static TheoryData<int> RandomSeeds() => [.. Enumerable.Range(1, 40)];

    [Fact]
    public void Invalid_input_is_refused_with_every_problem()
    {
        var input = DrawFixtures.VectorInput();
        var bad = input with
        {
            Seed = "too short",
            Quarter = 5,
            Quotas = new Dictionary<TargetCategory, int> { [TargetCategory.Key] = 3, [TargetCategory.Special] = -1 },
            Rules = new TeamRules(-1, 0, 0),
            TargetPool =
            [
                .. input.TargetPool,
                input.TargetPool[0],
                new TargetPoolMember("91652801202204749x", TargetCategory.General, 0),
                new TargetPoolMember(" 916528012022040027", TargetCategory.General, 0),
                new TargetPoolMember("916528012022040035", TargetCategory.Special, 1),
                new TargetPoolMember("916528012022040043", TargetCategory.General, 2),
            ],
            InspectorPool = [.. input.InspectorPool, input.InspectorPool[1], new InspectorPoolMember("A|B", InspectorRole.Officer)],
        };

        var problems = Drg1.Validate(bad).Select(p => p.Kind).ToList();
        Assert.Contains(DrawProblemKind.SeedTooShort, problems);
        Assert.Contains(DrawProblemKind.InvalidPeriod, problems);
        Assert.Contains(DrawProblemKind.InvalidRules, problems);
        Assert.Equal(2, problems.Count(p => p == DrawProblemKind.InvalidQuota)); // KEY 3 > 2 (the duplicate counts), SPECIAL −1
        Assert.Equal(2, problems.Count(p => p == DrawProblemKind.DuplicateKey));
        Assert.Equal(3, problems.Count(p => p == DrawProblemKind.InvalidKey));
        Assert.Equal(2, problems.Count(p => p == DrawProblemKind.InvalidPriorityGroup));

        var e = Assert.Throws<InvalidDrawInputException>(() => Drg1.Run(bad));
        Assert.Equal(Drg1.Validate(bad), e.Problems);
        Assert.Empty(Drg1.Validate(input));
    }
}
