namespace DualRandomGraph.Api.Tests.Infrastructure;

/// <summary>
/// A test that needs PostgreSQL (several server processes over one database: SQLite is one file on one machine).
/// Skipped, saying so, when <c>DRG_TEST_POSTGRES</c> is not set; <c>tests/run.sh</c> always sets it.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.UsesPostgres)
        {
            Skip = $"Needs PostgreSQL: set {TestDatabase.PostgresVariable} (tests/run.sh does).";
        }
    }
}
