using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.GraphQL.Http;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.Api.Tests;

public sealed class SchemaTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public void Committed_schema_file_matches_the_live_schema()
    {
        var live = GraphQLSchemaSdl.Print(factory.Services.GetRequiredService<ISchema>());
        var committed = File.ReadAllText(RepositoryPaths.File("schema", "schema.graphql")).ReplaceLineEndings("\n");

        Assert.True(
            committed == live,
            "schema/schema.graphql is out of date. Regenerate it with: dotnet run --project src/DualRandomGraph.Api -- schema export --output schema/schema.graphql");
    }

    [Fact]
    public async Task Sdl_endpoint_serves_the_same_text_as_the_committed_file()
    {
        using var response = await factory.CreateClient().GetAsync("/graphql?sdl");

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            File.ReadAllText(RepositoryPaths.File("schema", "schema.graphql")).ReplaceLineEndings("\n"),
            await response.Content.ReadAsStringAsync());
    }
}
