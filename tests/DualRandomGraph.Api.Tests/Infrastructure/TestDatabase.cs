using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DualRandomGraph.Api.Tests.Infrastructure;

/// <summary>
/// The database one test server runs on: a SQLite file of its own, or, when <c>DRG_TEST_POSTGRES</c> holds a
/// connection string to a PostgreSQL server, a database of its own created there (and dropped at dispose). Tests that
/// reach round the application (tamper with rows, drop a guard) do it through here, so that they run on both.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    /// <summary>The environment variable with the PostgreSQL server's connection string (no database needed).</summary>
    public const string PostgresVariable = "DRG_TEST_POSTGRES";

    /// <summary>The PostgreSQL server the suite runs against, or null for SQLite.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    public static bool UsesPostgres => PostgresServer is not null;

    /// <summary>The provider's name as <c>Database:Provider</c> spells it.</summary>
    public abstract string Provider { get; }

    /// <summary>The settings that point a server at this database.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public static TestDatabase Create() => PostgresServer is { } server ? new PostgresTestDatabase(server) : new SqliteTestDatabase();

    /// <summary>A new open connection, not from the server's pool.</summary>
    public abstract Task<DbConnection> OpenAsync();

    /// <summary>Runs <paramref name="sql"/> (identifiers double-quoted, which both providers read alike) and returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs <paramref name="action"/> with the named triggers out of the way, as someone with full access to the database could, and restores them after.</summary>
    public abstract Task<T> WithoutTriggersAsync<T>(IReadOnlyList<string> triggers, Func<Task<T>> action);

    /// <summary>The text a trigger refused a change with, without the provider's wrapping.</summary>
    public abstract string Refusal(DbException exception);

    /// <summary>Whether <paramref name="exception"/> is a unique index refusing a row.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>Renames a table, so that what reads it fails.</summary>
    public Task RenameTableAsync(string table, string newName) => ExecuteAsync($"""ALTER TABLE "{table}" RENAME TO "{newName}" """);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}

public sealed class SqliteTestDatabase : TestDatabase
{
    public SqliteTestDatabase(string? path = null) => Path = path ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"drg-test-{Guid.NewGuid():N}.db");

    public string Path { get; }

    public override string Provider => "Sqlite";

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider,
        ["ConnectionStrings:Sqlite"] = $"Data Source={Path}",
    };

    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public override async Task<T> WithoutTriggersAsync<T>(IReadOnlyList<string> triggers, Func<Task<T>> action)
    {
        var definitions = new List<string>();
        foreach (var trigger in triggers)
        {
            definitions.Add(await ScalarAsync<string>($"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = '{trigger}'"));
            await ExecuteAsync($"DROP TRIGGER \"{trigger}\"");
        }

        try
        {
            return await action();
        }
        finally
        {
            foreach (var definition in definitions)
            {
                await ExecuteAsync(definition);
            }
        }
    }

    // "SQLite Error 19: 'A stored draw is never deleted.'."
    public override string Refusal(DbException exception)
        => exception.Message is var message && message.IndexOf('\'', StringComparison.Ordinal) is >= 0 and var start && message.LastIndexOf('\'') is var end && end > start
            ? message[(start + 1)..end]
            : message;

    public override bool IsUniqueViolation(DbException exception)
        => exception is SqliteException { SqliteExtendedErrorCode: 2067 /* SQLITE_CONSTRAINT_UNIQUE */ };

    protected override void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _server;

    public PostgresTestDatabase(string server)
    {
        _server = server;
        Name = $"drg_test_{Guid.NewGuid():N}";
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = Name }.ConnectionString;
        AdministerAsync($"""CREATE DATABASE "{Name}" """).GetAwaiter().GetResult();
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public override string Provider => "Postgres";

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider,
        ["ConnectionStrings:Postgres"] = ConnectionString,
    };

    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override async Task<T> WithoutTriggersAsync<T>(IReadOnlyList<string> triggers, Func<Task<T>> action)
    {
        var tables = new List<(string Table, string Trigger)>();
        foreach (var trigger in triggers)
        {
            var table = await ScalarAsync<string>($"SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = '{trigger}'");
            tables.Add((table, trigger));
            await ExecuteAsync($"""ALTER TABLE "{table}" DISABLE TRIGGER "{trigger}" """);
        }

        try
        {
            return await action();
        }
        finally
        {
            foreach (var (table, trigger) in tables)
            {
                await ExecuteAsync($"""ALTER TABLE "{table}" ENABLE TRIGGER "{trigger}" """);
            }
        }
    }

    public override string Refusal(DbException exception) => exception is PostgresException postgres ? postgres.MessageText : exception.Message;

    public override bool IsUniqueViolation(DbException exception) => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    protected override void Dispose(bool disposing)
    {
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        // FORCE ends connections a server still holds (a background query, an unreturned pooled connection).
        AdministerAsync($"""DROP DATABASE IF EXISTS "{Name}" WITH (FORCE)""").GetAwaiter().GetResult();
    }

    private async Task AdministerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
