using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Data;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Agencies;

[Authorize(Roles = Roles.Staff)]
public sealed class AgencyQueries
{
    [UsePaging, UseProjection, UseFiltering, UseSorting]
    public static IQueryable<Agency> Agencies([FromDbContext] AppDbContext db) => db.Agencies.AsNoTracking();

    [UsePaging, UseProjection, UseFiltering, UseSorting]
    public static IQueryable<Region> Regions([FromDbContext] AppDbContext db) => db.Regions.AsNoTracking();
}
