using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DualRandomGraph.Api.Tests.Infrastructure;

/// <summary>Posts GraphQL requests to <c>/graphql</c> the way a front end does, and reads the response as JSON.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? operationName = null)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query, variables, operationName });
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonNode.Parse(body)!.AsObject());
    }

    /// <summary>Posts and requires a response without errors; returns <c>data</c>.</summary>
    public async Task<JsonObject> QueryAsync(string query, object? variables = null)
    {
        var response = await PostAsync(query, variables);
        Assert.True(response.Errors is null, $"Unexpected errors: {response.Body.ToJsonString()}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Data!;
    }

    /// <summary>The <c>totalCount</c> of a root connection such as <c>inspectors</c>: how "nothing was written" is checked.</summary>
    public async Task<int> CountAsync(string connection)
        => (int)(await QueryAsync($"{{ {connection} {{ totalCount }} }}"))[connection]!["totalCount"]!;
}

public sealed record GraphQLResponse(HttpStatusCode Status, string? MediaType, JsonObject Body)
{
    public JsonObject? Data => Body["data"] as JsonObject;

    public JsonArray? Errors => Body["errors"] as JsonArray;

    /// <summary>The <c>extensions.code</c> of each top-level error.</summary>
    public IReadOnlyList<string?> ErrorCodes => Errors?.Select(e => (string?)e!["extensions"]?["code"]).ToList() ?? [];

    /// <summary>The body in the form Snapshooter serialises best (its own JSON library's tree).</summary>
    public Newtonsoft.Json.Linq.JToken ForSnapshot() => Newtonsoft.Json.Linq.JToken.Parse(Body.ToJsonString());

    /// <summary>The body as indented text, for snapshots: what a reviewer reads.</summary>
    public string Pretty => Body.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
