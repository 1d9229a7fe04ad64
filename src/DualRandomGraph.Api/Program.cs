using DualRandomGraph.Api.Cli;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;

if (CommandLine.TryRunStandalone(args) is { } standaloneExitCode)
{
    return standaloneExitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddAppDatabase();
builder.AddAppAuthentication();
builder.AddAppGraphQL();

if (await CommandLine.TryRunAsync(builder, args) is { } exitCode)
{
    return exitCode;
}

var app = builder.Build();
await app.Services.InitializeDatabaseAsync();

app.UseAuthentication();
app.UseAuthorization();
app.MapAppGraphQL();

await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
