using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace DualRandomGraph.Domain.Draws;

/// <summary>
/// Computes <c>SHA-256(prefix ‖ key)</c> for many keys that share one prefix — the shape of every drg-1 ticket:
/// the prefix is <c>UTF-8(S + "|" + P + "/" + STRATUM + "|")</c> for targets and
/// <c>UTF-8(S + "|" + P + "/TEAM/" + K + "|")</c> for the inspectors of target K.
/// </summary>
internal sealed class TicketHasher
{
    private const int Batch = 64;

    // Up to this many, the smallest are kept in a sorted window as the tickets stream by; beyond it (large target
    // quotas) sorting all of them is cheaper than shifting a long window.
    private const int WindowLimit = 64;
    private const int StackLimit = 512;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _prefix;
    private readonly uint[] _midstate;
    private readonly byte[] _tail;

    public TicketHasher(string prefix)
    {
        _prefix = StrictUtf8.GetBytes(prefix);
        (_midstate, var consumed) = Sha256Lanes.Midstate(_prefix);
        _tail = _prefix[consumed..];
    }

    /// <summary>The strict UTF-8 bytes of <paramref name="text"/> (throws on a lone surrogate rather than substituting).</summary>
    public static byte[] Utf8(string text) => StrictUtf8.GetBytes(text);

    /// <summary>The ticket of one key, computed by the platform's SHA-256 (the reference the fast path is tested against).</summary>
    public Ticket Hash(ReadOnlySpan<byte> key)
    {
        var length = _prefix.Length + key.Length;
        byte[]? rented = null;
        var message = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        _prefix.CopyTo(message);
        key.CopyTo(message[_prefix.Length..]);

        Span<byte> hash = stackalloc byte[Ticket.Bytes];
        SHA256.HashData(message[..length], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return Ticket.FromHash(hash);
    }

    /// <summary>The tickets of <c>keys[members[i]]</c> into <c>tickets[i]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void HashMany(IReadOnlyList<byte[]> keys, ReadOnlySpan<int> members, Span<Ticket> tickets)
    {
        if (!Sha256Lanes.IsAccelerated)
        {
            for (var i = 0; i < members.Length; i++)
            {
                tickets[i] = Hash(keys[members[i]]);
            }

            return;
        }

        var lanes = new byte[Sha256Lanes.Lanes][];
        for (var start = 0; start < members.Length; start += Sha256Lanes.Lanes)
        {
            var count = Math.Min(Sha256Lanes.Lanes, members.Length - start);
            for (var lane = 0; lane < count; lane++)
            {
                lanes[lane] = keys[members[start + lane]];
            }

            Sha256Lanes.HashLanes(_midstate, _tail, _prefix.Length, lanes.AsSpan(0, count), tickets.Slice(start, count));
        }
    }

    /// <summary>
    /// The <paramref name="count"/> members with the smallest tickets, in ticket order (all of them when
    /// <paramref name="count"/> ≥ the number of members). Every member is hashed; for a small count (a team)
    /// only a short sorted window is kept instead of sorting them all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Candidate[] Smallest(IReadOnlyList<byte[]> keys, ReadOnlySpan<int> members, int count)
    {
        count = Math.Min(count, members.Length);
        if (count <= 0)
        {
            return [];
        }

        Span<Ticket> tickets = stackalloc Ticket[Batch];
        if (count > WindowLimit || count * 4 >= members.Length)
        {
            var all = new Candidate[members.Length];
            for (var start = 0; start < members.Length; start += Batch)
            {
                var batch = members.Slice(start, Math.Min(Batch, members.Length - start));
                HashMany(keys, batch, tickets);
                for (var i = 0; i < batch.Length; i++)
                {
                    all[start + i] = new Candidate(tickets[i], batch[i]);
                }
            }

            Array.Sort(all);
            return count == all.Length ? all : all[..count];
        }

        // A sorted window of the best `count` seen so far; with random tickets a newcomer beats the window's
        // worst only about count·ln(n/count) times, so insertion costs next to nothing.
        var best = new Candidate[count];
        var filled = 0;
        for (var start = 0; start < members.Length; start += Batch)
        {
            var batch = members.Slice(start, Math.Min(Batch, members.Length - start));
            HashMany(keys, batch, tickets);
            for (var i = 0; i < batch.Length; i++)
            {
                var candidate = new Candidate(tickets[i], batch[i]);
                if (filled == count && candidate.CompareTo(best[count - 1]) >= 0)
                {
                    continue;
                }

                var at = filled == count ? count - 1 : filled++;
                while (at > 0 && candidate.CompareTo(best[at - 1]) < 0)
                {
                    best[at] = best[at - 1];
                    at--;
                }

                best[at] = candidate;
            }
        }

        return best;
    }
}
