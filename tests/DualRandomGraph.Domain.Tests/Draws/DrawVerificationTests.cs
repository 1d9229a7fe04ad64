using System.Text.Json.Nodes;
using DualRandomGraph.Domain.Draws;

namespace DualRandomGraph.Domain.Tests.Draws;

public sealed class DrawVerificationTests
{
    private static DrawVerificationDocument Vector => DrawVerificationJson.Parse(DrawFixtures.VectorJson);

    [Fact]
    public void Vector_round_trips_byte_for_byte()
    {
        var text = DrawFixtures.VectorJson.TrimEnd('\n');
        Assert.Equal(text, DrawVerificationJson.Serialize(DrawVerificationJson.Parse(text)));
    }

    [Fact]
    public void Vector_verifies()
    {
        var (matches, differences) = DrawVerifier.Verify(Vector);
        Assert.Empty(differences);
        Assert.True(matches);
    }

    [Fact]
    public void A_draw_writes_the_vector_document()
    {
        var input = DrawFixtures.VectorInput();
        var document = DrawVerificationDocument.Create(input, Drg1.Run(input));
        Assert.Equal(DrawFixtures.VectorJson.TrimEnd('\n'), DrawVerificationJson.Serialize(document));
    }

    [Theory]
    [InlineData("/selections/1/ticket", "17ed46092ac629729a4ca3c507a5e51458aea68e322119b65ef875b546a175f0", "selection 2 (SPECIAL): ticket differs: expected 17ed46092ac629729a4ca3c507a5e51458aea68e322119b65ef875b546a175f1, document has 17ed46092ac629729a4ca3c507a5e51458aea68e322119b65ef875b546a175f0")]
    [InlineData("/selections/1/targetKey", "916528012022043787", "selection 2 (SPECIAL): targetKey differs: expected 91652801202204749X, document has 916528012022043787")]
    [InlineData("/selections/0/stratum", "SPECIAL", "selection 1 (KEY): stratum differs: expected KEY, document has SPECIAL")]
    [InlineData("/selections/2/rank", 2, "selection 3 (GENERAL): rank differs: expected 1, document has 2")]
    [InlineData("/selections/0/team/1/key", "XJHB02203", "team of 916528012022040019: member 2 expected XJHB02202, document has XJHB02203")]
    [InlineData("/selections/0/team/1/key", "XJHB02201", "team of 916528012022040019: member 2 expected XJHB02202, document has XJHB02201")]
    [InlineData("/selections/2/team/0/role", "ASSISTANT", "team of 916528012022077040: member 1 (XJHB02201): role differs: expected OFFICER, document has ASSISTANT")]
    [InlineData("/selections/2/team/1/ticket", "4f67ccbf9f3e8e48a6f8249ff8630f72dbcb91756ea601dead2296ca37f34d48", "team of 916528012022077040: member 2 (XJHB02202): ticket differs: expected 4f67ccbf9f3e8e48a6f8249ff8630f72dbcb91756ea601dead2296ca37f34d49, document has 4f67ccbf9f3e8e48a6f8249ff8630f72dbcb91756ea601dead2296ca37f34d48")]
    [InlineData("/targetPoolDigest", "c4901cdf02e3b860585a75170a2e9aa6282e2266323005dd9a345b36a0c5d62f", "targetPoolDigest differs: recomputed c4901cdf02e3b860585a75170a2e9aa6282e2266323005dd9a345b36a0c5d62e, document has c4901cdf02e3b860585a75170a2e9aa6282e2266323005dd9a345b36a0c5d62f")]
    [InlineData("/inspectorPoolDigest", "0eb7417e9567bca99f094678f910c9bcc4f5e67f997f9704e59789f6ddbe4e42", "inspectorPoolDigest differs: recomputed 9eb7417e9567bca99f094678f910c9bcc4f5e67f997f9704e59789f6ddbe4e42, document has 0eb7417e9567bca99f094678f910c9bcc4f5e67f997f9704e59789f6ddbe4e42")]
    public void Any_change_is_named(string path, object value, string expectedDifference)
    {
        var (matches, differences) = DrawVerifier.Verify(Edit(path, value));
        Assert.False(matches);
        Assert.Contains(expectedDifference, differences);
    }

    [Fact]
    public void A_missing_or_extra_team_member_or_selection_is_named()
    {
        var json = JsonNode.Parse(DrawFixtures.VectorJson)!;
        json["selections"]![0]!["team"]!.AsArray().RemoveAt(1);
        json["selections"]!.AsArray().RemoveAt(2);
        var (matches, differences) = DrawVerifier.Verify(DrawVerificationJson.Parse(json.ToJsonString()));
        Assert.False(matches);
        Assert.Contains("team of 916528012022040019: expected 2 members, document has 1", differences);
        Assert.Contains("team of 916528012022040019: member 2 expected XJHB02202, document has none", differences);
        Assert.Contains("the draw has 3 selections, the document 2", differences);
        Assert.Contains("selection 3 (GENERAL): 916528012022077040 is missing from the document", differences);
    }

    [Fact]
    public void A_changed_pool_changes_the_digest_and_the_draw()
    {
        // Removing the recusal puts XJHB02201 on the KEY team: the digest does not cover exclusions, the team does.
        var (_, differences) = DrawVerifier.Verify(Edit("/inspectorPool/0/excludedFor", new JsonArray()));
        Assert.Equal(["team of 916528012022040019: member 2 expected XJHB02201, document has XJHB02202"], differences);

        (_, differences) = DrawVerifier.Verify(Edit("/targetPool/3/priorityGroup", 0));
        Assert.Contains(differences, d => d.StartsWith("targetPoolDigest differs", StringComparison.Ordinal));
    }

    [Fact]
    public void Pool_order_in_the_document_does_not_matter()
    {
        var document = Vector;
        var reordered = document with
        {
            TargetPool = DrawFixtures.Shuffled(document.TargetPool, 3),
            InspectorPool = [.. document.InspectorPool.Reverse()],
        };
        Assert.True(DrawVerifier.Verify(reordered).Matches);
    }

    [Fact]
    public void A_one_character_change_of_seed_changes_the_result()
    {
        var document = Vector with { Seed = "6 2 8 3 1 8 5 3 0 7 1 7 9 5 8 7" };
        var (matches, differences) = DrawVerifier.Verify(document);
        Assert.False(matches);
        Assert.Contains(differences, d => d.StartsWith("selection 1 (KEY): ticket differs", StringComparison.Ordinal));
        Assert.DoesNotContain(differences, d => d.Contains("PoolDigest", StringComparison.Ordinal)); // the pools are the same
    }

    [Fact]
    public void A_document_that_cannot_be_recomputed_says_why()
    {
        Assert.Equal(
            ["algorithm is 'drg-2'; only drg-1 can be recomputed"],
            DrawVerifier.Verify(Vector with { Algorithm = "drg-2" }).Differences);

        var (matches, differences) = DrawVerifier.Verify(Vector with { Seed = "short" });
        Assert.False(matches);
        Assert.Contains("the document cannot be recomputed: The seed has 5 characters; it must have at least 20.", differences);

        differences = DrawVerifier.Verify(Edit("/targetPool/0/stratum", "VIP")).Differences;
        Assert.Contains("the document cannot be recomputed: target 916528012022040019: 'VIP' is not a stratum.", differences);
    }

    [Theory]
    [InlineData("""{ "algorithm": "drg-1" }""")]
    [InlineData("[]")]
    [InlineData("not json")]
    public void Malformed_documents_are_refused(string json) =>
        Assert.Throws<FormatException>(() => DrawVerificationJson.Parse(json));

    [Fact]
    public void A_missing_field_is_refused()
    {
        var json = JsonNode.Parse(DrawFixtures.VectorJson)!.AsObject();
        json.Remove("inspectorPoolDigest");
        var e = Assert.Throws<FormatException>(() => DrawVerificationJson.Parse(json.ToJsonString()));
        Assert.Contains("inspectorPoolDigest", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cap_is_written_and_read_back()
    {
        var input = DrawFixtures.VectorInput() with { Rules = new TeamRules(2, 0, 1) };
        var json = DrawVerificationJson.Serialize(DrawVerificationDocument.Create(input, Drg1.Run(input)));
        Assert.Contains("\"maxTasksPerInspector\": 1", json, StringComparison.Ordinal);
        var document = DrawVerificationJson.Parse(json);
        Assert.Equal(1, document.Rules.MaxTasksPerInspector);
        Assert.True(DrawVerifier.Verify(document).Matches);
        // Lifting the cap changes the teams, and the verifier says so.
        Assert.False(DrawVerifier.Verify(document with { Rules = document.Rules with { MaxTasksPerInspector = null } }).Matches);
    }

    [Fact]
    public void The_draw_is_deterministic()
    {
        var input = DrawFixtures.RandomInput(99, targets: 2_000, officers: 60, assistants: 20);
        var first = DrawVerificationJson.Serialize(DrawVerificationDocument.Create(input, Drg1.Run(input)));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(first, DrawVerificationJson.Serialize(DrawVerificationDocument.Create(input, Drg1.Run(input))));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_draws_keep_every_rule_and_verify(int seed)
    {
        var input = DrawFixtures.RandomInput(seed, targets: 300, officers: 15, assistants: 6);
        var result = Drg1.Run(input);

        // Quotas met, no target twice, ranks 1..k per stratum.
        foreach (var stratum in Drg1.StratumOrder)
        {
            var drawn = result.Selections.Where(s => s.Stratum == stratum).ToList();
            Assert.Equal(input.QuotaOf(stratum), drawn.Count);
            Assert.Equal(Enumerable.Range(1, drawn.Count), drawn.Select(s => s.Rank));
        }

        Assert.Equal(result.Selections.Count, result.Selections.Select(s => s.TargetKey).Distinct().Count());

        // Every team valid or reported unstaffed.
        var inspectors = input.InspectorPool.ToDictionary(i => i.Key);
        foreach (var selection in result.Selections)
        {
            Assert.Equal(selection.Team.Count, selection.Team.Select(m => m.Key).Distinct().Count());
            Assert.All(selection.Team, m => Assert.DoesNotContain(inspectors[m.Key].ExcludedFor, e => e.TargetKey == selection.TargetKey));
            Assert.All(selection.Team, m => Assert.Equal(inspectors[m.Key].Role, m.Role));
            var officers = selection.Team.Count(m => m.Role == InspectorRole.Officer);
            var assistants = selection.Team.Count(m => m.Role == InspectorRole.Assistant);
            Assert.True(officers <= input.Rules.OfficersPerTeam && assistants <= input.Rules.AssistantsPerTeam);
            Assert.Equal(officers == input.Rules.OfficersPerTeam && assistants == input.Rules.AssistantsPerTeam, selection.Staffed);
        }

        if (input.Rules.MaxTasksPerInspector is { } cap)
        {
            Assert.All(result.Selections.SelectMany(s => s.Team).CountBy(m => m.Key), c => Assert.True(c.Value <= cap));
        }

        // And the document of the draw verifies after a trip through JSON.
        var json = DrawVerificationJson.Serialize(DrawVerificationDocument.Create(input, result));
        Assert.True(DrawVerifier.Verify(DrawVerificationJson.Parse(json)).Matches);
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(100, 25)];

    private static DrawVerificationDocument Edit(string path, object value)
    {
        var json = JsonNode.Parse(DrawFixtures.VectorJson)!;
        var parts = path.Trim('/').Split('/');
        var node = json;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var index) ? node![index] : node![part];
        }

        var last = parts[^1];
        var newValue = value as JsonNode ?? JsonValue.Create(value);
        if (int.TryParse(last, out var i))
        {
            node![i] = newValue;
        }
        else
        {
            node![last] = newValue;
        }

        return DrawVerificationJson.Parse(json.ToJsonString());
    }
}
