using System.Diagnostics;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Draws;
using DualRandomGraph.Api.Tests.Infrastructure;

namespace DualRandomGraph.Api.Tests.Draws;

/// <summary>
/// <c>verify-draw FILE</c> on the committed test vector (<c>tests/data/drg-1-vector-1.json</c>) and on copies tampered
/// with: 0 when it verifies, 1 when it does not (naming what differs), 2 when the file is no document.
/// </summary>
public sealed class VerifyDrawCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("drg-verify-").FullName;

    private static string Vector => File.ReadAllText(RepositoryPaths.File("tests", "data", "drg-1-vector-1.json"));

    [Fact]
    public void The_committed_vector_verifies()
    {
        var (exitCode, output, error) = Run(Vector);

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Equal(
            "VERIFIED: the drg-1 draw of KETDZ-EPB/2022Q3 recomputes exactly: 11 targets and 6 inspectors in the pools, 3 selections, 6 team places.\n",
            output.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("seed", "selection 1 (KEY): ticket differs")]
    [InlineData("team", "team of 916528012022040019: member 1 expected")]
    [InlineData("pool", "targetPoolDigest differs")]
    [InlineData("exclusion", "team of 916528012022040019: member")]
    public void A_tampered_copy_does_not_verify_and_says_where(string tampering, string difference)
    {
        var document = JsonNode.Parse(Vector)!;
        switch (tampering)
        {
            case "seed":
                document["seed"] = (string)document["seed"]! + " 1";
                break;
            case "team":
                var team = document["selections"]![0]!["team"]!.AsArray();
                (team[0]!["key"], team[1]!["key"]) = ((string?)team[1]!["key"], (string?)team[0]!["key"]);
                break;
            case "pool":
                document["targetPool"]![0]!["priorityGroup"] = 1 - (int)document["targetPool"]![0]!["priorityGroup"]!;
                break;
            case "exclusion":
                // Recusing the first member of the key target's team changes that team.
                var selection = document["selections"]![0]!;
                var member = (string)selection["team"]![0]!["key"]!;
                var inspector = document["inspectorPool"]!.AsArray().Single(i => (string?)i!["key"] == member)!;
                inspector["excludedFor"]!.AsArray().Add(new JsonObject { ["targetKey"] = (string?)selection["targetKey"], ["rule"] = "RECUSAL" });
                break;
        }

        var (exitCode, output, _) = Run(document.ToJsonString());

        Assert.Equal(1, exitCode);
        Assert.StartsWith("NOT VERIFIED: the drg-1 draw of KETDZ-EPB/2022Q3 differs", output, StringComparison.Ordinal);
        Assert.Contains(difference, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{ "algorithm": "drg-1" }""")]
    [InlineData("null")]
    public void A_file_that_is_no_document_exits_2(string text)
    {
        var (exitCode, output, error) = Run(text);

        Assert.Equal((2, ""), (exitCode, output));
        Assert.StartsWith("verify-draw: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        using var error = new StringWriter();

        Assert.Equal(2, VerifyDrawCommand.Run(Path.Combine(_folder, "none.json"), TextWriter.Null, error));
        Assert.Contains("none.json", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_built_server_verifies_a_file_with_no_configuration_and_no_database()
    {
        // Run as a user would: the server's executable in an empty folder, Production environment, no signing key.
        var file = Write(Vector);
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DualRandomGraph.Api.dll"));
        startInfo.ArgumentList.Add("verify-draw");
        startInfo.ArgumentList.Add(file);
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);

        Assert.Equal(0, process.ExitCode);
        Assert.StartsWith("VERIFIED:", output, StringComparison.Ordinal);
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int ExitCode, string Output, string Error) Run(string text)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = VerifyDrawCommand.Run(Write(text), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private string Write(string text)
    {
        var file = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(file, text);
        return file;
    }
}
