using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace DualRandomGraph.Benchmarks;

/// <summary>The API's services over a SQLite file, without HTTP: what the in-process benchmarks execute against.</summary>
internal static class BenchmarkHost
{
    public static WebApplication Build(string databasePath)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark" });
        builder.Configuration["ConnectionStrings:Sqlite"] = $"Data Source={databasePath}";
        builder.Configuration["Authentication:Jwt:SigningKey"] = "benchmark-signing-key-0123456789-abcdefghij";
        builder.Logging.ClearProviders();
        builder.AddAppDatabase();
        builder.AddAppAuthentication();
        builder.AddAppGraphQL();
        return builder.Build();
    }
}
