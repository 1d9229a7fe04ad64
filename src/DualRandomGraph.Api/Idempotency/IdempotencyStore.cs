using System.Data.Common;
using DualRandomGraph.Api.Data;
using DualRandomGraph.GraphQL.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Idempotency;

/// <summary>
/// Keeps idempotency keys in <see cref="AppDbContext.IdempotencyRecords"/>. Each decision is one statement: the insert
/// the unique (subject, key) index admits or refuses, and updates and deletes conditional on the record's owner, so
/// several server processes over one database never execute one key twice.
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<AppDbContext> contexts) : IIdempotencyStore
{
    public async Task<bool> TryClaimAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Subject = claim.Subject,
            Key = claim.Key,
            RequestHash = claim.RequestHash,
            Owner = claim.Owner,
            ClaimedAt = claim.ClaimedAt,
            ExpiresAt = claim.ExpiresAt,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task<IdempotencyEntry?> FindAsync(string subject, string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Subject == subject && r.Key == key, cancellationToken);
        return record is null
            ? null
            : new IdempotencyEntry(record.RequestHash, record.Owner, record.ClaimedAt, record.ExpiresAt,
                record is { StatusCode: { } status, Response: { } body } ? new IdempotentResponse(status, body) : null);
    }

    public async Task<bool> TryReclaimAsync(IdempotencyClaim claim, Guid previousOwner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var taken = await db.IdempotencyRecords
            .Where(r => r.Subject == claim.Subject && r.Key == claim.Key && r.Owner == previousOwner)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.RequestHash, claim.RequestHash)
                .SetProperty(r => r.Owner, claim.Owner)
                .SetProperty(r => r.ClaimedAt, claim.ClaimedAt)
                .SetProperty(r => r.ExpiresAt, claim.ExpiresAt)
                .SetProperty(r => r.StatusCode, (int?)null)
                .SetProperty(r => r.Response, (string?)null), cancellationToken);
        return taken == 1;
    }

    public async Task CompleteAsync(IdempotencyClaim claim, IdempotentResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(response);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.IdempotencyRecords
            .Where(r => r.Subject == claim.Subject && r.Key == claim.Key && r.Owner == claim.Owner)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.StatusCode, response.StatusCode)
                .SetProperty(r => r.Response, response.Body), cancellationToken);
    }

    public async Task ReleaseAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.IdempotencyRecords
            .Where(r => r.Subject == claim.Subject && r.Key == claim.Key && r.Owner == claim.Owner && r.Response == null)
            .ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<int> PurgeExpiredAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    // Only the unique index refusing the row means "taken"; any other failure is real and propagates.
    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067, // SQLITE_CONSTRAINT_UNIQUE
        DbException other => other.SqlState == "23505", // unique_violation, as PostgreSQL reports it
        _ => false,
    };
}
