using System.Security.Claims;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Domain.Audit;
using DualRandomGraph.GraphQL.Auditing;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Audit;

/// <summary>
/// Appends mutations' audit records to the hash-chained log. The chain never forks, however many server processes
/// append: the last entry is read and the next inserted in one transaction that first takes the database's audit
/// chain lock (<see cref="DatabaseLocks.LockAuditChainAsync"/>), with a unique index on
/// <see cref="AuditEntry.Sequence"/> as the backstop. The semaphore only keeps this process's own appenders from
/// contending for that lock: SQLite answers a writer that finds the file locked with sleeps of 150 ms.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<AppDbContext> contexts, TimeProvider clock) : IAuditSink, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (actor, roles) = Describe(record.User);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await DatabaseLocks.LockAuditChainAsync(db, cancellationToken);
            var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
            db.AuditEntries.Add(AuditChain.Append(last, clock.GetUtcNow().UtcDateTime, actor, roles,
                record.Operation, record.OperationName, record.InputDigest, record.Outcome));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Reads the whole log in order and finds the first broken link.</summary>
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        return new AuditVerification(AuditChain.FindFirstBrokenLink(entries), entries.Count);
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>The token's <c>sub</c> and its roles (sorted, so the same caller always reads alike).</summary>
    private static (string Actor, string Roles) Describe(ClaimsPrincipal? user)
    {
        var actor = user?.Identity?.Name ?? "anonymous";
        var roles = (user?.Identities ?? []).SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return (actor, string.Join(',', roles));
    }
}

/// <summary>The answer of <c>verifyAuditLog</c>.</summary>
public sealed record AuditVerification(int? FirstBrokenSequence, int Entries)
{
    public bool Intact => FirstBrokenSequence is null;
}
