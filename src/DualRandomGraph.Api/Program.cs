using DualRandomGraph.Api.Cli;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;

if (CommandLine.TryRunStandalone(args) is { } standaloneExitCode)
{
    return standaloneExitCode;
}

var builder = WebApplication.CreateBuilder(args);
CommandLine.ApplySettings(builder, args);
builder.AddAppDatabase();
builder.AddAppAuthentication();
builder.AddAppRateLimiting();
builder.AddPartnerCors();
builder.AddSecurityHeaders();
builder.AddAppGraphQL();

if (await CommandLine.TryRunAsync(builder, args) is { } exitCode)
{
    return exitCode;
}

var app = builder.Build();
await app.Services.InitializeDatabaseAsync();

// Order matters: headers on every response; CORS answers preflights before anything asks for a token; the rate
// limiter partitions by the authenticated subject; a rejected token is refused only once the limiter has counted it.
app.UseSecurityHeaders();
app.UseCors();
app.UseAuthentication();
app.UseRateLimiter();
app.UseInvalidTokenRejection();
app.UseAuthorization();
app.MapAppGraphQL();

await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
