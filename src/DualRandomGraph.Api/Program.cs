using DualRandomGraph.Api;
using DualRandomGraph.Api.Cli;
using DualRandomGraph.Api.Data;

if (CommandLine.TryRunStandalone(args) is { } standaloneExitCode)
{
    return standaloneExitCode;
}

var builder = WebApplication.CreateBuilder(args);
CommandLine.ApplySettings(builder, args);
builder.AddApp();

if (await CommandLine.TryRunAsync(builder, args) is { } exitCode)
{
    return exitCode;
}

var app = builder.Build();
await app.Services.InitializeDatabaseAsync();
app.UseApp();

await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
