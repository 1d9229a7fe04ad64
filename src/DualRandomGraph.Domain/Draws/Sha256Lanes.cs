using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DualRandomGraph.Domain.Draws;

/// <summary>
/// SHA-256 (FIPS 180-4) for many messages that share a prefix, eight at a time in the lanes of a 256-bit vector.
/// Every drg-1 ticket hashes <c>prefix ‖ key</c>: the full 64-byte blocks of the prefix are compressed once
/// (<see cref="Midstate"/>) and each key costs only its last block(s), computed for eight keys in one pass.
/// </summary>
/// <remarks>
/// This is a speed-up, not a definition: drg-1 is defined by standard SHA-256, and the tests compare every path
/// here with <see cref="System.Security.Cryptography.SHA256"/> on random prefixes and keys of every length.
/// </remarks>
internal static class Sha256Lanes
{
    public const int Lanes = 8;
    private const int BlockBytes = 64;

    private static readonly uint[] InitialState =
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    private static readonly uint[] RoundConstants =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>True when the vector path runs in hardware; otherwise callers hash one message at a time.</summary>
    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    /// <summary>
    /// The state after the full blocks of <paramref name="prefix"/>, and how many bytes of it are left over.
    /// </summary>
    public static (uint[] State, int Consumed) Midstate(ReadOnlySpan<byte> prefix)
    {
        var state = (uint[])InitialState.Clone();
        var consumed = prefix.Length - (prefix.Length % BlockBytes);
        Span<uint> schedule = stackalloc uint[64];
        for (var offset = 0; offset < consumed; offset += BlockBytes)
        {
            CompressScalar(state, prefix.Slice(offset, BlockBytes), schedule);
        }

        return (state, consumed);
    }

    /// <summary>
    /// SHA-256 of <c>prefix ‖ keys[i]</c> for up to <see cref="Lanes"/> keys, where <paramref name="midstate"/>
    /// is the state after the first <c>prefixLength − tail.Length</c> bytes of the prefix and
    /// <paramref name="tail"/> the rest of it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // straight to optimised code: SIMD is very slow unoptimised
    public static void HashLanes(uint[] midstate, ReadOnlySpan<byte> tail, int prefixLength, ReadOnlySpan<byte[]> keys, Span<Ticket> tickets)
    {
        // Each lane's remaining message: tail ‖ key ‖ 0x80 ‖ 0…0 ‖ 64-bit big-endian bit length, in whole blocks.
        Span<int> blocks = stackalloc int[Lanes];
        var maxBlocks = 1;
        for (var lane = 0; lane < keys.Length; lane++)
        {
            blocks[lane] = (tail.Length + keys[lane].Length + 9 + BlockBytes - 1) / BlockBytes;
            maxBlocks = Math.Max(maxBlocks, blocks[lane]);
        }

        // words[(block·16 + t)·8 + lane] = word t of that block of that lane, so one load gives word t of all lanes.
        // Every word a lane's active blocks read is written below; the rest of the scratch is never read.
        var scratch = Scratch.ForThread(maxBlocks);
        var words = scratch.Words.AsSpan(0, maxBlocks * 16 * Lanes);
        for (var lane = 0; lane < keys.Length; lane++)
        {
            var bytes = scratch.Message.AsSpan(0, blocks[lane] * BlockBytes);
            bytes.Clear();
            tail.CopyTo(bytes);
            keys[lane].CopyTo(bytes[tail.Length..]);
            bytes[tail.Length + keys[lane].Length] = 0x80;
            BinaryPrimitives.WriteUInt64BigEndian(bytes[^8..], (ulong)(prefixLength + keys[lane].Length) * 8);
            for (var w = 0; w < bytes.Length / 4; w++)
            {
                words[(w * Lanes) + lane] = BinaryPrimitives.ReadUInt32BigEndian(bytes[(w * 4)..]);
            }
        }

        Span<Vector256<uint>> state = stackalloc Vector256<uint>[8];
        for (var i = 0; i < 8; i++)
        {
            state[i] = Vector256.Create(midstate[i]);
        }

        var blockCounts = Vector256.Create(blocks[0], blocks[1], blocks[2], blocks[3], blocks[4], blocks[5], blocks[6], blocks[7]).AsUInt32();
        var schedule = scratch.Schedule.AsSpan();
        for (var block = 0; block < maxBlocks; block++)
        {
            // Lanes whose message has fewer blocks keep their finished state.
            var active = Vector256.LessThan(Vector256.Create((uint)block), blockCounts);
            CompressLanes(state, words.Slice(block * 16 * Lanes, 16 * Lanes), schedule, active);
        }

        Span<uint> h = stackalloc uint[8 * Lanes];
        for (var i = 0; i < 8; i++)
        {
            state[i].CopyTo(h.Slice(i * Lanes, Lanes));
        }

        for (var lane = 0; lane < keys.Length; lane++)
        {
            tickets[lane] = Ticket.FromWords(h[lane], h[Lanes + lane], h[(2 * Lanes) + lane], h[(3 * Lanes) + lane], h[(4 * Lanes) + lane], h[(5 * Lanes) + lane], h[(6 * Lanes) + lane], h[(7 * Lanes) + lane]);
        }
    }

    /// <summary>Per-thread working memory, so that hashing eight keys allocates and clears nothing it need not.</summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? _current;

        private Scratch(int blocks)
        {
            Words = new uint[blocks * 16 * Lanes];
            Message = new byte[blocks * BlockBytes];
        }

        public uint[] Words { get; }

        public byte[] Message { get; }

        public Vector256<uint>[] Schedule { get; } = new Vector256<uint>[64];

        public static Scratch ForThread(int blocks)
        {
            if (_current is null || _current.Message.Length < blocks * BlockBytes)
            {
                _current = new Scratch(Math.Max(blocks, 4));
            }

            return _current;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CompressLanes(Span<Vector256<uint>> state, ReadOnlySpan<uint> words, Span<Vector256<uint>> w, Vector256<uint> active)
    {
        for (var t = 0; t < 16; t++)
        {
            w[t] = Vector256.Create(words.Slice(t * Lanes, Lanes));
        }

        for (var t = 16; t < 64; t++)
        {
            var w2 = w[t - 2];
            var w15 = w[t - 15];
            var s1 = Rotr(w2, 17) ^ Rotr(w2, 19) ^ Vector256.ShiftRightLogical(w2, 10);
            var s0 = Rotr(w15, 7) ^ Rotr(w15, 18) ^ Vector256.ShiftRightLogical(w15, 3);
            w[t] = s1 + w[t - 7] + s0 + w[t - 16];
        }

        var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7]);
        for (var t = 0; t < 64; t++)
        {
            var t1 = h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + Vector256.ConditionalSelect(e, f, g) + Vector256.Create(RoundConstants[t]) + w[t];
            var t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) | (c & (a ^ b)));
            (h, g, f, e, d, c, b, a) = (g, f, e, d + t1, c, b, a, t1 + t2);
        }

        state[0] = Vector256.ConditionalSelect(active, state[0] + a, state[0]);
        state[1] = Vector256.ConditionalSelect(active, state[1] + b, state[1]);
        state[2] = Vector256.ConditionalSelect(active, state[2] + c, state[2]);
        state[3] = Vector256.ConditionalSelect(active, state[3] + d, state[3]);
        state[4] = Vector256.ConditionalSelect(active, state[4] + e, state[4]);
        state[5] = Vector256.ConditionalSelect(active, state[5] + f, state[5]);
        state[6] = Vector256.ConditionalSelect(active, state[6] + g, state[6]);
        state[7] = Vector256.ConditionalSelect(active, state[7] + h, state[7]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CompressScalar(Span<uint> state, ReadOnlySpan<byte> block, Span<uint> w)
    {
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        }

        for (var t = 16; t < 64; t++)
        {
            var s1 = uint.RotateRight(w[t - 2], 17) ^ uint.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            var s0 = uint.RotateRight(w[t - 15], 7) ^ uint.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            w[t] = s1 + w[t - 7] + s0 + w[t - 16];
        }

        var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7]);
        for (var t = 0; t < 64; t++)
        {
            var t1 = h + (uint.RotateRight(e, 6) ^ uint.RotateRight(e, 11) ^ uint.RotateRight(e, 25)) + ((e & f) ^ (~e & g)) + RoundConstants[t] + w[t];
            var t2 = (uint.RotateRight(a, 2) ^ uint.RotateRight(a, 13) ^ uint.RotateRight(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            (h, g, f, e, d, c, b, a) = (g, f, e, d + t1, c, b, a, t1 + t2);
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotr(Vector256<uint> x, [ConstantExpected] byte n) =>
        Avx512F.VL.IsSupported
            ? Avx512F.VL.RotateRight(x, n) // one instruction where AVX-512 is there
            : Vector256.ShiftRightLogical(x, n) | Vector256.ShiftLeft(x, 32 - n);
}
