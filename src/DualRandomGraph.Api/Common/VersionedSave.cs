using DualRandomGraph.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Common;

internal static class VersionedSave
{
    /// <summary>The conflict to report when the caller's expected version is not the record's current one.</summary>
    public static ConcurrencyConflictError? CheckExpected(IVersioned record, int? expectedVersion)
        => expectedVersion is { } expected && expected != record.Version
            ? new ConcurrencyConflictError($"The record is at version {record.Version}, not {expected}.", expected, record.Version)
            : null;

    /// <summary>
    /// Saves a tracked record with its version bumped. The version is a concurrency token, so when another request
    /// changed the record after we read it the UPDATE matches no row, and the caller gets a conflict, not a lost update.
    /// </summary>
    public static async Task<ConcurrencyConflictError?> SaveAsync<TRecord>(DbContext db, TRecord record, CancellationToken cancellationToken)
        where TRecord : class, IVersioned
    {
        var read = record.Version;
        record.Version = read + 1;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Entry(record).GetDatabaseValuesAsync(cancellationToken);
            var actual = current?.GetValue<int>(nameof(IVersioned.Version)) ?? read;
            return new ConcurrencyConflictError("The record was changed by someone else meanwhile; read it again.", read, actual);
        }
    }
}
