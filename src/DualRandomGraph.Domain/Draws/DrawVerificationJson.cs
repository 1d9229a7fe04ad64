using System.Text.Encodings.Web;
using System.Text.Json;

namespace DualRandomGraph.Domain.Draws;

/// <summary>Reads and writes <see cref="DrawVerificationDocument"/> as the JSON of DESIGN.md §3.</summary>
public static class DrawVerificationJson
{
    /// <summary>
    /// camelCase names, two-space indentation, every field required except <c>rules.maxTasksPerInspector</c>
    /// (left out when unlimited), and text written as is (a seed may be Chinese; documents are not HTML).
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        PropertyNameCaseInsensitive = false,
    };

    /// <summary>Reads a document.</summary>
    /// <exception cref="FormatException">When the text is not a verification document; the message says where.</exception>
    public static DrawVerificationDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<DrawVerificationDocument>(json, Options)
                ?? throw new FormatException("The verification document is null.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not a drg verification document: {e.Message}", e);
        }
    }

    /// <summary>Writes a document.</summary>
    public static string Serialize(DrawVerificationDocument document) => JsonSerializer.Serialize(document, Options);
}
