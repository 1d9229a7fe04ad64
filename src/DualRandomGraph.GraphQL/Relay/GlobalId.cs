using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace DualRandomGraph.GraphQL.Relay;

/// <summary>
/// Opaque Relay ids: base64url of <c>"{TypeName}:{key}"</c>, the shape HotChocolate v14 uses, so an id says which
/// type it belongs to and can be answered by <c>node(id:)</c> without a lookup table.
/// </summary>
public static class GlobalId
{
    public static string Format(string typeName, int key)
        => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{typeName}:{key}")));

    public static bool TryParse(string? value, [NotNullWhen(true)] out string? typeName, out int key)
    {
        typeName = null;
        key = 0;
        if (string.IsNullOrEmpty(value) || value.Length > 256 || !Base64Url.IsValid(value))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value));
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        // Only the canonical spelling of the key: .NET would also read "1\0" (trailing NULs) and "01", which would
        // give one record several ids.
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out key)
            || !text.AsSpan(colon + 1).SequenceEqual(key.ToString(CultureInfo.InvariantCulture)))
        {
            return false;
        }

        typeName = text[..colon];
        return true;
    }

    /// <summary>The key of an id that must belong to <paramref name="typeName"/>, or null when it does not.</summary>
    public static int? ParseFor(string typeName, string? value)
        => TryParse(value, out var actualType, out var key) && actualType == typeName ? key : null;
}
