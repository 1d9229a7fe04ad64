using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace DualRandomGraph.GraphQL.Ide;

/// <summary>The documents the server writes itself: the IDE's configuration, the page's policy, the install page.</summary>
internal static partial class BananaCakePopDocuments
{
    public const string ConfigFile = "bcp-config.json";

    public const string PackageName = "@chillicream/bananacakepop-graphql-ide";

    /// <summary>
    /// The preset the IDE fetches from <c>./bcp-config.json</c> before it starts. Keys are the ones
    /// the IDE's bundle reads (18.0.0): <c>title</c> is no longer read by the IDE itself (the page's
    /// <c>&lt;title&gt;</c> carries it) but kept for the older IDEs that HotChocolate's format served.
    /// No <c>gaTrackingId</c>: it would load a remote script.
    /// </summary>
    public static byte[] CreateConfigJson(BananaCakePopOptions options)
    {
        using var buffer = new MemoryStream();
        // Readable non-Latin titles and headers; HTML-sensitive characters are still escaped.
        var writerOptions = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
        using (var json = new Utf8JsonWriter(buffer, writerOptions))
        {
            json.WriteStartObject();
            json.WriteString("title", options.Title);
            // The endpoint is resolved against the page's own URL, so the IDE follows whatever host,
            // port and path base the browser reached the server by.
            json.WriteBoolean("useBrowserUrlAsEndpoint", true);
            if (!string.IsNullOrWhiteSpace(options.GraphQLEndpoint))
            {
                json.WriteString("endpoint", options.GraphQLEndpoint);
            }

            json.WriteBoolean("useGet", options.UseGet);
            json.WriteBoolean("includeCookies", options.IncludeCookies);
            if (options.HttpHeaders.Count > 0)
            {
                json.WriteStartObject("httpHeaders");
                foreach (var (name, value) in options.HttpHeaders.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
            }

            if (!string.IsNullOrEmpty(options.Document))
            {
                json.WriteString("graphQLDocument", options.Document);
            }

            // Telemetry would post to a remote host, which production machines cannot reach and
            // the page's policy refuses anyway.
            json.WriteBoolean("disableTelemetry", true);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The policy of the IDE page and its workers, found by running the IDE in Chromium: its bundles
    /// and workers load from the same origin only; its JSON-schema validator (ajv) compiles schemas
    /// with <c>new Function</c> while the page starts, and the page stays blank without
    /// <c>'unsafe-eval'</c>; its style engine (styled-components) injects &lt;style&gt; elements and
    /// fails without <c>'unsafe-inline'</c> for styles; its style sheet and icons use data: images,
    /// and its chart export and editor may create blob: images and workers.
    /// No remote origin is allowed except the origin of an absolute <see cref="BananaCakePopOptions.GraphQLEndpoint"/>.
    /// </summary>
    public static string CreateContentSecurityPolicy(BananaCakePopOptions options)
    {
        var connect = "'self'";
        if (Uri.TryCreate(options.GraphQLEndpoint, UriKind.Absolute, out var endpoint)
            && (endpoint.Scheme == Uri.UriSchemeHttp || endpoint.Scheme == Uri.UriSchemeHttps))
        {
            var socketScheme = endpoint.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
            var authority = endpoint.GetComponents(UriComponents.HostAndPort, UriFormat.UriEscaped);
            connect += $" {endpoint.Scheme}://{authority} {socketScheme}://{authority}";
        }

        return "default-src 'self'; "
            + "script-src 'self' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; "
            + "font-src 'self'; "
            + $"connect-src {connect}; "
            + "worker-src 'self' blob:; "
            + "manifest-src 'self'; "
            + "object-src 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'; "
            + "frame-ancestors 'none'";
    }

    /// <summary>The install page has no script and one inline style sheet.</summary>
    public const string InstallPageContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Puts the configured title into the IDE's index page, the only place the browser tab takes it from.</summary>
    public static byte[] CreateIndex(string html, string title)
    {
        var encoded = HtmlEncoder.Default.Encode(title);
        return Encoding.UTF8.GetBytes(TitleElement().Replace(html, $"<title>{encoded}</title>", 1));
    }

    /// <summary>
    /// The page served instead of the IDE when its files are missing: the build could not run npm.
    /// It names no server path; the server's log does.
    /// </summary>
    public static byte[] CreateInstallPage(string title, string graphQLEndpointPath)
    {
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width,initial-scale=1">
            <title>{{HtmlEncoder.Default.Encode(title)}} – GraphQL IDE not installed</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;max-width:46em;margin:3em auto;padding:0 1em;color:#222}code{background:#f2f2f2;padding:0 .25em}</style>
            </head>
            <body>
            <h1>The GraphQL IDE is not installed</h1>
            <p>This address serves the Banana Cake Pop GraphQL IDE, but the server was built without the IDE's files.
            The build installs them with npm (package <code>{{PackageName}}</code>, version pinned in
            <code>src/DualRandomGraph.GraphQL/Ide/package-lock.json</code>) and copies them next to the server.</p>
            <h2>To get the IDE</h2>
            <ol>
            <li>Install Node.js with npm (<code>npm --version</code> must work in the shell that builds).</li>
            <li>Make sure npm can reach its registry (or has the package in its cache).</li>
            <li>Rebuild and restart the server: <code>dotnet build</code>. A build that could not install the IDE logs a message starting with <code>BananaCakePop:</code> that says why (in an interactive terminal, add <code>-v:detailed</code> to see it).</li>
            </ol>
            <p lang="zh">未安装 GraphQL IDE：请安装 Node.js 与 npm，确保可访问 npm 仓库，然后重新构建（<code>dotnet build</code>）并重启服务器。</p>
            <p>The GraphQL endpoint works without the IDE: send requests to <code>{{HtmlEncoder.Default.Encode(graphQLEndpointPath)}}</code>.</p>
            </body>
            </html>

            """;
        return Encoding.UTF8.GetBytes(html);
    }

    [GeneratedRegex("<title>[^<]*</title>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleElement();
}
