using System.Net;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Validation;
using DualRandomGraph.Tests.Shared;

namespace DualRandomGraph.Api.Tests.Security;

/// <summary>The request limits as the API configures them (appsettings.json): clients' ordinary documents pass, the cost limits hold on cached documents.</summary>
public sealed class RequestLimitsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_full_introspection_query_of_IDEs_passes_the_default_limits()
    {
        var response = await factory.CreateGraphQLClient().PostAsync(Introspection.IdeQuery);

        Assert.True(response.Errors is null, response.Body.ToJsonString());
        Assert.NotEmpty(response.Data!["__schema"]!["types"]!.AsArray());
    }

    [Theory]
    [InlineData("{ __schema { types { fields { type { fields { name } } } } } }")]
    [InlineData("{ __type(name: \"Query\") { fields { type { ofType { fields { name } } } } } }")]
    [InlineData("{ __schema { types { possibleTypes { possibleTypes { name } } } } }")]
    public async Task Introspection_that_recurses_through_the_schema_is_refused(string query)
    {
        var response = await factory.CreateGraphQLClient().PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([RequestLimitErrorCodes.MaxIntrospectionRecursionExceeded], response.ErrorCodes);
    }

    [Fact]
    public async Task The_depth_limit_holds_for_the_other_operation_of_a_cached_document()
    {
        // Before, running Shallow cached the document and Deep then skipped the depth and cost analysis.
        const string Document = """
            query Shallow { checkItems(first: 1) { totalCount } }
            query Deep { regions { nodes { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } } } } } }
            """;
        var client = factory.CreateGraphQLClient(Roles.Auditor);

        var shallow = await client.PostAsync(Document, operationName: "Shallow");
        var deep = await client.PostAsync(Document, operationName: "Deep");

        Assert.Equal(HttpStatusCode.OK, shallow.Status);
        Assert.Equal(HttpStatusCode.BadRequest, deep.Status);
        Assert.Equal([DataErrors.MaxDepthExceeded], deep.ErrorCodes);
    }

    [Fact]
    public async Task The_cost_limit_holds_when_a_cached_document_comes_back_with_bigger_pages()
    {
        const string Query = """
            query($first: Int) {
              targets(first: $first) {
                nodes {
                  a: categoryHistory { category effectiveFrom reason } b: categoryHistory { category effectiveFrom reason }
                  c: categoryHistory { category effectiveFrom reason } d: categoryHistory { category effectiveFrom reason }
                  e: categoryHistory { category effectiveFrom reason }
                }
              }
            }
            """;
        var client = factory.CreateGraphQLClient(Roles.Auditor);

        var small = await client.PostAsync(Query, new { first = 1 });
        var large = await client.PostAsync(Query, new { first = 100 });

        Assert.Equal(HttpStatusCode.OK, small.Status);
        Assert.Equal(HttpStatusCode.BadRequest, large.Status);
        Assert.Equal([DataErrors.CostExceeded], large.ErrorCodes);
    }
}
