using System.Globalization;
using DualRandomGraph.Api.Common;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Data.Generation;
using DualRandomGraph.Api.Draws;
using DualRandomGraph.Api.Security;
using DualRandomGraph.GraphQL.Http;
using GraphQL.Types;
using GraphQL.Utilities;

namespace DualRandomGraph.Api.Cli;

/// <summary>
/// The server's commands besides serving: <c>token</c> mints a development token, <c>schema export</c> prints the SDL,
/// <c>verify-draw</c> recomputes a draw's verification document, <c>generate</c> fills a database with generated data.
/// Run them as <c>dotnet run --project src/DualRandomGraph.Api -- COMMAND ...</c>.
/// </summary>
public static class CommandLine
{
    /// <summary>
    /// Runs a command that needs neither configuration nor services, before the host is built (so that anyone can
    /// verify a draw without a signing key or a database); null when <paramref name="args"/> names no such command.
    /// </summary>
    public static int? TryRunStandalone(string[] args) => args switch
    {
        ["verify-draw", var file] => VerifyDrawCommand.Run(file, Console.Out, Console.Error),
        ["verify-draw", ..] => Fail("verify-draw takes one FILE."),
        _ => null,
    };

    /// <summary>
    /// Settings a command changes before the services are registered: <c>generate --database PATH</c> writes to that
    /// SQLite file (relative to the repository root) instead of the configured one.
    /// </summary>
    public static void ApplySettings(WebApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (args is ["generate", .. var rest] && Values(rest, "--database").FirstOrDefault() is { } database)
        {
            builder.Configuration["ConnectionStrings:Sqlite"] = $"Data Source={FromRepositoryRoot(database)}";
        }
    }

    /// <summary>Runs the command named by <paramref name="args"/>, if any, and returns its exit code; null means "serve".</summary>
    public static async Task<int?> TryRunAsync(WebApplicationBuilder builder, string[] args)
    {
        switch (args)
        {
            case ["token", .. var rest]:
                return IssueToken(builder, rest);
            case ["schema", "export", .. var rest]:
                return await ExportSchemaAsync(builder, rest);
            case ["generate", .. var rest]:
                return await GenerateAsync(builder, rest);
            case ["help" or "--help" or "-h", ..]:
                Console.WriteLine(Usage);
                return 0;
            default:
                return null;
        }
    }

    private const string Usage = """
        Usage: dotnet run --project src/DualRandomGraph.Api -- [COMMAND]
          (no command)                      serve the API (http://localhost:5080/graphql)
          token --role ROLE [--role ROLE] [--subject NAME] [--hours N]
                                            print a development JWT (roles: admin, coordinator, inspector, auditor)
          schema export [--output FILE]     print the schema SDL (to FILE, relative to the repository root,
                                            e.g. schema/schema.graphql)
          verify-draw FILE                  recompute a draw's verification document (GET /draws/{id}/verification.json)
                                            with drg-1 and print what differs; exit 0 verified, 1 not verified, 2 bad file
          generate --targets N --inspectors M --years Y [--seed S] [--agencies A] [--until YYYYQn] [--database FILE]
                                            fill the database (the configured one, or the SQLite FILE relative to the
                                            repository root) with a generated registry and Y years of plans, draws,
                                            inspections and publications ending with quarter --until (default: the last
                                            quarter that has ended), plus the next quarter drawn with its tasks open;
                                            the same seed (default 1) and options give the same data; --years 0
                                            makes the registry alone
        An inspector's token sees the tasks of the teams of the inspector whose accountSubject is its --subject
        (demo data: the registry code, e.g. token --role inspector --subject DEMO-XJ-0001).
        """;

    private const int MaxHours = 24 * 366;

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        return 2;
    }

    private static int IssueToken(WebApplicationBuilder builder, string[] args)
    {
        var roles = Values(args, "--role");
        var unknown = roles.Except(Roles.All).ToList();
        if (roles.Count == 0 || unknown.Count > 0)
        {
            Console.Error.WriteLine(unknown.Count > 0 ? $"Unknown role(s): {string.Join(", ", unknown)}." : "Name at least one --role.");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var hoursText = Values(args, "--hours").FirstOrDefault() ?? "8";
        if (!double.TryParse(hoursText, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) || hours is not (> 0 and <= MaxHours))
        {
            Console.Error.WriteLine($"--hours takes a number of hours above 0 and at most {MaxHours} (a year), not '{hoursText}'.");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var options = builder.Configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        var subject = Values(args, "--subject").FirstOrDefault() ?? $"dev-{roles[0]}";
        Console.WriteLine(TokenIssuer.Issue(options, subject, roles, TimeSpan.FromHours(hours), DateTimeOffset.UtcNow));
        return 0;
    }

    private static async Task<int> ExportSchemaAsync(WebApplicationBuilder builder, string[] args)
    {
        await using var app = builder.Build();
        var sdl = GraphQLSchemaSdl.Print(app.Services.GetRequiredService<ISchema>());
        if (Values(args, "--output").FirstOrDefault() is { } output)
        {
            var path = FromRepositoryRoot(output);
            await File.WriteAllTextAsync(path, sdl);
            Console.WriteLine($"Wrote {path}");
        }
        else
        {
            Console.Write(sdl);
        }

        return 0;
    }

    private static async Task<int> GenerateAsync(WebApplicationBuilder builder, string[] args)
    {
        int? Number(string name) => Values(args, name).FirstOrDefault() is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1
            : null;

        var (targets, inspectors, years) = (Number("--targets"), Number("--inspectors"), Number("--years"));
        if (targets is null || inspectors is null || years is null)
        {
            return Fail("generate needs --targets, --inspectors and --years.");
        }

        var lastEnded = YearQuarter.Of(TimeProvider.System.Today()).Previous;
        var untilText = Values(args, "--until").FirstOrDefault();
        if (untilText is not null && !YearQuarter.TryParse(untilText, out lastEnded))
        {
            return Fail($"--until takes a quarter such as 2026Q3, not '{untilText}'.");
        }

        var options = new GenerationOptions(
            targets.Value, inspectors.Value, years.Value, Number("--seed") ?? 1, Number("--agencies") ?? GenerationOptions.DefaultAgencies(targets.Value), lastEnded);
        if (options.Problem() is { } problem)
        {
            return Fail(problem);
        }

        await using var app = builder.Build();
        await app.Services.InitializeDatabaseAsync();
        try
        {
            var report = await ActivatorUtilities.CreateInstance<DataGenerator>(app.Services).GenerateAsync(options, Console.Out, CancellationToken.None);
            var c = report.Counts;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"""
                generated in {report.Elapsed.TotalSeconds:F1} s (seed {options.Seed}), history {report.First}–{report.Last}, {report.Open} drawn with its tasks open:
                  {c.Agencies} agencies, {c.Targets:N0} targets, {c.Inspectors:N0} inspectors, {c.Recusals:N0} recusals, {c.RegistryChanges:N0} registry changes
                  {c.Plans:N0} plans, {c.Draws:N0} draws, {c.Selections:N0} selections, {c.Tasks:N0} tasks, {c.Records:N0} inspection records, {c.Publications:N0} publications
                """));
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>
    /// A relative path is taken from the repository root (the folder holding DualRandomGraph.sln), because
    /// <c>dotnet run --project</c> starts the program in the project's folder, not where the command was typed.
    /// </summary>
    private static string FromRepositoryRoot(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DualRandomGraph.sln")))
            {
                return Path.Combine(dir.FullName, path);
            }
        }

        return Path.GetFullPath(path);
    }

    private static List<string> Values(string[] args, string name)
        => [.. args.Select((arg, i) => (arg, i)).Where(p => p.arg == name && p.i + 1 < args.Length).Select(p => args[p.i + 1])];
}
