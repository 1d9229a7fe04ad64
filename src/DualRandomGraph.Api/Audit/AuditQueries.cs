using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Audit;
using DualRandomGraph.GraphQL.Data;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Audit;

/// <summary>The audit log is for auditors alone: it shows who changed what, when.</summary>
[Authorize(Roles = Roles.Auditor)]
public sealed class AuditQueries
{
    /// <summary>Every audited mutation, oldest first unless ordered otherwise.</summary>
    [UsePaging, UseProjection, UseFiltering, UseSorting]
    public static IQueryable<AuditEntry> AuditLog([FromDbContext] AppDbContext db) => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence);

    /// <summary>Recomputes the hash chain over the whole log: whether it is intact, and where it first breaks.</summary>
    public static Task<AuditVerification> VerifyAuditLogAsync([FromDbContext] AppDbContext db, IResolveFieldContext context)
        => AuditTrail.VerifyAsync(db, context.CancellationToken);
}
