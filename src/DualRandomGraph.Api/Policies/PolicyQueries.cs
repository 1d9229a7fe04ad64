using DualRandomGraph.Api.Data;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Policies;

/// <summary>Public, like the plans that use the policies.</summary>
public sealed class PolicyQueries
{
    /// <summary>Every sampling policy of every agency, the superseded ones included.</summary>
    [UsePaging, UseProjection, UseFiltering, UseSorting]
    public static IQueryable<SamplingPolicy> Policies([FromDbContext] AppDbContext db) => db.Policies.AsNoTracking();
}
