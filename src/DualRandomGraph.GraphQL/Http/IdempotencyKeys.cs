using GraphQL.Transport;
using Microsoft.AspNetCore.Http;

namespace DualRandomGraph.GraphQL.Http;

/// <summary>
/// Reads the idempotency key of each request of a POST: the <c>Idempotency-Key</c> header for a single request, or
/// <c>extensions.idempotencyKey</c> of each request (the only way in a batch, where one header cannot name one request).
/// A key that is malformed, given twice or contradicted is refused with 400 before anything executes.
/// </summary>
public static class IdempotencyKeys
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>Response header of a replayed response.</summary>
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    /// <summary>Request extension that carries a key, e.g. <c>{"extensions": {"idempotencyKey": "…"}}</c>.</summary>
    public const string ExtensionName = "idempotencyKey";

    /// <summary>Response extension set on every replayed result, a batch's included.</summary>
    public const string ReplayedExtensionName = "idempotentReplayed";

    /// <summary>The key of each request, null where there is none.</summary>
    internal static string?[] Read(HttpRequest http, IReadOnlyList<GraphQLRequest> requests, bool isBatch, int maxLength)
    {
        string? header = null;
        if (http.Headers.TryGetValue(HeaderName, out var values))
        {
            if (values.Count != 1)
                throw Invalid($"The {HeaderName} header may be given only once.");
            if (isBatch)
                throw Invalid($"A batch cannot carry one {HeaderName} header; give each request its own extensions.{ExtensionName}.");
            header = Checked(values[0], maxLength);
        }

        var keys = new string?[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            string? extension = null;
            if (requests[i].Extensions is { } extensions && extensions.TryGetValue(ExtensionName, out var value))
            {
                extension = value is string text
                    ? Checked(text, maxLength)
                    : throw Invalid($"extensions.{ExtensionName} must be a string.");
            }

            if (header is not null && extension is not null && !string.Equals(header, extension, StringComparison.Ordinal))
                throw Invalid($"The {HeaderName} header and extensions.{ExtensionName} name different keys.");
            keys[i] = header ?? extension;
        }

        return keys;
    }

    /// <summary>
    /// 1 to <paramref name="maxLength"/> characters of letters, digits and <c>- _ . : ~ + / =</c>: a UUID, a ULID, base64
    /// or base64url all fit, and nothing a log, a header or a database column could misread.
    /// </summary>
    private static string Checked(string? key, int maxLength)
    {
        if (string.IsNullOrEmpty(key))
            throw Invalid("An idempotency key must not be empty.");
        if (key.Length > maxLength)
            throw Invalid($"An idempotency key may have at most {maxLength} characters; this one has {key.Length}.");
        if (!key.All(IsKeyCharacter))
            throw Invalid("An idempotency key may hold only the letters A-Z and a-z, digits and - _ . : ~ + / = (a UUID is a good key).");
        return key;
    }

    private static bool IsKeyCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '~' or '+' or '/' or '=';

    private static HttpRequestError Invalid(string message)
        => new(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.IdempotencyKeyInvalid, message);
}
