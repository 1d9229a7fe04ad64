using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Data;

/// <summary>
/// Locks that serialise writers across every server process on one database, held until the current transaction
/// ends. Check-then-write sequences take one first, so that what they check cannot change before they write.
/// On SQLite each is already held: a transaction begins IMMEDIATE, with the write lock of the whole file. On
/// PostgreSQL a transaction is READ COMMITTED, so each statement after the lock sees what other processes
/// committed before it was granted.
/// </summary>
internal static class DatabaseLocks
{
    // pg_advisory_* keys: one bigint namespace per database, so fixed, distinct values ("DRG" and a number).
    private const long AuditChainKey = 0x4452_4700_0001;
    private const long StartupKey = 0x4452_4700_0002;

    /// <summary>The audit chain's tail: one appender at a time reads the last entry and links the next to it.</summary>
    public static Task LockAuditChainAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        RequireTransaction(db);
        return db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChainKey})", cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>
    /// A plan's row (<see cref="Domain.Planning.SamplingPlan"/>): its draws and their commit change one at a time (a
    /// redraw superseding the proposed draw while another process commits it would otherwise leave a new proposal
    /// beside the committed draw).
    /// </summary>
    public static Task LockPlanAsync(AppDbContext db, int planId, CancellationToken cancellationToken)
    {
        RequireTransaction(db);
        return db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Plans\" WHERE \"Id\" = {planId} FOR UPDATE", cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>
    /// Runs start-up work (migrations, the demo data) in one process at a time, so that instances started together
    /// do not both find the database empty. A session lock on <paramref name="db"/>'s connection, which stays open.
    /// </summary>
    public static async Task<IAsyncDisposable> EnterStartupAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return NoLock.Instance;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({StartupKey})", cancellationToken);
        return new StartupLock(db);
    }

    private static void RequireTransaction(AppDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A database lock is held until the transaction ends; begin one first.");
        }
    }

    private sealed class StartupLock(AppDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({StartupKey})");
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
