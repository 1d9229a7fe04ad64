using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.GraphQL.Authorization;

namespace DualRandomGraph.Api.Tests.Security;

/// <summary>
/// Every way a bearer token can be wrong, each through the real pipeline. A token the server rejects is answered
/// 401 with <c>WWW-Authenticate: Bearer error="invalid_token"</c> and nothing of the request runs (RFC 6750 §3.1; the
/// GraphQL-over-HTTP draft lets a server refuse a request it will not process with 401). A token that is valid but
/// carries no role through the documented <c>role</c> claim authenticates without granting anything.
/// </summary>
public sealed class JwtTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>Admin only, and changes nothing: an unknown id is a payload error.</summary>
    private const string AdminProbe = """mutation { retireCheckItem(input: { checkItemId: "bogus" }) { errors { __typename } } }""";

    public enum Outcome
    {
        /// <summary>The token is valid and its role claim makes the caller an admin.</summary>
        Admin,

        /// <summary>The token is valid, yet grants no role.</summary>
        NoRole,

        /// <summary>401: the request is refused and not executed.</summary>
        Refused,
    }

    private sealed record TokenCase(Func<JwtOptions, string> Token, Outcome Expected, string? Description = null);

    private static readonly Dictionary<string, TokenCase> Cases = new()
    {
        ["valid"] = new(jwt => Hs256(jwt, _ => { }), Outcome.Admin),
        ["expired two minutes ago"] = new(jwt => Hs256(jwt, p => p["exp"] = TestTokens.SecondsFromNow(-120)), Outcome.Refused, "expired"),
        ["expired 30 seconds ago, within the minute of skew"] = new(jwt => Hs256(jwt, p => p["exp"] = TestTokens.SecondsFromNow(-30)), Outcome.Admin),
        ["valid only in two minutes"] = new(jwt => Hs256(jwt, p => p["nbf"] = TestTokens.SecondsFromNow(120)), Outcome.Refused, "not valid before"),
        ["valid in 30 seconds, within the minute of skew"] = new(jwt => Hs256(jwt, p => p["nbf"] = TestTokens.SecondsFromNow(30)), Outcome.Admin),
        ["valid from after it expires"] = new(jwt => Hs256(jwt, p => (p["nbf"], p["exp"]) = (TestTokens.SecondsFromNow(600), TestTokens.SecondsFromNow(300))), Outcome.Refused),
        ["no exp"] = new(jwt => Hs256(jwt, p => p.Remove("exp")), Outcome.Refused),
        ["exp not a number"] = new(jwt => Hs256(jwt, p => p["exp"] = "tomorrow"), Outcome.Refused),
        ["another issuer"] = new(jwt => Hs256(jwt, p => p["iss"] = "mallory"), Outcome.Refused, "issuer"),
        ["no issuer"] = new(jwt => Hs256(jwt, p => p.Remove("iss")), Outcome.Refused),
        ["another audience"] = new(jwt => Hs256(jwt, p => p["aud"] = "another-api"), Outcome.Refused, "audience"),
        ["no audience"] = new(jwt => Hs256(jwt, p => p.Remove("aud")), Outcome.Refused),
        ["several audiences, ours among them"] = new(jwt => Hs256(jwt, p => p["aud"] = new[] { "another-api", jwt.Audience }), Outcome.Admin),
        ["signed with another key"] = new(jwt => TestTokens.Create(TestTokens.Header("HS256"), TestTokens.Payload(jwt),
            TestTokens.Hmac("another-key-another-key-another-key-0123", HashAlgorithmName.SHA256)), Outcome.Refused, "signature"),
        ["payload changed after signing"] = new(Tampered, Outcome.Refused),
        ["signature removed"] = new(jwt => TestTokens.Create(TestTokens.Header("HS256"), TestTokens.Payload(jwt), null), Outcome.Refused),
        ["alg none"] = new(jwt => TestTokens.Create(TestTokens.Header("none"), TestTokens.Payload(jwt), null), Outcome.Refused),
        ["alg NONE"] = new(jwt => TestTokens.Create(TestTokens.Header("NONE"), TestTokens.Payload(jwt), null), Outcome.Refused),
        ["alg none with a signature"] = new(jwt => TestTokens.Create(TestTokens.Header("none"), TestTokens.Payload(jwt), TestTokens.Hmac(ApiFactory.SigningKey, HashAlgorithmName.SHA256)), Outcome.Refused),
        ["RS256 header over an HMAC of the server's key"] = new(jwt => TestTokens.Create(TestTokens.Header("RS256"), TestTokens.Payload(jwt), TestTokens.Hmac(ApiFactory.SigningKey, HashAlgorithmName.SHA256)), Outcome.Refused),
        ["HS512 with the server's key"] = new(jwt => TestTokens.Create(TestTokens.Header("HS512"), TestTokens.Payload(jwt), TestTokens.Hmac(ApiFactory.SigningKey, HashAlgorithmName.SHA512)), Outcome.Refused),
        ["HS384 with the server's key"] = new(jwt => TestTokens.Create(TestTokens.Header("HS384"), TestTokens.Payload(jwt), TestTokens.Hmac(ApiFactory.SigningKey, HashAlgorithmName.SHA384)), Outcome.Refused),
        ["ES256 with the caller's own key"] = new(EcdsaSigned, Outcome.Refused),
        ["RS256 with the caller's own key embedded as jwk"] = new(EmbeddedJwk, Outcome.Refused),
        ["HS256 with the caller's key and a jku naming it"] = new(jwt => TestTokens.Create(
            new() { ["alg"] = "HS256", ["typ"] = "JWT", ["jku"] = "https://attacker.example/keys.json", ["kid"] = "../../../../dev/null" },
            TestTokens.Payload(jwt), TestTokens.Hmac("attacker-key-attacker-key-attacker-key-01", HashAlgorithmName.SHA256)), Outcome.Refused),
        ["no sub"] = new(jwt => Hs256(jwt, p => p.Remove("sub")), Outcome.Refused, "sub"),
        ["blank sub"] = new(jwt => Hs256(jwt, p => p["sub"] = " "), Outcome.Refused, "sub"),
        ["roles claim instead of role"] = new(jwt => Hs256(jwt, p => (p["roles"], _) = (new[] { Roles.Admin }, p.Remove(jwt.RoleClaim))), Outcome.NoRole),
        ["Microsoft role claim URI instead of role"] = new(jwt => Hs256(jwt, p => (p["http://schemas.microsoft.com/ws/2008/06/identity/claims/role"], _) = (Roles.Admin, p.Remove(jwt.RoleClaim))), Outcome.NoRole),
        ["role in capitals"] = new(jwt => Hs256(jwt, p => p[jwt.RoleClaim] = "ADMIN"), Outcome.NoRole),
        ["role as a list holding admin"] = new(jwt => Hs256(jwt, p => p[jwt.RoleClaim] = new[] { Roles.Auditor, Roles.Admin }), Outcome.Admin),
        ["not a JWT"] = new(_ => "not-a-token", Outcome.Refused),
        ["empty segments"] = new(_ => "..", Outcome.Refused),
        ["five segments, as an encrypted token"] = new(jwt => Hs256(jwt, _ => { }) + ".AAAA.BBBB", Outcome.Refused),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Each_token_is_accepted_or_refused_as_it_should_be(string name)
    {
        var tokenCase = Cases[name];
        var response = await PostAsync(AdminProbe, "Bearer " + tokenCase.Token(factory.Jwt));

        switch (tokenCase.Expected)
        {
            case Outcome.Admin:
                Assert.True(response.Status == HttpStatusCode.OK, response.Body);
                Assert.Equal("NotFoundError", (string?)response.Json["data"]!["retireCheckItem"]!["errors"]![0]!["__typename"]);
                break;
            case Outcome.NoRole:
                Assert.Equal(HttpStatusCode.OK, response.Status);
                Assert.Equal(AuthorizationErrorCodes.NotAuthorized, (string?)response.Json["errors"]![0]!["extensions"]!["code"]);
                break;
            case Outcome.Refused:
                AssertRefused(response, tokenCase.Description);
                break;
        }
    }

    [Fact]
    public async Task A_refused_token_runs_nothing_not_even_public_fields()
    {
        var expired = Hs256(factory.Jwt, p => (p["nbf"], p["exp"]) = (TestTokens.SecondsFromNow(-7200), TestTokens.SecondsFromNow(-3600)));

        var response = await PostAsync("{ checkItems(first: 1) { totalCount } }", "Bearer " + expired);

        AssertRefused(response, "expired");
        Assert.Null(response.Json["data"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    public async Task Without_a_bearer_token_the_caller_is_anonymous_and_reads_only_public_fields(string? authorization)
    {
        var response = await PostAsync("{ checkItems(first: 1) { totalCount } targets(first: 1) { totalCount } }", authorization);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(11, (int)response.Json["data"]!["checkItems"]!["totalCount"]!);
        Assert.Null(response.Json["data"]!["targets"]);
        Assert.Equal(AuthorizationErrorCodes.NotAuthenticated, (string?)response.Json["errors"]![0]!["extensions"]!["code"]);
        Assert.False(response.Headers.Contains("WWW-Authenticate"));
    }

    [Fact]
    public async Task The_scheme_name_is_case_insensitive()
    {
        var response = await PostAsync(AdminProbe, "bearer " + Hs256(factory.Jwt, _ => { }));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task What_a_forged_token_says_cannot_break_the_challenge_header()
    {
        var forged = Hs256(factory.Jwt, p => p["aud"] = "x\"\r\nSet-Cookie: a=b; 审计\\");

        var response = await PostAsync(AdminProbe, "Bearer " + forged);

        AssertRefused(response, "audience");
        var challenge = string.Join(",", response.Headers.GetValues("WWW-Authenticate"));
        Assert.All(challenge, c => Assert.InRange(c, ' ', '~'));
        Assert.DoesNotContain("\\", challenge, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Tokens_the_token_command_mints_are_accepted()
    {
        var token = TokenIssuer.Issue(factory.Jwt, "issuer-test", [Roles.Admin], TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow);

        var response = await PostAsync(AdminProbe, "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    private static void AssertRefused(Response response, string? description)
    {
        Assert.True(response.Status == HttpStatusCode.Unauthorized, response.Body);
        var challenge = string.Join(",", response.Headers.GetValues("WWW-Authenticate"));
        Assert.StartsWith("Bearer error=\"invalid_token\"", challenge, StringComparison.Ordinal);
        if (description is not null)
        {
            Assert.True(challenge.Contains(description, StringComparison.OrdinalIgnoreCase), $"'{description}' not in: {challenge}");
        }

        Assert.Equal(AuthorizationErrorCodes.NotAuthenticated, (string?)response.Json["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(response.Json["data"]);
    }

    private async Task<Response> PostAsync(string query, string? authorization)
    {
        using var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Response(response.StatusCode, response.Headers, body, JsonNode.Parse(body)!.AsObject());
    }

    private static string Hs256(JwtOptions jwt, Action<Dictionary<string, object?>> change)
    {
        var payload = TestTokens.Payload(jwt);
        change(payload);
        return TestTokens.Create(TestTokens.Header("HS256"), payload, TestTokens.Hmac(ApiFactory.SigningKey, HashAlgorithmName.SHA256));
    }

    private static string Tampered(JwtOptions jwt)
    {
        var parts = Hs256(jwt, p => p[jwt.RoleClaim] = Roles.Auditor).Split('.');
        var payload = TestTokens.Payload(jwt); // admin
        parts[1] = TestTokens.Segment(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(payload));
        return string.Join('.', parts);
    }

    private static string EcdsaSigned(JwtOptions jwt)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return TestTokens.Create(TestTokens.Header("ES256"), TestTokens.Payload(jwt),
            data => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    private static string EmbeddedJwk(JwtOptions jwt)
    {
        using var key = RSA.Create(2048);
        var parameters = key.ExportParameters(false);
        var header = TestTokens.Header("RS256");
        header["jwk"] = new Dictionary<string, string> { ["kty"] = "RSA", ["n"] = TestTokens.Segment(parameters.Modulus!), ["e"] = TestTokens.Segment(parameters.Exponent!) };
        return TestTokens.Create(header, TestTokens.Payload(jwt), data => key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private sealed record Response(HttpStatusCode Status, HttpResponseHeaders Headers, string Body, JsonObject Json);
}
