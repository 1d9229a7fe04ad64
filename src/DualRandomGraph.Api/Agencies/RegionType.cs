using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Registry;
using GraphQL;

namespace DualRandomGraph.Api.Agencies;

public sealed class RegionType : AppNodeType<Region>
{
    public RegionType() : base(r => r.Id, r => r.ParentId)
    {
        Name = nameof(Region);
        Description = "检查地区: an administrative area, nested under its parent.";
        this.AuthorizeWithRoles(Roles.Staff);
        ResolveReference(r => r.Parent, r => r.ParentId);
    }
}
