using System.Net;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;

namespace DualRandomGraph.Api.Tests.Security;

public sealed class SecurityHeaderTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string?, string?> Requests => new()
    {
        { "a query", """{"query":"{ checkItems(first: 1) { totalCount } }"}""", null },
        { "malformed JSON (400)", """{"query":""", null },
        { "a refused token (401)", """{"query":"{ __typename }"}""", "Bearer not-a-token" },
        { "the SDL", null, null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_response_forbids_sniffing_and_referrers_and_does_not_name_the_server(string what, string? body, string? authorization)
    {
        using var response = await SendAsync(body, authorization);

        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff), what);
        Assert.Equal("nosniff", nosniff.Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"), what);
    }

    [Fact]
    public async Task Only_responses_to_requests_with_credentials_are_kept_out_of_caches()
    {
        var token = TokenIssuer.Issue(factory.Jwt, "cache-test", [Roles.Auditor], TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        const string Query = """{"query":"{ checkItems(first: 1) { totalCount } }"}""";

        using var authenticated = await SendAsync(Query, "Bearer " + token);
        using var anonymous = await SendAsync(Query, null);

        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
        Assert.True(authenticated.Headers.CacheControl?.NoStore);
        Assert.Null(anonymous.Headers.CacheControl);
    }

    private async Task<HttpResponseMessage> SendAsync(string? body, string? authorization)
    {
        using var client = factory.CreateClient();
        using var request = body is null
            ? new HttpRequestMessage(HttpMethod.Get, "/graphql?sdl")
            : new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await client.SendAsync(request);
    }
}

/// <summary>
/// A resolver that fails (its table is gone) shows nothing of the failure outside Development: no exception text,
/// no stack trace, no code naming the database; Development shows it all, which is what proves the test can fail.
/// </summary>
public abstract class ExceptionDetailsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : ApiFactory
{
    protected async Task<JsonObject> QueryBrokenResolverAsync()
    {
        var client = factory.CreateGraphQLClient(Roles.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("{ __typename }")).Status); // started, migrated, seeded
        await factory.Database.RenameTableAsync("Inspectors", "Inspectors_gone");

        var response = await client.PostAsync("{ inspectors(first: 1) { nodes { name } } }");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Data!["inspectors"]);
        return response.Errors![0]!.AsObject();
    }
}

public sealed class TestingExceptionDetailsTests(ApiFactory factory) : ExceptionDetailsTests<ApiFactory>(factory)
{
    [Fact]
    public async Task In_Testing_a_failing_resolver_reveals_nothing()
        => AssertReveals(await QueryBrokenResolverAsync(), nothing: true);

    internal static void AssertReveals(JsonObject error, bool nothing)
    {
        var text = error.ToJsonString();
        Assert.Equal("Error trying to resolve field 'inspectors'.", (string?)error["message"]);
        if (nothing)
        {
            Assert.Equal("INTERNAL_SERVER_ERROR", (string?)error["extensions"]!["code"]);
            Assert.Null(error["extensions"]!["details"]);
            foreach (var secret in new[] { "Sqlite", "no such table", "Npgsql", "Postgres", "does not exist", "42P01", "Inspectors_gone", "Exception", "   at " })
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }
        else
        {
            // SQLite: "no such table: Inspectors"; PostgreSQL: "42P01: relation "Inspectors" does not exist".
            Assert.Contains(TestDatabase.UsesPostgres ? "does not exist" : "no such table", text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("   at ", (string?)error["extensions"]!["details"], StringComparison.Ordinal);
        }
    }
}

public sealed class ProductionExceptionDetailsTests(ProductionApiFactory factory) : ExceptionDetailsTests<ProductionApiFactory>(factory)
{
    [Fact]
    public async Task In_Production_a_failing_resolver_reveals_nothing()
        => TestingExceptionDetailsTests.AssertReveals(await QueryBrokenResolverAsync(), nothing: true);
}

public sealed class DevelopmentExceptionDetailsTests(DevelopmentApiFactory factory) : ExceptionDetailsTests<DevelopmentApiFactory>(factory)
{
    [Fact]
    public async Task In_Development_a_failing_resolver_shows_its_exception()
        => TestingExceptionDetailsTests.AssertReveals(await QueryBrokenResolverAsync(), nothing: false);
}
