using DualRandomGraph.GraphQL.Http;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.GraphQL.Tests.Http;

public sealed class RegistrationTests
{
    [Fact]
    public async Task UseGraphQLHttp_without_AddGraphQLHttp_fails_at_start_up_and_says_what_is_missing()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<TestProbe>();
        builder.Services.AddGraphQL(b => b.AddSchema<TestSchema>().AddSystemTextJson());
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.UseGraphQLHttp());

        Assert.Contains("AddGraphQLHttp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_bound_from_the_GraphQL_Http_and_GraphQL_DocumentCache_sections()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GraphQL:Http:MaxRequestBodySize"] = "2048",
            ["GraphQL:Http:EnableBatching"] = "false",
            ["GraphQL:Http:MaxBatchSize"] = "5",
            ["GraphQL:Http:ExecutionTimeout"] = "00:00:07",
            ["GraphQL:Http:IdePath"] = "/graphql/",
            ["GraphQL:DocumentCache:MaxTotalQueryLength"] = "500",
            ["GraphQL:DocumentCache:SlidingExpiration"] = "00:10:00",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddGraphQLHttp().BuildServiceProvider();

        var http = services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value;
        var cache = services.GetRequiredService<IOptions<DocumentCacheOptions>>().Value;

        Assert.Equal(
            (2048L, false, 5, TimeSpan.FromSeconds(7), "/graphql/", 500L, TimeSpan.FromMinutes(10)),
            (http.MaxRequestBodySize, http.EnableBatching, http.MaxBatchSize, http.ExecutionTimeout, http.IdePath, cache.MaxTotalQueryLength, cache.SlidingExpiration));
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GraphQL:Http:IdePath"] = "graphql/",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddGraphQLHttp().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value);

        Assert.Contains("IdePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_printed_SDL_is_ready_to_commit()
    {
        var sdl = GraphQLSchemaSdl.Print(new TestSchema(new ServiceCollection().BuildServiceProvider(), new TestProbe()));

        Assert.DoesNotContain('\r', sdl);
        Assert.EndsWith("}\n", sdl, StringComparison.Ordinal);
        Assert.Contains("type Mutation {", sdl, StringComparison.Ordinal);
    }
}
