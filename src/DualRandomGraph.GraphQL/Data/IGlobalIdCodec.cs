using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>
/// Encodes and decodes Relay global ids. The host registers its own (before <c>AddDataMiddleware</c>, which
/// only adds <see cref="Base64GlobalIdCodec"/> when none is registered); filters on global id fields decode
/// with it.
/// </summary>
public interface IGlobalIdCodec
{
    string Encode(string typeName, object key);

    /// <summary>False for anything that is not a global id this codec made.</summary>
    bool TryDecode(string globalId, [NotNullWhen(true)] out string? typeName, [NotNullWhen(true)] out string? key);
}

/// <summary>HotChocolate v14's shape: base64 of <c>TypeName:key</c>.</summary>
public sealed class Base64GlobalIdCodec : IGlobalIdCodec
{
    public string Encode(string typeName, object key)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture)}"));

    public bool TryDecode(string globalId, [NotNullWhen(true)] out string? typeName, [NotNullWhen(true)] out string? key)
    {
        typeName = null;
        key = null;
        var buffer = new byte[globalId.Length];
        if (!Convert.TryFromBase64String(globalId, buffer, out var length))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, length);
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        typeName = text[..colon];
        key = text[(colon + 1)..];
        return true;
    }
}
