using DualRandomGraph.GraphQL.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.Api.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers a pooled <see cref="IDbContextFactory{AppDbContext}"/> for the configured provider. Every resolver
    /// and mutation takes its own context from the pool; nothing shares one.
    /// </summary>
    public static IHostApplicationBuilder AddAppDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        var options = DatabaseOptions.From(builder.Configuration);

        switch (options.Provider.ToUpperInvariant())
        {
            case "SQLITE":
                var connectionString = SqliteConnectionString(builder);
                builder.Services.AddPooledDbContextFactory<SqliteAppDbContext>(o => o.UseSqlite(connectionString));
                builder.Services.AddSingleton<IDbContextFactory<AppDbContext>>(
                    sp => new UpcastDbContextFactory<SqliteAppDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteAppDbContext>>()));
                break;
            case "POSTGRES" or "POSTGRESQL":
                var postgres = builder.Configuration.GetConnectionString("Postgres")
                    ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
                builder.Services.AddPooledDbContextFactory<PostgresAppDbContext>(o => o.UseNpgsql(postgres));
                builder.Services.AddSingleton<IDbContextFactory<AppDbContext>>(
                    sp => new UpcastDbContextFactory<PostgresAppDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresAppDbContext>>()));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported; use 'Sqlite' or 'Postgres'.");
        }

        builder.Services.AddResolverDbContexts();
        return builder;
    }

    /// <summary>
    /// Applies migrations and, on an empty database, loads the demo data, as configured; one server process at a time,
    /// so instances started together over one PostgreSQL database load the demo data once.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        await using var startup = await DatabaseLocks.EnterStartupAsync(db, cancellationToken);
        if (options.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (options.LoadDemoData && await DemoData.LoadIfEmptyAsync(db, cancellationToken))
        {
            await DemoPublication.LoadAsync(services, cancellationToken);
        }
    }

    private static string SqliteConnectionString(IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString("Sqlite") ?? "Data Source=data/dualrandomgraph.db";
        var connection = new SqliteConnectionStringBuilder(configured);
        if (connection.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        // Foreign keys are enforced by SQLite only when asked; a pooled connection keeps the pragma.
        connection.ForeignKeys = true;
        return connection.ToString();
    }

    private sealed class UpcastDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
        where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
            => await inner.CreateDbContextAsync(cancellationToken);
    }
}
