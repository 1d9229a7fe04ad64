namespace DualRandomGraph.Domain.Draws;

/// <summary>The outcome of a verification: whether the document matches its recomputation, and every difference in plain words.</summary>
public sealed record DrawVerification(bool Matches, IReadOnlyList<string> Differences);

/// <summary>
/// Recomputes a draw from a verification document's seed, pools, quotas and rules, and compares the result with
/// what the document records: pool digests, and every selection's stratum, target, rank, ticket and team.
/// </summary>
public static class DrawVerifier
{
    /// <summary>Verifies <paramref name="document"/>.</summary>
    public static DrawVerification Verify(DrawVerificationDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!string.Equals(document.Algorithm, Drg1.Algorithm, StringComparison.Ordinal))
        {
            return Fail($"algorithm is '{document.Algorithm}'; only {Drg1.Algorithm} can be recomputed");
        }

        var (input, problems) = document.ToDrawInput();
        if (input is null)
        {
            return new DrawVerification(false, problems.Select(p => "the document cannot be recomputed: " + p).ToList());
        }

        var expected = DrawVerificationDocument.Create(input, Drg1.Run(input));
        var differences = new List<string>();
        CompareDigest("targetPoolDigest", expected.TargetPoolDigest, document.TargetPoolDigest, differences);
        CompareDigest("inspectorPoolDigest", expected.InspectorPoolDigest, document.InspectorPoolDigest, differences);
        CompareSelections(expected.Selections, document.Selections, differences);
        return new DrawVerification(differences.Count == 0, differences);
    }

    private static DrawVerification Fail(string difference) => new(false, [difference]);

    private static void CompareDigest(string name, string expected, string actual, List<string> differences)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            differences.Add($"{name} differs: recomputed {expected}, document has {actual}");
        }
    }

    private static void CompareSelections(IReadOnlyList<VerificationSelection> expected, IReadOnlyList<VerificationSelection> actual, List<string> differences)
    {
        if (expected.Count != actual.Count)
        {
            differences.Add($"the draw has {expected.Count} selections, the document {actual.Count}");
        }

        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var number = i + 1;
            if (i >= actual.Count)
            {
                differences.Add($"selection {number} ({expected[i].Stratum}): {expected[i].TargetKey} is missing from the document");
                continue;
            }

            if (i >= expected.Count)
            {
                differences.Add($"selection {number} ({actual[i].Stratum}): {actual[i].TargetKey} is not in the recomputed draw");
                continue;
            }

            var e = expected[i];
            var a = actual[i];
            var label = $"selection {number} ({e.Stratum})";
            Compare(label, "stratum", e.Stratum, a.Stratum, differences);
            Compare(label, "targetKey", e.TargetKey, a.TargetKey, differences);
            if (e.Rank != a.Rank)
            {
                differences.Add($"{label}: rank differs: expected {e.Rank}, document has {a.Rank}");
            }

            Compare(label, "ticket", e.Ticket, a.Ticket, differences);
            CompareTeam(e.TargetKey, e.Team, a.Team, differences);
        }
    }

    private static void CompareTeam(string targetKey, IReadOnlyList<VerificationTeamMember> expected, IReadOnlyList<VerificationTeamMember> actual, List<string> differences)
    {
        var label = $"team of {targetKey}";
        if (expected.Count != actual.Count)
        {
            differences.Add($"{label}: expected {expected.Count} members, document has {actual.Count}");
        }

        for (var m = 0; m < Math.Max(expected.Count, actual.Count); m++)
        {
            var number = m + 1;
            if (m >= actual.Count)
            {
                differences.Add($"{label}: member {number} expected {expected[m].Key}, document has none");
            }
            else if (m >= expected.Count)
            {
                differences.Add($"{label}: member {number} expected none, document has {actual[m].Key}");
            }
            else if (!string.Equals(expected[m].Key, actual[m].Key, StringComparison.Ordinal))
            {
                differences.Add($"{label}: member {number} expected {expected[m].Key}, document has {actual[m].Key}");
            }
            else
            {
                var member = $"{label}: member {number} ({expected[m].Key})";
                Compare(member, "role", expected[m].Role, actual[m].Role, differences);
                Compare(member, "ticket", expected[m].Ticket, actual[m].Ticket, differences);
            }
        }
    }

    private static void Compare(string label, string field, string expected, string actual, List<string> differences)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            differences.Add($"{label}: {field} differs: expected {expected}, document has {actual}");
        }
    }
}
