using System.Net;
using System.Net.Http.Json;
using DualRandomGraph.Api.Tests.Infrastructure;

namespace DualRandomGraph.Api.Tests.Security;

/// <summary>CORS for partners' browsers: the configured origins only; none by default.</summary>
public sealed class CorsTests(PartnerCorsApiFactory partners) : IClassFixture<PartnerCorsApiFactory>
{
    internal static async Task<HttpResponseMessage> PreflightAsync(ApiFactory factory, string origin, string method = "POST")
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        return await client.SendAsync(request);
    }

    internal static async Task<HttpResponseMessage> PostAsync(ApiFactory factory, string origin)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ checkItems(first: 1) { totalCount } }" }) };
        request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("https://credit.partner.example")]
    [InlineData("http://localhost:3000")]
    public async Task A_configured_origin_passes_the_preflight(string origin)
    {
        using var response = await PreflightAsync(partners, origin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Contains("authorization", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("600", response.Headers.GetValues("Access-Control-Max-Age").Single());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://credit.partner.example.evil.example")]
    [InlineData("http://credit.partner.example")]
    [InlineData("null")]
    public async Task Any_other_origin_is_refused_at_the_preflight(string origin)
    {
        using var response = await PreflightAsync(partners, origin);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_method_other_than_GET_and_POST_is_not_allowed_even_for_a_partner()
    {
        using var response = await PreflightAsync(partners, "https://credit.partner.example", "DELETE");

        // ASP.NET Core lists what the policy allows and leaves the refusal to the browser, which compares.
        Assert.DoesNotContain("DELETE", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partners_request_may_read_the_response_and_its_Retry_After()
    {
        using var allowed = await PostAsync(partners, "https://credit.partner.example");
        using var other = await PostAsync(partners, "https://evil.example");

        Assert.Equal("https://credit.partner.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Retry-After", allowed.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }
}

public sealed class ClosedCorsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("https://credit.partner.example")]
    [InlineData("http://localhost:3000")]
    public async Task By_default_no_origin_is_allowed(string origin)
    {
        using var preflight = await CorsTests.PreflightAsync(factory, origin);
        using var post = await CorsTests.PostAsync(factory, origin);

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(post.Headers.Contains("Access-Control-Allow-Origin"));
    }
}

public sealed class AnyOriginCorsTests(AnyOriginApiFactory factory) : IClassFixture<AnyOriginApiFactory>
{
    [Fact]
    public async Task A_star_lets_every_origin_in_without_credentials()
    {
        using var preflight = await CorsTests.PreflightAsync(factory, "https://anyone.example");

        Assert.Equal("*", preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Credentials"));
    }
}

public sealed class CorsConfigurationTests
{
    [Theory]
    [InlineData("https://partner.example/path")]
    [InlineData("partner.example")]
    [InlineData("ftp://partner.example")]
    public void An_origin_that_is_not_scheme_host_and_port_stops_the_server_from_starting(string origin)
    {
        using var factory = new BadOriginFactory(origin);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Cors:AllowedOrigins", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class BadOriginFactory(string origin) : SecurityApiFactory("Testing", ("Cors:AllowedOrigins:0", origin));
}
