using System.Net;
using DualRandomGraph.Api.Dashboard;
using DualRandomGraph.Api.Tests.Infrastructure;

namespace DualRandomGraph.Api.Tests.Dashboard;

/// <summary>The dashboard's files: served from the build output with the page's own headers, and nothing else below /dashboard.</summary>
public sealed class DashboardPageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/dashboard/", "text/html", "dashboard.js")]
    [InlineData("/dashboard/dashboard.js", "text/javascript", "complianceChanged")]
    [InlineData("/dashboard/dashboard.css", "text/css", "#ratios")]
    [InlineData("/dashboard/chart.js/chart.umd.min.js", "text/javascript", "Chart.js v4.6.1")]
    public async Task Each_file_comes_with_a_policy_that_allows_this_origin_only(string path, string mediaType, string content)
    {
        using var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DashboardEndpoints.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.StartsWith("default-src 'self';", DashboardEndpoints.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", DashboardEndpoints.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_bare_address_redirects_to_the_page_keeping_its_query()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/dashboard?year=2022&quarter=2");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/?year=2022&quarter=2", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/dashboard/package.json")]
    [InlineData("/dashboard/../appsettings.json")]
    [InlineData("/dashboard/%2e%2e/appsettings.json")]
    [InlineData("/dashboard/chart.js/chart.umd.js")]
    [InlineData("/dashboard/DualRandomGraph.Api.dll")]
    public async Task Nothing_else_is_served(string path)
    {
        using var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
