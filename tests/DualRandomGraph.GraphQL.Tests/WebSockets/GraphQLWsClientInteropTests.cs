using System.Diagnostics;

namespace DualRandomGraph.GraphQL.Tests.WebSockets;

/// <summary>
/// Runs the reference graphql-transport-ws client, the npm package graphql-ws (tests/graphql-ws-client), against the
/// endpoint on a real Kestrel host, installing its npm packages first on a machine that lacks them.
/// </summary>
public sealed class GraphQLWsClientInteropTests
{
    [Fact]
    public async Task The_reference_graphql_ws_client_queries_mutates_and_subscribes()
    {
        var clientDirectory = Path.Combine(FindRepositoryRoot(), "tests", "graphql-ws-client");
        if (!Directory.Exists(Path.Combine(clientDirectory, "node_modules")))
        {
            var install = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], clientDirectory, TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, $"npm ci failed:\n{install.Output}");
        }

        await using var host = await WebSocketTestHost.StartAsync();
        var token = WebSocketTestHost.Token("interop-user", "staff");

        var run = await RunAsync("node", ["client.mjs", host.WebSocketUri.ToString(), token, "interop-user"], clientDirectory, TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 0, $"graphql-ws client failed:\n{run.Output}");
        Assert.Contains("graphql-ws client: 5/5 passed", run.Output, StringComparison.Ordinal);
        Assert.Empty(host.TransportProblems());
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
