using System.Buffers;
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
    private const int StackLimit = 512;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _prefix;

    public TicketHasher(string prefix) => _prefix = StrictUtf8.GetBytes(prefix);

    /// <summary>The strict UTF-8 bytes of <paramref name="text"/> (throws on a lone surrogate rather than substituting).</summary>
    public static byte[] Utf8(string text) => StrictUtf8.GetBytes(text);

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

    /// <summary>
    /// The <paramref name="count"/> members with the smallest tickets, in ticket order (all of them when
    /// <paramref name="count"/> ≥ the number of members). Every member is hashed, but only a short sorted
    /// list is kept instead of sorting them all.
    /// </summary>
    public Candidate[] Smallest(IReadOnlyList<byte[]> keys, ReadOnlySpan<int> members, int count)
    {
        count = Math.Min(count, members.Length);
        if (count <= 0)
        {
            return [];
        }

        if (count * 4 >= members.Length)
        {
            var all = new Candidate[members.Length];
            for (var i = 0; i < members.Length; i++)
            {
                all[i] = new Candidate(Hash(keys[members[i]]), members[i]);
            }

            Array.Sort(all);
            return count == all.Length ? all : all[..count];
        }

        // A sorted window of the best `count` seen so far; with random tickets a newcomer beats the window's
        // worst only about count·ln(n/count) times, so insertion costs next to nothing.
        var best = new Candidate[count];
        var filled = 0;
        foreach (var member in members)
        {
            var candidate = new Candidate(Hash(keys[member]), member);
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

        return best;
    }
}
