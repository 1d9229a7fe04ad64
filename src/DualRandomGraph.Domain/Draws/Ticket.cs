using System.Buffers.Binary;

namespace DualRandomGraph.Domain.Draws;

/// <summary>
/// A drg-1 ticket: a SHA-256 value read as a 256-bit big-endian unsigned integer. Held as four 64-bit words,
/// most significant first, so comparing word by word is comparing the integers; no hex string is made until
/// a ticket is reported.
/// </summary>
internal readonly struct Ticket : IComparable<Ticket>, IEquatable<Ticket>
{
    public const int Bytes = 32;

    private readonly ulong _w0;
    private readonly ulong _w1;
    private readonly ulong _w2;
    private readonly ulong _w3;

    private Ticket(ulong w0, ulong w1, ulong w2, ulong w3) => (_w0, _w1, _w2, _w3) = (w0, w1, w2, w3);

    public static Ticket FromHash(ReadOnlySpan<byte> hash) => new(
        BinaryPrimitives.ReadUInt64BigEndian(hash),
        BinaryPrimitives.ReadUInt64BigEndian(hash[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(hash[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(hash[24..]));

    /// <summary>From eight big-endian 32-bit words, as a SHA-256 state holds them.</summary>
    public static Ticket FromWords(uint h0, uint h1, uint h2, uint h3, uint h4, uint h5, uint h6, uint h7) => new(
        ((ulong)h0 << 32) | h1,
        ((ulong)h2 << 32) | h3,
        ((ulong)h4 << 32) | h5,
        ((ulong)h6 << 32) | h7);

    public int CompareTo(Ticket other)
    {
        var c = _w0.CompareTo(other._w0);
        if (c != 0)
        {
            return c;
        }

        c = _w1.CompareTo(other._w1);
        if (c != 0)
        {
            return c;
        }

        c = _w2.CompareTo(other._w2);
        return c != 0 ? c : _w3.CompareTo(other._w3);
    }

    public bool Equals(Ticket other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is Ticket other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);

    /// <summary>64 lower-case hex digits, most significant first: the form published in documents.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Bytes];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, _w0);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], _w1);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[16..], _w2);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[24..], _w3);
        return Convert.ToHexStringLower(bytes);
    }
}

/// <summary>A pool member (by index) with its ticket, ordered by ticket.</summary>
internal readonly record struct Candidate(Ticket Ticket, int Index) : IComparable<Candidate>
{
    // Two different keys never share a SHA-256 value in practice; the index only makes the order total.
    public int CompareTo(Candidate other)
    {
        var c = Ticket.CompareTo(other.Ticket);
        return c != 0 ? c : Index.CompareTo(other.Index);
    }
}
