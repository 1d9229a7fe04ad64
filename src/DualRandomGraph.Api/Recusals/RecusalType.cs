using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Types;
using GraphQL;

namespace DualRandomGraph.Api.Recusals;

/// <summary>Conflicts of interest are personal: administrators, coordinators and auditors see them.</summary>
public sealed class RecusalType : AppNodeType<Recusal>
{
    public RecusalType() : base(r => r.Id, r => r.InspectorId, r => r.TargetId)
    {
        Name = nameof(Recusal);
        Description = "回避: a declared conflict of interest; the draw keeps the inspector off the target's team while it is valid.";
        this.AuthorizeWithRoles(Roles.Admin, Roles.Coordinator, Roles.Auditor);
        this.MarkNonNull(nameof(Recusal.Inspector), nameof(Recusal.Target));
        ResolveReference(r => r.Inspector, r => r.InspectorId);
        ResolveReference(r => r.Target, r => r.TargetId);
    }
}
