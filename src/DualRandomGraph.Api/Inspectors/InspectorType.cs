using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Types;
using GraphQL;

namespace DualRandomGraph.Api.Inspectors;

public sealed class InspectorType : AppNodeType<Inspector>
{
    public InspectorType() : base(i => i.Id, i => i.AgencyId)
    {
        Name = nameof(Inspector);
        Description = "检查人员: a person in the registry of inspectors.";
        this.AuthorizeWithRoles(Roles.Staff);
        this.MarkNonNull(nameof(Inspector.Agency));
        ResolveReference(i => i.Agency, i => i.AgencyId);

        // Which login is whom is the administrators' business.
        GetField(nameof(Inspector.AccountSubject))!.RestrictTo(Roles.Admin, Roles.Auditor);
    }
}
