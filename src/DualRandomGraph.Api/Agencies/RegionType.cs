using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Relay;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Agencies;

public sealed class RegionType : NodeGraphType<Region>
{
    public RegionType() : base(r => r.Id, r => r.ParentId)
    {
        Name = nameof(Region);
        Description = "检查地区: an administrative area, nested under its parent.";
        this.AuthorizeWithRoles(Roles.Staff);
        ResolveReference(r => r.Parent, r => r.ParentId);
    }

    protected override async Task<IReadOnlyList<Region>> LoadAsync(IResolveFieldContext context, IReadOnlyCollection<int> keys)
    {
        await using var db = context.CreateDbContext();
        return await db.Regions.AsNoTracking().Where(r => keys.Contains(r.Id)).ToListAsync(context.CancellationToken);
    }
}
