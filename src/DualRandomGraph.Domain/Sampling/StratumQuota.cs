using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Sampling;

/// <summary>The number of targets to draw from one stratum for one quarter, and why.</summary>
/// <param name="Category">The stratum.</param>
/// <param name="PoolSize">N: the active targets of the stratum.</param>
/// <param name="AlreadyCovered">Active targets of the stratum with a random inspection earlier this calendar year.</param>
/// <param name="QuartersLeft">q: the quarters left in the year, this one included (4 in Q1, 1 in Q4).</param>
/// <param name="Quota">k: how many to draw.</param>
/// <param name="Rule">The computation in words, e.g. <c>max(ceil(0.25×12)=3, ceil(5/2)=3) = 3, capped at N=12</c>.</param>
public sealed record StratumQuota(
    TargetCategory Category,
    int PoolSize,
    int AlreadyCovered,
    int QuartersLeft,
    int Quota,
    string Rule);

/// <summary>What the quota calculator needs to know about one stratum.</summary>
/// <param name="Category">The stratum.</param>
/// <param name="PoolSize">N: the active targets of the stratum.</param>
/// <param name="AlreadyCovered">Active targets of the stratum with a random inspection earlier in the plan's calendar year
/// (targeted checks do not count).</param>
public sealed record StratumCounts(TargetCategory Category, int PoolSize, int AlreadyCovered);
