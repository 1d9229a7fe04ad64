using DualRandomGraph.Domain.Draws;

namespace DualRandomGraph.Api.Draws;

/// <summary>
/// <c>verify-draw FILE</c>: recomputes a downloaded verification document with drg-1 alone (no database, no
/// configuration) and prints what differs. Exit code 0 when the document verifies, 1 when it does not, 2 when the
/// file cannot be read as a document.
/// </summary>
public static class VerifyDrawCommand
{
    public static int Run(string path, TextWriter output, TextWriter error)
    {
        DrawVerificationDocument document;
        try
        {
            document = DrawVerificationJson.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            error.WriteLine($"verify-draw: {path}: {e.Message}");
            return 2;
        }

        var verification = DrawVerifier.Verify(document);
        var draw = $"{document.Algorithm} draw of {document.AgencyCode}/{document.Year}Q{document.Quarter}";
        if (verification.Matches)
        {
            output.WriteLine(
                $"VERIFIED: the {draw} recomputes exactly: {document.TargetPool.Count} targets and {document.InspectorPool.Count} inspectors in the pools, " +
                $"{document.Selections.Count} selections, {document.Selections.Sum(s => s.Team.Count)} team places.");
            return 0;
        }

        output.WriteLine($"NOT VERIFIED: the {draw} differs from its recomputation in {verification.Differences.Count} place(s):");
        foreach (var difference in verification.Differences)
        {
            output.WriteLine("  - " + difference);
        }

        return 1;
    }
}
