using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Data;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Tasks;

[Authorize(Roles = Roles.Coordinator + "," + Roles.Auditor + "," + Roles.Inspector)]
public sealed class TaskQueries
{
    /// <summary>The inspection tasks the caller may see: an inspector, those of their own teams (<see cref="TaskAccess"/>).</summary>
    [UsePaging, UseProjection, UseFiltering, UseSorting]
    public static IQueryable<InspectionTask> InspectionTasks([FromDbContext] AppDbContext db, IResolveFieldContext context)
        => db.Tasks.AsNoTracking().VisibleTo(context.User);
}
