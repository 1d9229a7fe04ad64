using DualRandomGraph.Api.Data;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.CheckItems;

/// <summary>Public: no access rule, so anonymous callers read it too.</summary>
public sealed class CheckItemQueries
{
    /// <summary>The spot-check item list, public to everyone.</summary>
    [UsePaging, UseProjection, UseFiltering, UseSorting]
    public static IQueryable<CheckItem> CheckItems([FromDbContext] AppDbContext db) => db.CheckItems.AsNoTracking();
}
