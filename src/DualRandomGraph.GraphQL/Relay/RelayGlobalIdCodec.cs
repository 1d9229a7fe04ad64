using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DualRandomGraph.GraphQL.Data;

namespace DualRandomGraph.GraphQL.Relay;

/// <summary>Lets the data middleware's <c>id</c> filters read the same ids <see cref="GlobalId"/> writes.</summary>
public sealed class RelayGlobalIdCodec : IGlobalIdCodec
{
    public string Encode(string typeName, object key) => GlobalId.Format(typeName, Convert.ToInt32(key, CultureInfo.InvariantCulture));

    public bool TryDecode(string globalId, [NotNullWhen(true)] out string? typeName, [NotNullWhen(true)] out string? key)
    {
        var ok = GlobalId.TryParse(globalId, out typeName, out var intKey);
        key = ok ? intKey.ToString(CultureInfo.InvariantCulture) : null;
        return ok;
    }
}
