using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Data.Cost;
using DualRandomGraph.GraphQL.Tests.Data.TestModel;
using DualRandomGraph.Tests.Shared;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Tests.Data;

/// <summary>
/// A seeded SQLite database file (one per test class, deleted afterwards), the test schema, and a recorder
/// of the SQL statements each query ran.
/// </summary>
public sealed class DataFixture : IDisposable
{
    // Readable Chinese in snapshots instead of \u escapes.
    private static readonly GraphQLSerializer Serializer = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"drg-data-{Guid.NewGuid():N}.db");

    // EF Core's compiled-query cache, this fixture's own so that other test classes do not count in it.
    private readonly MemoryCache _queryCache = new(new MemoryCacheOptions());

    public DataFixture()
        : this(null)
    {
    }

    /// <param name="settings">Configuration entries, e.g. <c>GraphQL:Limits:MaxDepth</c>.</param>
    /// <param name="splitQueries">Makes split queries EF Core's default, as a host might.</param>
    /// <param name="restrictNestedCollections"><see cref="DataModel.RestrictNestedCollectionsToPage"/>, which SQLite hosts turn on.</param>
    internal DataFixture(IReadOnlyDictionary<string, string?>? settings, bool splitQueries = false, bool restrictNestedCollections = true)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
        services.AddPooledDbContextFactory<TestDbContext>(options => options
            .UseSqlite($"Data Source={_path}", sqlite => sqlite.UseQuerySplittingBehavior(splitQueries ? QuerySplittingBehavior.SplitQuery : QuerySplittingBehavior.SingleQuery))
            .UseMemoryCache(_queryCache)
            // Each fixture has its own query cache, hence its own EF Core service provider; tests make more than 20.
            .ConfigureWarnings(warnings => warnings.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning))
            .AddInterceptors(Sql));
        services.AddResolverDbContexts();
        services.AddDataMiddleware(model => model
            .RestrictNestedCollectionsToPage(restrictNestedCollections)
            .Entity<Company>(company => company.NotFilterable(x => x.AuditRegionId))
            .Entity<Region>(region => region.GlobalId("Region", fieldName: "globalId")));
        services.AddGraphQL(builder => builder
            .AddSchema<TestSchema>()
            .AddSystemTextJson()
            .AddDataCostLimits()
            .AddGraphTypes(typeof(TestSchema).Assembly)
            .AddClrTypeMappings(typeof(TestSchema).Assembly));
        Services = services.BuildServiceProvider();

        using var db = CreateDbContext();
        db.Database.EnsureCreated();
        SeedData.Fill(db);
    }

    public ServiceProvider Services { get; }

    public SqlRecorder Sql { get; } = new();

    public ISchema Schema => Services.GetRequiredService<ISchema>();

    public TestDbContext CreateDbContext() => Services.GetRequiredService<IDbContextFactory<TestDbContext>>().CreateDbContext();

    /// <summary>Executes a query and returns the serialized result; <see cref="Sql"/> then holds its statements.</summary>
    public async Task<string> ExecuteAsync(string query, string? variablesJson = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ISchema>>();
        Sql.Clear();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Variables = variablesJson == null ? null : Serializer.Deserialize<Inputs>(variablesJson),
            RequestServices = scope.ServiceProvider,
            ThrowOnUnhandledException = true,
        });
        return Serializer.Serialize(result);
    }

    /// <summary>The statements and the result in one text, for a snapshot that is reviewed as a whole.</summary>
    public async Task<string> ExecuteWithSqlAsync(string query, string? variablesJson = null)
    {
        var result = await ExecuteAsync(query, variablesJson);
        var text = new StringBuilder();
        foreach (var statement in Sql.Statements)
        {
            text.AppendLine("-- SQL").AppendLine(statement);
        }

        return text.AppendLine("-- RESULT").Append(result).ToString();
    }

    /// <summary>How many entries EF Core's compiled-query cache holds.</summary>
    public int CompiledQueryCacheSize() => _queryCache.Count;

    /// <summary>Executes a query and parses the result for assertions.</summary>
    public async Task<JsonElement> QueryAsync(string query, string? variablesJson = null)
        => JsonDocument.Parse(await ExecuteAsync(query, variablesJson)).RootElement.Clone();

    public void Dispose()
    {
        Services.Dispose();
        _queryCache.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
