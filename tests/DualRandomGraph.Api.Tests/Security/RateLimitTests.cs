using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;

namespace DualRandomGraph.Api.Tests.Security;

/// <summary>Three requests an hour per caller (RateLimitedApiFactory); each test is a caller of its own.</summary>
public sealed class RateLimitTests(RateLimitedApiFactory factory) : IClassFixture<RateLimitedApiFactory>
{
    [Fact]
    public async Task An_anonymous_caller_over_the_limit_gets_429_with_Retry_After_and_a_GraphQL_error()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await SendAsync("198.51.100.1", token: null)).StatusCode);
        }

        using var refused = await SendAsync("198.51.100.1", token: null);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 3000, 3600);
        Assert.Equal("application/graphql-response+json", refused.Content.Headers.ContentType?.MediaType);
        var error = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal(RateLimitingExtensions.RateLimitedCode, (string?)error["extensions"]!["code"]);
        Assert.Equal(retryAfter, (int)error["extensions"]!["retryAfter"]!);
    }

    [Fact]
    public async Task Anonymous_callers_are_counted_by_address()
    {
        await ExhaustAsync("198.51.100.2", token: null);

        using var sameAddress = await SendAsync("198.51.100.2", token: null);
        using var otherAddress = await SendAsync("198.51.100.3", token: null);

        Assert.Equal(HttpStatusCode.TooManyRequests, sameAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
    }

    [Fact]
    public async Task Authenticated_callers_are_counted_by_subject_whatever_their_address()
    {
        var alice = Token("rate-alice");
        await ExhaustAsync("198.51.100.4", alice);

        using var aliceElsewhere = await SendAsync("198.51.100.5", alice);
        using var bobSameAddress = await SendAsync("198.51.100.4", Token("rate-bob"));
        using var anonymousSameAddress = await SendAsync("198.51.100.4", token: null);

        Assert.Equal(HttpStatusCode.TooManyRequests, aliceElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bobSameAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anonymousSameAddress.StatusCode);
    }

    [Fact]
    public async Task An_IPv6_caller_is_counted_by_its_64_bit_prefix()
    {
        await ExhaustAsync("2001:db8:1:2::1", token: null);

        using var samePrefix = await SendAsync("2001:db8:1:2:ffff::9", token: null);
        using var otherPrefix = await SendAsync("2001:db8:1:3::1", token: null);

        Assert.Equal(HttpStatusCode.TooManyRequests, samePrefix.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherPrefix.StatusCode);
    }

    [Fact]
    public async Task Requests_with_rejected_tokens_count_against_the_address()
    {
        for (var i = 0; i < 3; i++)
        {
            using var forged = await SendAsync("198.51.100.6", "not-a-token");
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        using var refused = await SendAsync("198.51.100.6", "not-a-token");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Only_the_GraphQL_endpoint_is_limited()
    {
        await ExhaustAsync("198.51.100.7", token: null);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/not-graphql");
        request.Headers.Add(SecurityApiFactory.RemoteAddressHeader, "198.51.100.7");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task ExhaustAsync(string address, string? token)
    {
        for (var i = 0; i < 3; i++)
        {
            using var response = await SendAsync(address, token);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string address, string? token)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ checkItems(first: 1) { totalCount } }" }) };
        request.Headers.Add(SecurityApiFactory.RemoteAddressHeader, address);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        return await client.SendAsync(request);
    }

    private string Token(string subject) => TokenIssuer.Issue(factory.Jwt, subject, [Roles.Auditor], TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
}

public sealed class RateLimitSwitchTests(UnlimitedApiFactory factory) : IClassFixture<UnlimitedApiFactory>
{
    [Fact]
    public async Task With_rate_limiting_off_no_request_is_refused()
    {
        var client = factory.CreateGraphQLClient();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsync("{ checkItems(first: 1) { totalCount } }");
            Assert.Equal(HttpStatusCode.OK, response.Status);
        }
    }
}
