using System.Diagnostics;

namespace DualRandomGraph.Tests.Shared;

/// <summary>
/// Runs the external programs some tests drive (the graphql-http audit, the graphql-ws reference client, the API
/// server itself as a separate process). Linked into each test project that needs it, so there is one copy.
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

    /// <summary>
    /// Starts a program that keeps running (a server) with extra environment variables; disposing the handle ends it
    /// and its children. What it prints is kept, for the message of a failing test.
    /// </summary>
    public static RunningProcess Start(string fileName, string[] arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
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

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        return new RunningProcess(Process.Start(startInfo) ?? throw new InvalidOperationException($"{fileName} did not start."));
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

/// <summary>A process started by <see cref="ExternalProcess.Start"/>; disposing it kills it if it still runs.</summary>
internal sealed class RunningProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();
    private readonly Lock _gate = new();

    public RunningProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything printed so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _output.AppendLine(line);
            }
        }
    }
}
