using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Draws;

/// <summary>A target taken by the draw, before its team is formed.</summary>
internal sealed record DrawnTarget(TargetCategory Stratum, string Key, int Rank, Ticket Ticket);

/// <summary>Step 1 of drg-1: in each stratum, the first k members by (priorityGroup, ticket).</summary>
internal static class TargetDraw
{
    // Below this many members a group is hashed on one thread; above, in parallel chunks.
    private const int ParallelThreshold = 4096;

    public static List<DrawnTarget> Select(DrawInput input)
    {
        var drawn = new List<DrawnTarget>();
        foreach (var stratum in Drg1.StratumOrder)
        {
            var k = input.QuotaOf(stratum);
            if (k == 0)
            {
                continue; // a stratum that gives nothing is not hashed at all
            }

            var hasher = new TicketHasher($"{input.Seed}|{input.Scope}/{stratum.ToStratumName()}|");
            var rank = 0;
            foreach (var priorityGroup in (int[])[0, 1])
            {
                var left = k - rank;
                if (left == 0)
                {
                    break; // group 1 is only hashed when group 0 cannot fill the quota
                }

                var members = input.TargetPool.Where(t => t.Stratum == stratum && t.PriorityGroup == priorityGroup).ToArray();
                foreach (var candidate in Smallest(hasher, members, left))
                {
                    drawn.Add(new DrawnTarget(stratum, members[candidate.Index].Key, ++rank, candidate.Ticket));
                }
            }
        }

        return drawn;
    }

    private static Candidate[] Smallest(TicketHasher hasher, TargetPoolMember[] members, int count)
    {
        var keys = members.Select(m => TicketHasher.Utf8(m.Key)).ToArray();
        var indices = Enumerable.Range(0, members.Length).ToArray();
        if (members.Length < ParallelThreshold)
        {
            return hasher.Smallest(keys, indices, count);
        }

        // The smallest `count` of the whole group are among the smallest `count` of each chunk.
        var chunks = Environment.ProcessorCount * 4;
        var chunkSize = (indices.Length + chunks - 1) / chunks;
        var partial = new Candidate[chunks][];
        Parallel.For(0, chunks, c =>
        {
            var start = Math.Min(c * chunkSize, indices.Length);
            var length = Math.Min(chunkSize, indices.Length - start);
            partial[c] = hasher.Smallest(keys, indices.AsSpan(start, length), count);
        });

        var merged = partial.SelectMany(p => p).ToArray();
        Array.Sort(merged);
        return merged.Length > count ? merged[..count] : merged;
    }
}
