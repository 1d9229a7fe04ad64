using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Data;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Recusals;

[Authorize(Roles = Roles.Admin + "," + Roles.Coordinator + "," + Roles.Auditor)]
public sealed class RecusalQueries
{
    /// <summary>Every declared recusal, ended ones included.</summary>
    [UsePaging, UseProjection, UseFiltering, UseSorting]
    public static IQueryable<Recusal> Recusals([FromDbContext] AppDbContext db) => db.Recusals.AsNoTracking();
}
