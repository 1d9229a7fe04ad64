using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Relay;
using DualRandomGraph.GraphQL.Types;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Agencies;

public sealed class AgencyType : NodeGraphType<Agency>
{
    public AgencyType() : base(a => a.Id, a => a.RegionId)
    {
        Name = nameof(Agency);
        Description = "监管部门: the bureau that owns registries, plans and publications.";
        this.AuthorizeWithRoles(Roles.Staff);
        this.MarkNonNull(nameof(Agency.Region));
        ResolveReference(a => a.Region, a => a.RegionId);
    }

    protected override async Task<IReadOnlyList<Agency>> LoadAsync(IResolveFieldContext context, IReadOnlyCollection<int> keys)
    {
        await using var db = context.CreateDbContext();
        return await db.Agencies.AsNoTracking().Where(a => keys.Contains(a.Id)).ToListAsync(context.CancellationToken);
    }
}
