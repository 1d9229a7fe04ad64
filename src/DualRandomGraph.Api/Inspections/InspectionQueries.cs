using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Inspections;
using DualRandomGraph.GraphQL.Data;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Inspections;

[Authorize(Roles = Roles.Staff)]
public sealed class InspectionQueries
{
    /// <summary>The inspection records the caller may see (<see cref="RecordAccess"/>), with their amendments.</summary>
    [UsePaging, UseProjection, UseFiltering, UseSorting]
    public static IQueryable<InspectionRecord> InspectionRecords([FromDbContext] AppDbContext db, IResolveFieldContext context)
        => db.InspectionRecords.AsNoTracking().VisibleTo(context.User);
}
