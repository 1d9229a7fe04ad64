namespace DualRandomGraph.GraphQL.Tests.Http;

/// <summary>The status code and media type of each kind of request, as the GraphQL-over-HTTP spec asks.</summary>
public sealed class StatusMatrixTests : IAsyncLifetime
{
    private const string Gql = "application/graphql-response+json; charset=utf-8";
    private const string Json = "application/json; charset=utf-8";
    private const string Hello = """{"query":"{ hello }"}""";

    private GraphQLTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GraphQLTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    // method, target, content type, accept, body => status, response content type, Allow
    [InlineData("POST", "/graphql", "application/json", null, Hello, 200, Gql, null)]
    [InlineData("POST", "/graphql", "application/json; charset=utf-8", null, Hello, 200, Gql, null)]
    [InlineData("POST", "/graphql", "application/json; charset=UTF8", null, Hello, 200, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", "application/json", Hello, 200, Json, null)]
    [InlineData("POST", "/GraphQL", "application/json", null, Hello, 200, Gql, null)]
    [InlineData("GET", "/graphql?query=%7Bhello%7D", null, null, null, 200, Gql, null)]
    [InlineData("GET", "/graphql?query=%7Bhello%7D", null, "application/json", null, 200, Json, null)]
    [InlineData("GET", "/graphql?query=mutation%7Bincrement%7D", null, null, null, 405, Gql, "POST")]
    [InlineData("GET", "/graphql?query=mutation%7Bincrement%7D", null, "application/json", null, 405, Json, "POST")]
    [InlineData("POST", "/graphql", "application/json", null, """{"query":"mutation { increment }"}""", 200, Gql, null)]
    [InlineData("PUT", "/graphql", "application/json", null, Hello, 405, Gql, "GET, POST")]
    [InlineData("DELETE", "/graphql", null, null, null, 405, Gql, "GET, POST")]
    [InlineData("PATCH", "/graphql", "application/json", "application/json", Hello, 405, Json, "GET, POST")]
    // Malformed requests are 4xx whatever the client accepts.
    [InlineData("POST", "/graphql", "application/json", null, """{"query":""", 400, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", "application/json", """{"query":""", 400, Json, null)]
    [InlineData("POST", "/graphql", "application/json", null, "", 400, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", null, "null", 400, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", null, "42", 400, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", null, "{}", 400, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", "application/json", """{"operationName":"A"}""", 400, Json, null)]
    [InlineData("POST", "/graphql", "application/json", null, """{"query":1}""", 400, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", null, """{"query":"{ hello }","variables":"{}"}""", 400, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", null, """{"query":"{ hello }","variables":[1]}""", 400, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", null, """{"query":"{ hello }","extensions":true}""", 400, Gql, null)]
    [InlineData("GET", "/graphql", null, null, null, 400, Gql, null)]
    [InlineData("GET", "/graphql?query=%7Bhello%7D&variables=%5B1%5D", null, null, null, 400, Gql, null)]
    [InlineData("GET", "/graphql?query=%7Bhello%7D&variables=nope", null, null, null, 400, Gql, null)]
    [InlineData("GET", "/graphql?query=%7Bhello%7D&query=%7Bcount%7D", null, null, null, 400, Gql, null)]
    // GraphQL request errors: 400 under graphql-response+json, 200 under application/json.
    [InlineData("POST", "/graphql", "application/json", null, """{"query":"{ nope }"}""", 400, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", "application/json", """{"query":"{ nope }"}""", 200, Json, null)]
    [InlineData("POST", "/graphql", "application/json", null, """{"query":"{"}""", 400, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", "application/json", """{"query":"{"}""", 200, Json, null)]
    [InlineData("POST", "/graphql", "application/json", null, """{"query":"query($n: String!) { hello(name: $n) }","variables":{}}""", 400, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", "application/json", """{"query":"query($n: String!) { hello(name: $n) }","variables":{}}""", 200, Json, null)]
    [InlineData("POST", "/graphql", "application/json", null, """{"query":"query A { hello } query B { count }"}""", 400, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", null, """{"query":"query A { hello } query B { count }","operationName":"C"}""", 400, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", null, """{"query":"subscription { ticks }"}""", 400, Gql, null)]
    [InlineData("GET", "/graphql?query=subscription%7Bticks%7D", null, null, null, 400, Gql, null)]
    // A field error leaves data in place: 200 under either media type.
    [InlineData("POST", "/graphql", "application/json", null, """{"query":"{ hello boom }"}""", 200, Gql, null)]
    // Unsupported request media types.
    [InlineData("POST", "/graphql", "text/plain", null, Hello, 415, Gql, null)]
    [InlineData("POST", "/graphql", null, null, Hello, 415, Gql, null)]
    [InlineData("POST", "/graphql", "application/graphql", null, "{ hello }", 415, Gql, null)]
    [InlineData("POST", "/graphql", "application/x-www-form-urlencoded", null, "query=%7Bhello%7D", 415, Gql, null)]
    [InlineData("POST", "/graphql", "application/json; charset=iso-8859-1", null, Hello, 415, Gql, null)]
    // Accept negotiation: q-values, wildcards, specificity; 406 when nothing fits.
    [InlineData("POST", "/graphql", "application/json", "text/html", Hello, 406, Json, null)]
    [InlineData("POST", "/graphql", "application/json", "image/png, text/*", Hello, 406, Json, null)]
    [InlineData("POST", "/graphql", "application/json", "application/json; charset=iso-8859-1", Hello, 406, Json, null)]
    [InlineData("POST", "/graphql", "application/json", "application/graphql-response+json;q=0, application/json;q=0", Hello, 406, Json, null)]
    [InlineData("POST", "/graphql", "application/json", "*/*", Hello, 200, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", "application/*", Hello, 200, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", "application/graphql-response+json, application/json;q=0.9", Hello, 200, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", "application/graphql-response+json;q=0.5, application/json", Hello, 200, Json, null)]
    [InlineData("POST", "/graphql", "application/json", "application/json;q=0.9, */*;q=0.1", Hello, 200, Json, null)]
    [InlineData("POST", "/graphql", "application/json", "application/*;q=0.2, application/json;q=0.1", Hello, 200, Gql, null)]
    [InlineData("POST", "/graphql", "application/json", "application/graphql-response+json;q=0, */*", Hello, 200, Json, null)]
    [InlineData("POST", "/graphql", "application/json", "text/html, application/json;q=0.1", Hello, 200, Json, null)]
    [InlineData("POST", "/graphql", "application/json", "application/json; charset=utf-8", Hello, 200, Json, null)]
    public async Task Request_gets_the_status_and_media_type_the_spec_asks_for(
        string method, string target, string? contentType, string? accept, string? body, int status, string mediaType, string? allow)
    {
        using var request = HttpTestRequests.Request(new HttpMethod(method), target, body, contentType, accept);

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(mediaType, response.MediaType());
        Assert.Equal(allow, response.Content.Headers.Allow.Count == 0 ? null : string.Join(", ", response.Content.Headers.Allow));
        var json = await response.JsonAsync();
        if (status == 200 && !json.TryGetProperty("errors", out _))
            Assert.True(json.TryGetProperty("data", out _), "a response without errors has data");
        else
            Assert.True(json.GetProperty("errors").GetArrayLength() > 0, "a failed request says why");
    }

    [Theory]
    [InlineData("""{"query":"{"}""", "SYNTAX_ERROR")]
    [InlineData("""{"query":"{ nope }"}""", "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("""{"query":"query($n: String!) { hello(name: $n) }"}""", "INVALID_VALUE")]
    [InlineData("""{"query":""", "INVALID_JSON")]
    [InlineData("""{"variables":{}}""", "QUERY_MISSING")]
    [InlineData("""{"query":"subscription { ticks }"}""", "SUBSCRIPTION_NOT_SUPPORTED")]
    public async Task Request_errors_have_no_data_and_carry_a_code(string body, string code)
    {
        using var response = await _host.Client.PostAsync(body);

        var json = await response.JsonAsync();
        Assert.Equal(400, (int)response.StatusCode);
        Assert.False(json.TryGetProperty("data", out _));
        Assert.Equal(code, json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_mutation_over_GET_is_not_executed()
    {
        using var response = await _host.Client.GetAsync("/graphql?query=mutation%7Bincrement%7D", accept: null);

        Assert.Equal(405, (int)response.StatusCode);
        Assert.Equal(0, _host.Probe.Counter);
    }

    [Fact]
    public async Task GET_reads_operation_name_and_JSON_encoded_variables()
    {
        var query = Uri.EscapeDataString("query A { count } query B($n: String) { hello(name: $n) }");
        var variables = Uri.EscapeDataString("""{"n":"GET"}""");

        using var response = await _host.Client.GetAsync($"/graphql?query={query}&operationName=B&variables={variables}", accept: null);

        var json = await response.JsonAsync();
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Hello, GET!", json.GetProperty("data").GetProperty("hello").GetString());
    }
}
