using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DualRandomGraph.Api.Tests;

/// <summary>What the server checks before it serves anything, in the Production environment.</summary>
public sealed class StartupTests
{
    private const string ProductionKey = "a-production-secret-of-more-than-32-bytes-0123456789";

    [Fact]
    public void Refuses_to_start_in_Production_with_the_development_signing_key()
    {
        using var factory = new ProductionApiFactory(JwtOptions.DevelopmentSigningKey);

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("development signing key", error.Message, StringComparison.Ordinal);
        Assert.Contains("Production", error.Message, StringComparison.Ordinal);
        Assert.Contains("Set Authentication:Jwt:SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starts_in_Production_with_a_key_of_its_own_and_accepts_tokens_signed_with_it()
    {
        using var factory = new ProductionApiFactory(ProductionKey);
        var client = factory.CreateGraphQLClient();
        var token = TokenIssuer.Issue(
            new JwtOptions { SigningKey = ProductionKey }, "prod-admin", [Roles.Auditor], TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow);
        client.Http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var data = await client.QueryAsync("{ targets { totalCount } }");

        Assert.Equal(11, (int)data["targets"]!["totalCount"]!);
        Assert.Equal(Environments.Production, factory.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
    }

    [Fact]
    public async Task In_Production_a_token_signed_with_the_test_key_is_anonymous()
    {
        using var factory = new ProductionApiFactory(ProductionKey);

        var response = await factory.CreateGraphQLClient(Roles.Admin).PostAsync("{ targets { totalCount } }");

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("short-key")]
    [InlineData("0123456789012345678901234567890")]
    [InlineData("一二三四五六七八九十")]
    public void Refuses_to_start_with_a_key_shorter_than_32_bytes(string key)
    {
        using var factory = new ProductionApiFactory(key);

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("Authentication:Jwt:SigningKey must be at least 32 bytes long", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_of_exactly_32_bytes_is_enough()
    {
        using var factory = new ProductionApiFactory("一二三四五六七八九十ab");

        var response = await factory.CreateGraphQLClient().PostAsync("{ checkItems { totalCount } }");

        Assert.Null(response.Errors);
    }

    private sealed class ProductionApiFactory(string signingKey) : ApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("environment", "Production"),
            new("Authentication:Jwt:SigningKey", signingKey),
        ];
    }
}
