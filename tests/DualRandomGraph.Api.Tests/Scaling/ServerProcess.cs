using System.Net;
using System.Net.Sockets;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Tests.Shared;

namespace DualRandomGraph.Api.Tests.Scaling;

/// <summary>
/// The API as its own operating-system process, started with <c>dotnet</c> from the built server assembly, on a free
/// loopback port, over a given PostgreSQL database: what a second instance behind a load balancer is.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly RunningProcess _process;

    private ServerProcess(RunningProcess process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    public JwtOptions Jwt { get; } = new() { SigningKey = ApiFactory.SigningKey };

    /// <summary>Starts a server over <paramref name="database"/>; <see cref="WaitUntilReadyAsync"/> waits for it.</summary>
    public static ServerProcess Start(PostgresTestDatabase database)
    {
        var port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Database__Provider"] = database.Provider,
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["Authentication__Jwt__SigningKey"] = ApiFactory.SigningKey,
            ["RateLimiting__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var folder = ServerFolder();
        var process = ExternalProcess.Start(DotnetHost(), [Path.Combine(folder, "DualRandomGraph.Api.dll")], folder, environment);
        return new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Waits until the server answers a query (migrations applied, demo data loaded), or fails with its output.</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server at {Address} exited while starting:\n{_process.Output}");
            }

            try
            {
                using var response = await http.GetAsync("/graphql?query=%7B__typename%7D");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The server at {Address} did not answer within {StartTimeout}:\n{_process.Output}");
    }

    /// <summary>A client whose token's <c>sub</c> is <paramref name="subject"/>, with <paramref name="roles"/>.</summary>
    public GraphQLClient CreateGraphQLClientAs(string subject, params string[] roles)
    {
        var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", TokenIssuer.Issue(Jwt, subject, roles, TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
        return new GraphQLClient(http);
    }

    public string Output => _process.Output;

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    /// <summary>The built server beside this test assembly's configuration: src/DualRandomGraph.Api/bin/{configuration}/{framework}.</summary>
    private static string ServerFolder()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory);
        var folder = Path.Combine(ExternalProcess.RepositoryRoot, "src", "DualRandomGraph.Api", "bin", tests.Parent!.Name, tests.Name);
        return File.Exists(Path.Combine(folder, "DualRandomGraph.Api.dll"))
            ? folder
            : throw new InvalidOperationException($"The server is not built at {folder}; build the solution first.");
    }

    // The SDK names the dotnet it runs tests with; a plain "dotnet" from PATH otherwise.
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
