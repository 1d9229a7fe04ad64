using DualRandomGraph.Api.Cli;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Cli;
using DualRandomGraph.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace DualRandomGraph.Api.Tests.Generation;

/// <summary><c>-- generate</c> as typed: its options, its report, and <c>--database</c> choosing the file written.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _configured = Path.Combine(Path.GetTempPath(), $"drg-generate-configured-{Guid.NewGuid():N}.db");
    private readonly string _chosen = Path.Combine(Path.GetTempPath(), $"drg-generate-chosen-{Guid.NewGuid():N}.db");

    [Theory]
    [InlineData("generate needs --targets, --inspectors and --years.", "--targets", "100", "--years", "1")]
    [InlineData("Give each agency at least 10 targets.", "--targets", "15", "--inspectors", "20", "--years", "1", "--agencies", "2")]
    [InlineData("--years takes 0 (the registry alone) to 10.", "--targets", "100", "--inspectors", "20", "--years", "11")]
    [InlineData("--until takes a quarter such as 2026Q3, not '2026Q5'.", "--targets", "100", "--inspectors", "20", "--years", "1", "--until", "2026Q5")]
    public async Task Refuses_options_it_cannot_honour(string message, params string[] options)
    {
        var run = await RunAsync(["generate", .. options]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_configured));
    }

    [Fact]
    public async Task Writes_the_database_named_by_database_and_prints_what_it_made()
    {
        var run = await RunAsync(["generate", "--targets", "60", "--inspectors", "8", "--years", "0", "--seed", "3", "--database", _chosen, "--Database:LoadDemoData=false"]);

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Contains("1 agencies, 60 targets, 8 inspectors", run.Out, StringComparison.Ordinal);
        Assert.Contains("0 plans, 0 draws", run.Out, StringComparison.Ordinal);
        Assert.Equal(60L, Scalar(_chosen, "SELECT COUNT(*) FROM Targets"));
        Assert.Equal(0L, Scalar(_chosen, "SELECT COUNT(*) FROM Targets WHERE length(CreditCode) <> 18"));
        Assert.False(File.Exists(_configured));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _configured, _chosen })
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    private static long Scalar(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private async Task<(int? ExitCode, string Out, string Error)> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={_configured}",
            ["Authentication:Jwt:SigningKey"] = ApiFactory.SigningKey,
        });
        CommandLine.ApplySettings(builder, args);
        builder.AddAppDatabase();
        builder.AddAppAuthentication();
        builder.AddAppGraphQL();

        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (await CommandLine.TryRunAsync(builder, args), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
