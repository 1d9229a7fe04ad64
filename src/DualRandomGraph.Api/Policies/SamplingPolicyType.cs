using DualRandomGraph.Api.Data;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Relay;
using DualRandomGraph.GraphQL.Types;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Policies;

/// <summary>Public: the ratios a plan is drawn under are published with the plan (事前公开).</summary>
public sealed class SamplingPolicyType : NodeGraphType<SamplingPolicy>
{
    public SamplingPolicyType() : base(p => p.Id, p => p.AgencyId)
    {
        Name = nameof(SamplingPolicy);
        Description = "An agency's sampling ratios and team rules from effectiveFrom on. Never changed: a change is a new policy.";
        this.MarkNonNull(nameof(SamplingPolicy.Agency));
        ResolveReference(p => p.Agency, p => p.AgencyId);
    }

    protected override async Task<IReadOnlyList<SamplingPolicy>> LoadAsync(IResolveFieldContext context, IReadOnlyCollection<int> keys)
    {
        await using var db = context.CreateDbContext();
        return await db.Policies.AsNoTracking().Where(p => keys.Contains(p.Id)).ToListAsync(context.CancellationToken);
    }
}
