using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Data;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Targets;

[Authorize(Roles = Roles.Staff)]
public sealed class TargetQueries
{
    /// <summary>The registry of inspection targets.</summary>
    [UsePaging, UseProjection, UseFiltering, UseSorting]
    public static IQueryable<InspectionTarget> Targets([FromDbContext] AppDbContext db) => db.Targets.AsNoTracking();

    /// <summary>The target with this unified social credit code (case and surrounding blanks ignored).</summary>
    public static Task<InspectionTarget?> TargetByCreditCodeAsync(string creditCode, [FromDbContext] AppDbContext db, IResolveFieldContext context)
    {
        var normalized = CreditCode.Normalize(creditCode);
        return db.Targets.WithDetails().FirstOrDefaultAsync(t => t.CreditCode == normalized, context.CancellationToken);
    }
}
