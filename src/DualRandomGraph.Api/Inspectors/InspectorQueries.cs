using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Data;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Inspectors;

[Authorize(Roles = Roles.Staff)]
public sealed class InspectorQueries
{
    /// <summary>The registry of inspectors, active and deactivated.</summary>
    [UsePaging, UseProjection, UseFiltering, UseSorting]
    public static IQueryable<Inspector> Inspectors([FromDbContext] AppDbContext db) => db.Inspectors.AsNoTracking();

    /// <summary>The inspector holding this enforcement certificate (执法证号).</summary>
    public static Task<Inspector?> InspectorByCertificateNumberAsync(string certificateNumber, [FromDbContext] AppDbContext db, IResolveFieldContext context)
    {
        var normalized = certificateNumber.Trim();
        return db.Inspectors.AsNoTracking().FirstOrDefaultAsync(i => i.CertificateNumber == normalized, context.CancellationToken);
    }
}
