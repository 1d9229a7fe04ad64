using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Types;
using GraphQL;

namespace DualRandomGraph.Api.Agencies;

public sealed class AgencyType : AppNodeType<Agency>
{
    public AgencyType() : base(a => a.Id, a => a.RegionId)
    {
        Name = nameof(Agency);
        Description = "监管部门: the bureau that owns registries, plans and publications.";
        this.AuthorizeWithRoles(Roles.Staff);
        this.MarkNonNull(nameof(Agency.Region));
        ResolveReference(a => a.Region, a => a.RegionId);
    }
}
