using System.Security.Cryptography;
using System.Text;
using DualRandomGraph.Domain.Draws;

namespace DualRandomGraph.Domain.Tests.Draws;

/// <summary>The vectorised SHA-256 must equal the platform's on every length of prefix and key.</summary>
public sealed class TicketHasherTests
{
    [Fact]
    public void Vector_path_equals_platform_sha256_for_every_length()
    {
        // Without 256-bit vectors HashMany falls back to the platform's SHA-256 and this checks that instead.
        var random = new Random(256);
        for (var prefixLength = 0; prefixLength <= 200; prefixLength++)
        {
            var prefix = RandomText(random, prefixLength);
            var hasher = new TicketHasher(prefix);
            var count = random.Next(1, 30); // not always a multiple of the 8 lanes
            var keys = Enumerable.Range(0, count).Select(_ => Encoding.UTF8.GetBytes(RandomText(random, random.Next(0, 140)))).ToArray();
            var members = Enumerable.Range(0, count).ToArray();
            var tickets = new Ticket[count];

            hasher.HashMany(keys, members, tickets);

            for (var i = 0; i < count; i++)
            {
                var expected = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(prefix), .. keys[i]]));
                Assert.Equal(expected, tickets[i].ToString());
                Assert.Equal(expected, hasher.Hash(keys[i]).ToString());
            }
        }
    }

    [Fact]
    public void Lanes_of_different_block_counts_in_one_batch()
    {
        // 55 bytes fit one block with padding, 56 need two: mix them in one batch of eight.
        var hasher = new TicketHasher(string.Empty);
        var keys = new[] { 0, 55, 56, 64, 119, 120, 1, 200 }.Select(n => Enumerable.Repeat((byte)'k', n).ToArray()).ToArray();
        var tickets = new Ticket[keys.Length];
        hasher.HashMany(keys, Enumerable.Range(0, keys.Length).ToArray(), tickets);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(keys[i])), tickets[i].ToString());
        }
    }

    [Fact]
    public void Smallest_returns_the_head_of_the_full_order()
    {
        var hasher = new TicketHasher("6 2 8 3 1 8 5 3 0 7 1 7 9 5 8 6|KETDZ-EPB/2022Q3/TEAM/916528012022040019|");
        var keys = Enumerable.Range(0, 1000).Select(i => Encoding.UTF8.GetBytes($"XJHB{i:D5}")).ToArray();
        var members = Enumerable.Range(0, 1000).ToArray();
        var all = hasher.Smallest(keys, members, 1000);
        Assert.Equal(all.Order(), all);
        foreach (var count in new[] { 1, 2, 7, 100, 249, 250, 999 })
        {
            Assert.Equal(all[..count], hasher.Smallest(keys, members, count));
        }
    }

    private static string RandomText(Random random, int length)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY abc|/-检查随机";
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }
}
