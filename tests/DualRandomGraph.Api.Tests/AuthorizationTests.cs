using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.GraphQL.Authorization;

namespace DualRandomGraph.Api.Tests;

public sealed class AuthorizationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("{ targets { nodes { name } } }", "targets")]
    [InlineData("{ inspectors { nodes { name } } }", "inspectors")]
    [InlineData("{ agencies { nodes { name } } }", "agencies")]
    [InlineData("{ regions { nodes { name } } }", "regions")]
    [InlineData("{ targetByCreditCode(creditCode: \"x\") { name } }", "targetByCreditCode")]
    public async Task Anonymous_callers_cannot_read_registries(string query, string field)
    {
        var response = await factory.CreateGraphQLClient().PostAsync(query);

        Assert.Equal([AuthorizationErrorCodes.NotAuthenticated], response.ErrorCodes);
        Assert.Null(response.Data![field]);
    }

    [Fact]
    public async Task Anonymous_callers_read_the_check_item_list()
    {
        var data = await factory.CreateGraphQLClient().QueryAsync("{ checkItems(first: 50) { nodes { code title } } }");

        Assert.Equal(11, data["checkItems"]!["nodes"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Inspector)]
    [InlineData(Roles.Auditor)]
    public async Task Every_staff_role_reads_registries(string role)
    {
        var data = await factory.CreateGraphQLClient(role).QueryAsync("{ targets { totalCount } inspectors { totalCount } }");

        Assert.Equal(11, (int)data["targets"]!["totalCount"]!);
        Assert.Equal(12, (int)data["inspectors"]!["totalCount"]!);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Inspector)]
    [InlineData(Roles.Auditor)]
    public async Task Only_admins_change_registries(string role)
    {
        var response = await factory.CreateGraphQLClient(role).PostAsync(
            """mutation { createCheckItem(input: { code: "X-1", title: "t", categories: [KEY] }) { checkItem { code } } }""");

        Assert.Equal([AuthorizationErrorCodes.NotAuthorized], response.ErrorCodes);
        var items = await factory.CreateGraphQLClient().QueryAsync("{ checkItems(first: 100) { nodes { code } } }");
        Assert.DoesNotContain(items["checkItems"]!["nodes"]!.AsArray(), item => (string?)item!["code"] == "X-1");
    }

    [Fact]
    public async Task Anonymous_mutation_is_not_authenticated()
    {
        var response = await factory.CreateGraphQLClient().PostAsync(
            """mutation { retireCheckItem(input: { checkItemId: "Q2hlY2tJdGVtOjE" }) { checkItem { code } } }""");

        Assert.Equal([AuthorizationErrorCodes.NotAuthenticated], response.ErrorCodes);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var client = factory.CreateGraphQLClient();
        var forged = TokenIssuer.Issue(
            new JwtOptions { SigningKey = "another-key-another-key-another-key-0123", Issuer = factory.Jwt.Issuer, Audience = factory.Jwt.Audience },
            "mallory", [Roles.Admin], TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        client.Http.DefaultRequestHeaders.Authorization = new("Bearer", forged);

        var response = await client.PostAsync("{ targets { nodes { name } } }");

        // Security/JwtTests has every other kind of bad token.
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal([AuthorizationErrorCodes.NotAuthenticated], response.ErrorCodes);
    }

    [Fact]
    public async Task Node_does_not_reveal_records_of_a_type_the_caller_may_not_see()
    {
        var admin = factory.CreateGraphQLClient(Roles.Admin);
        var id = (string)(await admin.QueryAsync("{ targets(first: 1) { nodes { id } } }"))["targets"]!["nodes"]![0]!["id"]!;

        var response = await factory.CreateGraphQLClient().PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id });

        Assert.Equal([AuthorizationErrorCodes.NotAuthenticated], response.ErrorCodes);
        Assert.Null(response.Data!["node"]);
    }
}
