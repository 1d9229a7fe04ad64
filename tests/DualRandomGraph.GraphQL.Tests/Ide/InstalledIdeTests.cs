using System.Net;
using System.Text.RegularExpressions;
using DualRandomGraph.GraphQL.Ide;

namespace DualRandomGraph.GraphQL.Tests.Ide;

/// <summary>
/// The files the build installed with npm and copied next to this test assembly (BananaCakePop/),
/// served from the default folder. Where the build could not run npm, the install page must be
/// served instead; on CI (CI=true) the IDE must have been installed.
/// </summary>
public sealed partial class InstalledIdeTests
{
    private static readonly string InstalledFolder = Path.Combine(AppContext.BaseDirectory, BananaCakePopOptions.DefaultFolderName);

    private static bool IsInstalled => File.Exists(Path.Combine(InstalledFolder, "index.html"));

    [Fact]
    public void OnCi_TheBuildInstalledTheIde()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.True(IsInstalled, $"The build did not install the IDE into {InstalledFolder}; look for 'BananaCakePop:' in the build log.");
        }
    }

    [Fact]
    public async Task DefaultFolder_ServesTheInstalledIdeOrTheInstallPage()
    {
        await using var host = await IdeTestHost.StartAsync();

        using var response = await host.Client.GetAsync("/graphql/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        if (IsInstalled)
        {
            Assert.Contains("<title>DualRandomGraph</title>", html, StringComparison.Ordinal);
            Assert.Matches(AssetReference(), html);
            Assert.DoesNotContain("not installed", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("The GraphQL IDE is not installed", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InstalledIde_EveryFileTheIndexReferences_IsServedWithItsType()
    {
        if (!IsInstalled)
        {
            return;
        }

        await using var host = await IdeTestHost.StartAsync();
        var html = await host.Client.GetStringAsync("/graphql/");

        var references = AssetReference().Matches(html).Select(m => m.Groups["url"].Value).Distinct().ToList();
        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            using var response = await host.Client.GetAsync("/graphql/" + reference.TrimStart('.', '/'));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{reference}: {response.StatusCode}");
            var expected = Path.GetExtension(reference) switch
            {
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".ico" => "image/x-icon",
                ".svg" => "image/svg+xml; charset=utf-8",
                ".png" => "image/png",
                ".webmanifest" => "application/manifest+json; charset=utf-8",
                var other => throw new InvalidOperationException($"Unexpected asset type {other} in index.html: {reference}"),
            };
            Assert.Equal(expected, response.Content.Headers.ContentType?.ToString());
            if (reference.StartsWith("static/", StringComparison.Ordinal))
            {
                Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            }
        }
    }

    [Fact]
    public void InstalledIde_HasTheWorkersAndFontsItLoadsLater_AndNoNodeEntryPoints()
    {
        if (!IsInstalled)
        {
            return;
        }

        var files = Directory.EnumerateFiles(InstalledFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(InstalledFolder, f).Replace('\\', '/'))
            .ToList();

        Assert.Contains("service-worker.js", files);
        Assert.Contains("LICENSE", files);
        Assert.Contains(files, f => f.StartsWith("static/js/graphql.worker.", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("static/media/", StringComparison.Ordinal) && f.EndsWith(".woff2", StringComparison.Ordinal));
        Assert.DoesNotContain("package.json", files);
        Assert.DoesNotContain("index.cjs", files);
        Assert.DoesNotContain("index.mjs", files);
    }

    [GeneratedRegex("(?:src|href)=\"(?<url>(?:\\./)?(?:static/|favicon|apple-touch-icon|manifest)[^\"]*)\"")]
    private static partial Regex AssetReference();
}
