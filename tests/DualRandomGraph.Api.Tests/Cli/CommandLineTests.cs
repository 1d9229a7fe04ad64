using DualRandomGraph.Api.Cli;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.GraphQL.Authorization;
using DualRandomGraph.GraphQL.Http;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace DualRandomGraph.Api.Tests.Cli;

/// <summary>These tests swap Console.Out and Console.Error, so they run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

[Collection(nameof(ConsoleCollection))]
public sealed class CommandLineTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData(Roles.Admin, "VALIDATION(title)")]
    [InlineData(Roles.Coordinator, AuthorizationErrorCodes.NotAuthorized)]
    [InlineData(Roles.Inspector, AuthorizationErrorCodes.NotAuthorized)]
    [InlineData(Roles.Auditor, AuthorizationErrorCodes.NotAuthorized)]
    public async Task Token_prints_a_JWT_the_server_accepts_for_that_role(string role, string createCheckItemOutcome)
    {
        var run = await RunAsync("token", "--role", role);
        var client = factory.CreateGraphQLClient();
        client.Http.DefaultRequestHeaders.Authorization = new("Bearer", run.Out.Trim());

        var read = await client.QueryAsync("{ targets { totalCount } }");
        var write = await client.PostAsync("""mutation { createCheckItem(input: { code: "CLI-1", title: "", categories: [KEY] }) { errors { ... on Error { code } ... on ValidationError { field } } } }""");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Equal(11, (int)read["targets"]!["totalCount"]!);
        Assert.Equal(createCheckItemOutcome, write.Errors is null ? write.Data!["createCheckItem"]!.ErrorSummary() : string.Join(", ", write.ErrorCodes));
    }

    [Fact]
    public async Task Token_takes_several_roles_a_subject_and_a_lifetime()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var run = await RunAsync("token", "--role", Roles.Coordinator, "--role", Roles.Auditor, "--subject", "王科长", "--hours", "1.5");

        var token = new JsonWebTokenHandler().ReadJsonWebToken(run.Out.Trim());
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("王科长", token.Subject);
        Assert.Equal([Roles.Coordinator, Roles.Auditor], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.Equal(factory.Jwt.Issuer, token.Issuer);
        Assert.Equal([factory.Jwt.Audience], token.Audiences);
        Assert.Equal(TimeSpan.FromHours(1.5), token.ValidTo - token.IssuedAt);
        Assert.InRange(token.IssuedAt, before.UtcDateTime, DateTime.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task The_subject_defaults_to_the_first_role()
    {
        var run = await RunAsync("token", "--role", Roles.Inspector);

        Assert.Equal("dev-inspector", new JsonWebTokenHandler().ReadJsonWebToken(run.Out.Trim()).Subject);
    }

    [Theory]
    [InlineData("Unknown role(s): boss.", "token", "--role", "boss")]
    [InlineData("Unknown role(s): Admin.", "token", "--role", "Admin")]
    [InlineData("Unknown role(s): boss.", "token", "--role", "admin", "--role", "boss")]
    [InlineData("Name at least one --role.", "token")]
    [InlineData("Name at least one --role.", "token", "--role")]
    public async Task Token_with_an_unknown_or_no_role_exits_2_and_prints_no_token(string message, params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("1e9")]
    public async Task Token_with_a_lifetime_that_is_not_a_positive_number_of_hours_exits_2(string hours)
    {
        var run = await RunAsync("token", "--role", Roles.Admin, "--hours", hours);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith($"--hours takes a number of hours above 0 and at most 8784 (a year), not '{hours}'.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_export_writes_exactly_the_printed_schema_to_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"drg-schema-{Guid.NewGuid():N}.graphql");
        try
        {
            var run = await RunAsync("schema", "export", "--output", path);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal($"Wrote {path}", run.Out.Trim());
            Assert.Equal(GraphQLSchemaSdl.Print(factory.Services.GetRequiredService<ISchema>()), await File.ReadAllTextAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Schema_export_without_a_file_prints_the_schema()
    {
        var run = await RunAsync("schema", "export");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(GraphQLSchemaSdl.Print(factory.Services.GetRequiredService<ISchema>()), run.Out);
    }

    [Fact]
    public async Task Help_prints_the_usage()
    {
        var run = await RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("token --role ROLE", run.Out, StringComparison.Ordinal);
        Assert.Contains("schema export [--output FILE]", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5999")]
    [InlineData("serve")]
    public async Task Anything_else_means_serve(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Null(run.ExitCode);
        Assert.Equal(("", ""), (run.Out, run.Error));
    }

    /// <summary>Runs the command with a builder made the way Program makes it, capturing what it prints.</summary>
    private async Task<CommandRun> RunAsync(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(factory.Database.Settings)
        {
            ["Authentication:Jwt:SigningKey"] = ApiFactory.SigningKey,
            ["Authentication:Jwt:Issuer"] = factory.Jwt.Issuer,
            ["Authentication:Jwt:Audience"] = factory.Jwt.Audience,
        });
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
            var exitCode = await CommandLine.TryRunAsync(builder, args);
            return new CommandRun(exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    private sealed record CommandRun(int? ExitCode, string Out, string Error);
}
