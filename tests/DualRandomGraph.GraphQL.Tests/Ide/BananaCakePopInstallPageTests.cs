using System.Net;

namespace DualRandomGraph.GraphQL.Tests.Ide;

/// <summary>The page served when the build could not install the IDE (no npm, or offline).</summary>
public sealed class BananaCakePopInstallPageTests : IDisposable
{
    private readonly FakeIdeFolder _folder = new(withIndex: false);

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("/graphql/")]
    [InlineData("/graphql/index.html")]
    public async Task WithoutIndexHtml_TheInstallPageIsServed(string url)
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        using var response = await host.Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("The GraphQL IDE is not installed", html, StringComparison.Ordinal);
        Assert.Contains("Install Node.js with npm", html, StringComparison.Ordinal);
        Assert.Contains("dotnet build", html, StringComparison.Ordinal);
        Assert.Contains("@chillicream/bananacakepop-graphql-ide", html, StringComparison.Ordinal);
        Assert.Contains("<code>/graphql</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(_folder.Root, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task WhenTheFolderDoesNotExist_TheInstallPageIsServed()
    {
        await using var host = await IdeTestHost.StartAsync(o => o.FilesPath = Path.Combine(_folder.Root, "no-such-folder"));

        var html = await host.Client.GetStringAsync("/graphql/");

        Assert.Contains("The GraphQL IDE is not installed", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallPage_HasALockedDownPolicyAndTheSecurityHeaders()
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        using var response = await host.Client.GetAsync("/graphql/");

        Assert.Equal(
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            BananaCakePopServingTests.Single(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", BananaCakePopServingTests.Single(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", BananaCakePopServingTests.Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", BananaCakePopServingTests.Single(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task WithoutIndexHtml_OtherFilesAreStillServed()
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        using var response = await host.Client.GetAsync("/graphql/favicon.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
