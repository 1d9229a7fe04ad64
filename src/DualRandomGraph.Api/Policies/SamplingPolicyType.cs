using DualRandomGraph.Api.Schema;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Types;

namespace DualRandomGraph.Api.Policies;

/// <summary>Public: the ratios a plan is drawn under are published with the plan (事前公开).</summary>
public sealed class SamplingPolicyType : AppNodeType<SamplingPolicy>
{
    public SamplingPolicyType() : base(p => p.Id, p => p.AgencyId)
    {
        Name = nameof(SamplingPolicy);
        Description = "An agency's sampling ratios and team rules from effectiveFrom on. Never changed: a change is a new policy.";
        this.MarkNonNull(nameof(SamplingPolicy.Agency));
        ResolveReference(p => p.Agency, p => p.AgencyId);
    }
}
