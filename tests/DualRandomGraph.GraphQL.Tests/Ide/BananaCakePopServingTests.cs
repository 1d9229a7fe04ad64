using System.Net;
using DualRandomGraph.GraphQL.Ide;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DualRandomGraph.GraphQL.Tests.Ide;

public sealed class BananaCakePopServingTests : IDisposable
{
    private readonly FakeIdeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Index_IsTheIdePageWithTheConfiguredTitle()
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        using var response = await host.Client.GetAsync("/graphql/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("<title>DualRandomGraph</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Banana Cake Pop</title>", html, StringComparison.Ordinal);
        Assert.Contains("src=\"static/js/main.0349187e.js\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_AlsoAnswersAsIndexHtml()
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        var slash = await host.Client.GetStringAsync("/graphql/");
        var named = await host.Client.GetStringAsync("/graphql/index.html");

        Assert.Equal(slash, named);
    }

    [Fact]
    public async Task Index_TitleIsHtmlEncoded()
    {
        await using var host = await IdeTestHost.StartAsync(_folder, o => o.Title = "</title><script>alert(1)</script>");

        var html = await host.Client.GetStringAsync("/graphql/");

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/title&gt;&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BareAddress_IsRedirectedToTheSlashedOne_KeepingTheQuery()
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        using var response = await host.Client.GetAsync("/graphql?x=1");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/graphql/?x=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Redirect_EscapesTheAddress()
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        var context = await host.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.PathBase = "/监管";
            c.Request.Path = "/graphql";
        });

        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        Assert.Equal("/%E7%9B%91%E7%AE%A1/graphql/", context.Response.Headers.Location.ToString());
    }

    [Fact]
    public async Task NextToAGraphQLEndpoint_TheBareAddressIsTheEndpointsAndTheSlashedOneTheIdes()
    {
        await using var host = await IdeTestHost.StartAsync(
            o => o.FilesPath = _folder.IdePath,
            mapBefore: app => app.MapMethods("/graphql", [HttpMethods.Get, HttpMethods.Post], () => "graphql endpoint"));

        var bareGet = await host.Client.GetStringAsync("/graphql");
        using var barePost = await host.Client.PostAsync("/graphql", new StringContent("{}"));
        var slashedGet = await host.Client.GetStringAsync("/graphql/");
        using var slashedPost = await host.Client.PostAsync("/graphql/", new StringContent("{}"));
        using var asset = await host.Client.GetAsync("/graphql/static/js/main.0349187e.js");

        Assert.Equal("graphql endpoint", bareGet);
        Assert.Equal("graphql endpoint", await barePost.Content.ReadAsStringAsync());
        Assert.Contains("<title>DualRandomGraph</title>", slashedGet, StringComparison.Ordinal);
        Assert.Equal("graphql endpoint", await slashedPost.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
    }

    [Theory]
    [InlineData("static/js/main.0349187e.js", "text/javascript; charset=utf-8")]
    [InlineData("static/css/styles.15b5693c.css", "text/css; charset=utf-8")]
    [InlineData("static/media/FiraCode-Medium.1bc138a84f63b384c3f2.woff2", "font/woff2")]
    [InlineData("static/media/codicon.184be8c3aa435ca6c3f5.ttf", "font/ttf")]
    [InlineData("static/js/main.0349187e.js.LICENSE.txt", "text/plain; charset=utf-8")]
    [InlineData("favicon.ico", "image/x-icon")]
    [InlineData("favicon.svg", "image/svg+xml; charset=utf-8")]
    [InlineData("apple-touch-icon.png", "image/png")]
    [InlineData("manifest.webmanifest", "application/manifest+json; charset=utf-8")]
    [InlineData("service-worker.js", "text/javascript; charset=utf-8")]
    [InlineData("asset-manifest.json", "application/json; charset=utf-8")]
    [InlineData("LICENSE", "text/plain; charset=utf-8")]
    public async Task Asset_IsServedWithItsContentType(string path, string contentType)
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        using var response = await host.Client.GetAsync("/graphql/" + path);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_folder.IdePath, path)), body);
    }

    [Theory]
    [InlineData("/graphql/static/js/missing.0123abcd.js")]
    [InlineData("/graphql/nope.html")]
    [InlineData("/graphql/static/")]
    [InlineData("/graphql/static")]
    [InlineData("/graphql/STATIC/JS/MAIN.0349187E.JS")]
    [InlineData("/graphql/.hidden-stamp")]
    public async Task MissingAsset_Is404(string url)
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        using var response = await host.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(FakeIdeFolder.Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherMethods_AreNotHandled()
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        using var post = await host.Client.PostAsync("/graphql/index.html", new StringContent(""));
        using var put = await host.Client.PutAsync("/graphql/bcp-config.json", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
    }

    [Theory]
    [InlineData("/graphql/")]
    [InlineData("/graphql/bcp-config.json")]
    [InlineData("/graphql/static/js/main.0349187e.js")]
    [InlineData("/graphql/favicon.svg")]
    public async Task Head_SendsTheHeadersOfGetWithoutABody(string url)
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        using var get = await host.Client.GetAsync(url);
        var getBody = await get.Content.ReadAsByteArrayAsync();
        using var head = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        var headBody = await head.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(headBody);
        Assert.Equal(getBody.Length, head.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Headers.CacheControl, head.Headers.CacheControl);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
    }

    [Theory]
    [InlineData("/graphql/")]
    [InlineData("/graphql/index.html")]
    [InlineData("/graphql/bcp-config.json")]
    public async Task PageAndConfig_AreNeverCached(string url)
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        using var response = await host.Client.GetAsync(url);

        Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: {response.Headers.CacheControl}");
        Assert.Null(response.Headers.CacheControl?.MaxAge);
    }

    [Theory]
    [InlineData("static/js/main.0349187e.js")]
    [InlineData("static/css/styles.15b5693c.css")]
    [InlineData("static/media/codicon.184be8c3aa435ca6c3f5.ttf")]
    public async Task HashedAssets_AreCachedForAYear(string path)
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        using var response = await host.Client.GetAsync("/graphql/" + path);

        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("service-worker.js")]
    [InlineData("favicon.svg")]
    [InlineData("manifest.webmanifest")]
    public async Task UnhashedAssets_AreRevalidatedByETag(string path)
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        using var first = await host.Client.GetAsync("/graphql/" + path);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/graphql/" + path);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await host.Client.SendAsync(again);

        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AssetCacheMaxAge_IsConfigurable()
    {
        await using var host = await IdeTestHost.StartAsync(_folder, o => o.AssetCacheMaxAge = TimeSpan.FromHours(1));

        using var response = await host.Client.GetAsync("/graphql/static/js/main.0349187e.js");

        Assert.Equal("public, max-age=3600, immutable", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/graphql/")]
    [InlineData("/graphql/bcp-config.json")]
    [InlineData("/graphql/static/js/main.0349187e.js")]
    [InlineData("/graphql/missing.js")]
    [InlineData("/graphql")]
    public async Task SecurityHeaders_AreOnEveryIdeResponse(string url)
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        using var response = await host.Client.GetAsync(url);

        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        var csp = Single(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContentSecurityPolicy_AllowsNoRemoteOriginByDefault()
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        using var response = await host.Client.GetAsync("/graphql/");

        Assert.Equal(
            "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; "
            + "manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
            Single(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task ContentSecurityPolicy_LetsTheIdeReachAnAbsoluteEndpoint()
    {
        await using var host = await IdeTestHost.StartAsync(_folder, o => o.GraphQLEndpoint = "https://api.example.test:8443/graphql");

        using var response = await host.Client.GetAsync("/graphql/");

        Assert.Contains(
            "connect-src 'self' https://api.example.test:8443 wss://api.example.test:8443;",
            Single(response, "Content-Security-Policy"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_AnswersNotFoundEverywhere()
    {
        await using var host = await IdeTestHost.StartAsync(_folder, o => o.Enabled = false);

        foreach (var url in new[] { "/graphql/", "/graphql/bcp-config.json", "/graphql/static/js/main.0349187e.js" })
        {
            using var response = await host.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Map_WithoutAddBananaCakePop_SaysWhatIsMissing()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapBananaCakePop());

        Assert.Contains("AddBananaCakePop", error.Message, StringComparison.Ordinal);
    }

    internal static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);
}
