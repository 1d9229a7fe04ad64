using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DualRandomGraph.GraphQL.Tests.Http;

internal static class HttpTestRequests
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static HttpRequestMessage Request(HttpMethod method, string target, string? body = null, string? contentType = "application/json", string? accept = null)
    {
        var request = new HttpRequestMessage(method, target);
        if (body != null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType != null)
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        if (accept != null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string body, string? accept = null, CancellationToken cancellationToken = default)
        => client.SendAsync(Request(HttpMethod.Post, "/graphql", body, accept: accept), cancellationToken);

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string target, string? accept)
        => client.SendAsync(Request(HttpMethod.Get, target, accept: accept));

    public static string Query(string query) => JsonSerializer.Serialize(new { query });

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Status, the headers a GraphQL client looks at, and the body pretty-printed: what a snapshot should show.</summary>
    public static async Task<string> DescribeAsync(this HttpResponseMessage response)
    {
        var text = new StringBuilder();
        text.Append("HTTP ").Append((int)response.StatusCode).Append('\n');
        text.Append("Content-Type: ").Append(response.Content.Headers.ContentType).Append('\n');
        if (response.Content.Headers.Allow.Count > 0)
            text.Append("Allow: ").AppendJoin(", ", response.Content.Headers.Allow).Append('\n');
        if (response.Headers.Location != null)
            text.Append("Location: ").Append(response.Headers.Location).Append('\n');

        var body = await response.Content.ReadAsStringAsync();
        text.Append('\n');
        if (response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true)
        {
            using var document = JsonDocument.Parse(body);
            text.Append(JsonSerializer.Serialize(document.RootElement, Indented));
        }
        else
        {
            text.Append(body);
        }

        return text.ToString();
    }

    public static string? MediaType(this HttpResponseMessage response) => response.Content.Headers.ContentType?.ToString();

    public static MediaTypeHeaderValue? ContentType(this HttpResponseMessage response) => response.Content.Headers.ContentType;
}
