using System.Diagnostics;

namespace DualRandomGraph.Tests.Shared;

/// <summary>
/// Runs the Node.js tools some tests drive (the graphql-http audit, the graphql-ws reference client). Linked into
/// each test project that needs it, so there is one copy.
/// </summary>
internal static class ExternalProcess
{
    /// <summary>The folder that holds DualRandomGraph.sln, found from the test assembly's location.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Installs the folder's locked npm packages when they are missing, as a fresh machine needs.</summary>
    public static async Task EnsureNpmPackagesAsync(string folder, TimeSpan timeout)
    {
        if (Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            return;
        }

        var install = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder, timeout);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed in {folder}:\n{install.Output}");
        }
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string[] arguments, string workingDirectory, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

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

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DualRandomGraph.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No DualRandomGraph.sln above {AppContext.BaseDirectory}.");
    }
}
