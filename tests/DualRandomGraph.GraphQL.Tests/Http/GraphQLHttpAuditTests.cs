using System.Diagnostics;

namespace DualRandomGraph.GraphQL.Tests.Http;

/// <summary>
/// Runs the graphql-http conformance audit (tests/graphql-http-audit) against the endpoint on a real
/// Kestrel host, installing the audit's npm packages first on a machine that lacks them.
/// </summary>
public sealed class GraphQLHttpAuditTests
{
    // Two SHOULDs stay open by design: with Accept */* or no Accept at all we answer
    // application/graphql-response+json (DESIGN.md §4; allowed by the spec since the watershed),
    // where this version of the audit still expects application/json (47DE, 80D8).
    private const string ExpectedSummary = "graphql-http audit: MUST 13/13, SHOULD 21/23, MAY 25/25";

    [Fact]
    public async Task Endpoint_passes_every_MUST_of_the_graphql_http_audit()
    {
        var auditDirectory = Path.Combine(FindRepositoryRoot(), "tests", "graphql-http-audit");
        if (!Directory.Exists(Path.Combine(auditDirectory, "node_modules")))
        {
            var install = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], auditDirectory, TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, $"npm ci failed:\n{install.Output}");
        }

        await using var host = await GraphQLTestHost.StartAsync(kestrel: true);
        var url = new Uri(host.Client.BaseAddress!, "/graphql").ToString();

        var audit = await RunAsync("node", ["audit.mjs", url], auditDirectory, TimeSpan.FromMinutes(2));

        Assert.True(audit.ExitCode == 0, $"audit failed:\n{audit.Output}");
        Assert.True(audit.Output.Contains(ExpectedSummary, StringComparison.Ordinal), $"unexpected audit result:\n{audit.Output}");
        Assert.Contains("warn   47DE", audit.Output, StringComparison.Ordinal);
        Assert.Contains("warn   80D8", audit.Output, StringComparison.Ordinal);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DualRandomGraph.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"No DualRandomGraph.sln above {AppContext.BaseDirectory}.");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string[] arguments, string workingDirectory, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} ran longer than {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
