using DualRandomGraph.GraphQL.Mutations;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Common;

internal static class DuplicateGuard
{
    /// <summary>
    /// Saves, and when a unique index refuses the row because a concurrent request took the same natural key after
    /// our check, answers with the typed duplicate error <paramref name="recheck"/> finds instead of a server error.
    /// </summary>
    public static async Task<IUserError?> SaveAsync(DbContext db, Func<Task<IUserError?>> recheck, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await recheck() ?? throw new InvalidOperationException("The save failed, and not because of a duplicate key.");
        }
    }
}
