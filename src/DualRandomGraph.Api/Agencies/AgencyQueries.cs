using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Data;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Agencies;

[Authorize(Roles = Roles.Staff)]
public sealed class AgencyQueries
{
    [OutputType(typeof(ListGraphType<NonNullGraphType<AgencyType>>))] // INTERIM until the data middleware lands
    public static IQueryable<Agency> Agencies([FromDbContext] AppDbContext db) => db.Agencies.AsNoTracking();

    [OutputType(typeof(ListGraphType<NonNullGraphType<RegionType>>))] // INTERIM until the data middleware lands
    public static IQueryable<Region> Regions([FromDbContext] AppDbContext db) => db.Regions.AsNoTracking();
}
