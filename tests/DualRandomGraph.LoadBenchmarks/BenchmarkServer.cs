using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Data.Generation;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DualRandomGraph.LoadBenchmarks;

/// <summary>
/// The API as Program.cs composes it (the same <c>AddXyz</c> extensions and middleware order), plus the ceiling's
/// minimal-API endpoint, which the product does not have; Kestrel on a real loopback port. Rate limiting is off by
/// configuration (<c>RateLimiting:Enabled=false</c>), not in code; the demo data is not loaded.
/// </summary>
internal sealed class BenchmarkServer : IAsyncDisposable
{
    private const string SigningKey = "load-benchmark-signing-key-0123456789-abcdefghij";

    private BenchmarkServer(WebApplication app, HttpClient http, JwtOptions jwt)
    {
        App = app;
        Http = http;
        Jwt = jwt;
    }

    public WebApplication App { get; }

    /// <summary>One client for every worker, as a load generator's connection pool would be.</summary>
    public HttpClient Http { get; }

    public JwtOptions Jwt { get; }

    public static async Task<BenchmarkServer> StartAsync(BenchmarkOptions options, string sqliteFile, GenerationOptions data)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={sqliteFile}",
            ["Database:Provider"] = options.Postgres is null ? "Sqlite" : "Postgres",
            ["ConnectionStrings:Postgres"] = options.Postgres,
            ["Database:LoadDemoData"] = "false",
            ["RateLimiting:Enabled"] = "false",
            ["Authentication:Jwt:SigningKey"] = SigningKey,
            // The nested query at page size 100 costs more than the default limit (25,000) allows; the figure is wanted anyway.
            ["GraphQL:Limits:MaxComplexity"] = "1000000",
            // drawPlan and commitDraw on a million targets run past the default 30 s; the figure is their time.
            ["GraphQL:Http:ExecutionTimeout"] = "00:30:00",
            // A keyed request's claim must outlive the longest execution (the options refuse to start otherwise).
            ["GraphQL:Idempotency:PendingTimeout"] = "01:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddApp();

        var app = builder.Build();
        await app.Services.InitializeDatabaseAsync();
        await GenerateIfEmptyAsync(app.Services, data);

        app.UseApp();
        CeilingEndpoint.Map(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 1024 })
        {
            BaseAddress = new Uri(address),
            Timeout = TimeSpan.FromMinutes(10),
        };
        var jwt = new JwtOptions { SigningKey = SigningKey };
        Console.WriteLine($"server: {address}, {(options.Postgres is null ? $"SQLite {sqliteFile}" : "PostgreSQL")}, rate limiting off by configuration");
        return new BenchmarkServer(app, http, jwt);
    }

    /// <summary>A bearer token for <paramref name="role"/> with the given subject.</summary>
    public string Token(string role, string subject) => TokenIssuer.Issue(Jwt, subject, [role], TimeSpan.FromHours(12), DateTimeOffset.UtcNow);

    /// <summary>Posts a GraphQL request and returns the parsed body; throws when the response has errors.</summary>
    public async Task<JsonObject> GraphQLAsync(string token, string query, object? variables = null)
    {
        using var request = GraphQLRequest(token, query, variables);
        using var response = await Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return body["errors"] is null && response.IsSuccessStatusCode
            ? body["data"]!.AsObject()
            : throw new InvalidOperationException($"{(int)response.StatusCode}: {body.ToJsonString()[..Math.Min(2000, body.ToJsonString().Length)]}");
    }

    public static HttpRequestMessage GraphQLRequest(string? token, string query, object? variables = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    /// <summary>The server's memory now: working set of the process (client included: one process) and the GC heap.</summary>
    public static (long WorkingSet, long GcHeap) Memory()
    {
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, GC.GetGCMemoryInfo().HeapSizeBytes);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static async Task GenerateIfEmptyAsync(IServiceProvider services, GenerationOptions data)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            if (await db.Agencies.AnyAsync(a => a.Code.StartsWith("XJ")))
            {
                return;
            }
        }

        Console.WriteLine($"generating {data.Targets:N0} targets, {data.Inspectors:N0} inspectors, {data.Years} years up to {data.Until} (once; the database is kept) …");
        var report = await ActivatorUtilities.CreateInstance<DataGenerator>(services).GenerateAsync(data, TextWriter.Null, CancellationToken.None);
        var c = report.Counts;
        Console.WriteLine($"generated in {report.Elapsed.TotalSeconds:F1} s: {c.Targets:N0} targets, {c.Draws:N0} draws, {c.Tasks:N0} tasks, {c.Records:N0} records, {c.Publications:N0} publications");
    }
}

/// <summary>The data each benchmark runs on, made by the generator on first use.</summary>
internal static class BenchmarkData
{
    /// <summary>
    /// 100,000 targets and 2,000 inspectors over 20 agencies, five years of history up to 2026 Q2, and 2026 Q3 drawn
    /// with its tasks open (for recordings); 2026 Q4 is left for the mixed load's draws.
    /// </summary>
    public static GenerationOptions Standard { get; } = new(100_000, 2_000, 5, 1, 20, new YearQuarter(2026, 2));

    /// <summary>One agency's registry of <paramref name="targets"/> targets and 2,000 inspectors, no history.</summary>
    public static GenerationOptions Registry(int targets) => new(targets, 2_000, 0, 1, 1, new YearQuarter(2026, 2));
}
