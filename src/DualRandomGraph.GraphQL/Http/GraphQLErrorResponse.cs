using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DualRandomGraph.GraphQL.Http;

/// <summary>
/// Writes a GraphQL-shaped error body for a request refused before GraphQL sees it (by authentication or a rate
/// limiter, say), so that a client reads every refusal the same way: <c>errors[0].extensions.code</c>.
/// </summary>
public static class GraphQLErrorResponse
{
    /// <summary>
    /// Answers with <paramref name="statusCode"/> and one error. The media type follows the request's Accept header as
    /// the endpoint's own responses do; a client that accepts neither GraphQL type still gets application/json.
    /// </summary>
    public static async Task WriteAsync(
        HttpContext context, int statusCode, string code, string message,
        IReadOnlyDictionary<string, object?>? extensions = null, CancellationToken cancellationToken = default)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = (GraphQLMediaTypes.SelectResponseMediaType(context.Request.Headers.Accept) ?? GraphQLMediaTypes.Json) + "; charset=utf-8";

        var body = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            body[key] = value;
        }

        await JsonSerializer.SerializeAsync(
            response.Body,
            new { errors = new[] { new { message, extensions = body } } },
            cancellationToken: cancellationToken);
    }
}
