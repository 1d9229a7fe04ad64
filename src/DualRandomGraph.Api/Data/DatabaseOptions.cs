namespace DualRandomGraph.Api.Data;

/// <summary>Bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Apply pending migrations when the server starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Load the Korla demo data when the database has no agency yet.</summary>
    public bool LoadDemoData { get; set; } = true;

    /// <summary>Whether <see cref="Provider"/> names SQLite (any case).</summary>
    public bool IsSqlite => string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase);

    /// <summary>The section as configured, for registrations that depend on it before the container is built.</summary>
    public static DatabaseOptions From(IConfiguration configuration)
        => configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
}
