using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace DualRandomGraph.Api.Tests.Http;

/// <summary>GraphQL over HTTP as the real API answers it (its own schema, authentication and pipeline).</summary>
public sealed class ApiHttpTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private const string Json = "application/json";
    private const string CountQuery = """{"query":"{ checkItems(first: 1) { totalCount } }"}""";
    private const string Mutation = "mutation { createCheckItem(input: { code: \"HTTP-1\", title: \"t\", categories: [KEY] }) { checkItem { code } } }";

    [Theory]
    [InlineData("POST", "/graphql", CountQuery, Json, null, 200, GraphQLResponse)]
    [InlineData("POST", "/graphql", CountQuery, "application/json; charset=utf-8", "*/*", 200, GraphQLResponse)]
    [InlineData("POST", "/graphql", CountQuery, Json, Json, 200, Json)]
    [InlineData("POST", "/graphql", CountQuery, Json, GraphQLResponse, 200, GraphQLResponse)]
    [InlineData("GET", "/graphql?query={checkItems(first:1){totalCount}}", null, null, null, 200, GraphQLResponse)]
    [InlineData("GET", "/graphql?query={checkItems(first:1){totalCount}}", null, null, Json, 200, Json)]
    [InlineData("POST", "/graphql", """{"query":"{ nope }"}""", Json, null, 400, GraphQLResponse)]
    [InlineData("POST", "/graphql", """{"query":"{ nope }"}""", Json, Json, 200, Json)]
    [InlineData("POST", "/graphql", """{"query":"{ checkItems {"}""", Json, null, 400, GraphQLResponse)]
    [InlineData("GET", "/graphql?query={nope}", null, null, null, 400, GraphQLResponse)]
    [InlineData("POST", "/graphql", """{"query":""", Json, null, 400, GraphQLResponse)]
    [InlineData("POST", "/graphql", """{"variables":{}}""", Json, null, 400, GraphQLResponse)]
    [InlineData("POST", "/graphql", CountQuery, "text/plain", null, 415, GraphQLResponse)]
    [InlineData("POST", "/graphql", CountQuery, "application/x-www-form-urlencoded", null, 415, GraphQLResponse)]
    [InlineData("POST", "/graphql", CountQuery, "application/graphql", null, 415, GraphQLResponse)]
    [InlineData("POST", "/graphql", CountQuery, Json, "application/xml", 406, Json)]
    [InlineData("PUT", "/graphql", CountQuery, Json, null, 405, GraphQLResponse)]
    [InlineData("GET", "/graphql?sdl", null, null, null, 200, "text/plain")]
    public async Task Answers_with_the_status_and_media_type_of_the_spec(
        string method, string target, string? body, string? contentType, string? accept, int status, string mediaType)
    {
        using var response = await factory.CreateClient().SendAsync(Request(method, target, body, contentType, accept));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_query_over_GET_reads_data_with_the_callers_token()
    {
        var client = factory.CreateClient();
        var token = TokenIssuer.Issue(factory.Jwt, "http-test", [Roles.Auditor], TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow);
        using var request = Request("GET", "/graphql?query=" + Uri.EscapeDataString("{ targets { totalCount } checkItems { totalCount } }"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.SendAsync(request);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(11, (int)body["data"]!["targets"]!["totalCount"]!);
        Assert.Null(body["errors"]);
    }

    [Fact]
    public async Task A_mutation_over_GET_is_405_with_Allow_POST_and_writes_nothing()
    {
        var admin = factory.CreateGraphQLClient(Roles.Admin);
        var before = await admin.CountAsync("checkItems");

        using var response = await admin.Http.GetAsync("/graphql?query=" + Uri.EscapeDataString(Mutation));

        Assert.Equal(405, (int)response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Equal(before, await admin.CountAsync("checkItems"));
        Snapshot.Match(await DescribeAsync(response));
    }

    [Fact]
    public async Task Another_method_is_405_with_Allow_GET_and_POST()
    {
        using var response = await factory.CreateClient().SendAsync(Request("DELETE", "/graphql"));

        Assert.Equal(405, (int)response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task An_invalid_query_is_400_with_the_validation_error()
    {
        using var response = await factory.CreateClient().SendAsync(Request("POST", "/graphql", """{"query":"{ checkItems { nodes { nope } } }"}""", Json));

        Snapshot.Match(await DescribeAsync(response));
    }

    [Fact]
    public async Task An_unsupported_content_type_is_415()
    {
        using var response = await factory.CreateClient().SendAsync(Request("POST", "/graphql", "query=%7B__typename%7D", "application/x-www-form-urlencoded"));

        Snapshot.Match(await DescribeAsync(response));
    }

    [Fact]
    public async Task The_sdl_is_plain_text_of_the_live_schema()
    {
        using var response = await factory.CreateClient().GetAsync("/graphql?sdl");

        var sdl = await response.Content.ReadAsStringAsync();
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("type Query {", sdl, StringComparison.Ordinal);
        Assert.Contains("createInspector(input: CreateInspectorInput!): CreateInspectorPayload!", sdl, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Request(string method, string target, string? body = null, string? contentType = null, string? accept = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), target);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return request;
    }

    /// <summary>What a client sees: status, media type, Allow, and the JSON body.</summary>
    private static async Task<Newtonsoft.Json.Linq.JToken> DescribeAsync(HttpResponseMessage response) => new
    {
        status = (int)response.StatusCode,
        contentType = response.Content.Headers.ContentType?.ToString(),
        allow = response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : null,
        body = JsonNode.Parse(await response.Content.ReadAsStringAsync()),
    }.ToSnapshot();
}
