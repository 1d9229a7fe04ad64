using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Relay;
using DualRandomGraph.GraphQL.Types;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Recusals;

/// <summary>Conflicts of interest are personal: administrators, coordinators and auditors see them.</summary>
public sealed class RecusalType : NodeGraphType<Recusal>
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

    protected override async Task<IReadOnlyList<Recusal>> LoadAsync(IResolveFieldContext context, IReadOnlyCollection<int> keys)
    {
        await using var db = context.CreateDbContext();
        return await db.Recusals.AsNoTracking().Where(r => keys.Contains(r.Id)).ToListAsync(context.CancellationToken);
    }
}
