using System.Diagnostics.CodeAnalysis;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>
/// Encodes and decodes Relay global ids for filters on global id fields. <c>AddDataMiddleware</c> registers
/// <see cref="Relay.RelayGlobalIdCodec"/>, the format <c>node(id:)</c> reads, unless the host registered another.
/// </summary>
public interface IGlobalIdCodec
{
    string Encode(string typeName, object key);

    /// <summary>False for anything that is not a global id this codec made.</summary>
    bool TryDecode(string globalId, [NotNullWhen(true)] out string? typeName, [NotNullWhen(true)] out string? key);
}
