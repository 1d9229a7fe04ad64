namespace DualRandomGraph.GraphQL.Ide;

/// <summary>
/// Settings of the Banana Cake Pop GraphQL IDE served by
/// <see cref="BananaCakePopEndpointRouteBuilderExtensions.MapBananaCakePop"/>; bound from the
/// configuration section <see cref="SectionName"/>.
/// </summary>
public sealed class BananaCakePopOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "GraphQL:Ide";

    /// <summary>
    /// The folder, under the application's base directory, that the build copies the IDE's web files
    /// into (see <c>BananaCakePop.targets</c>).
    /// </summary>
    public const string DefaultFolderName = "BananaCakePop";

    /// <summary>
    /// Whether the IDE is served at all. When false, every IDE address answers 404, so a deployment
    /// can switch the IDE off in configuration without a code change.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The browser tab title of the IDE page, also written into <c>bcp-config.json</c>.</summary>
    public string Title { get; set; } = "DualRandomGraph";

    /// <summary>
    /// The folder holding the IDE's <c>index.html</c> and assets; relative paths are taken from the
    /// application's base directory. Default: <c>{AppContext.BaseDirectory}/BananaCakePop</c>.
    /// When the folder has no <c>index.html</c>, a page explaining how to install the IDE is served.
    /// </summary>
    public string? FilesPath { get; set; }

    /// <summary>
    /// The GraphQL endpoint the IDE opens documents against, as an absolute URL or a URL relative to
    /// the IDE page. Default (null): the address the IDE is served at without its trailing slash, so
    /// <c>/graphql/</c> talks to <c>/graphql</c> on the same origin, whatever host name the browser used.
    /// An absolute URL's origin is added to the page's <c>connect-src</c>.
    /// </summary>
    public string? GraphQLEndpoint { get; set; }

    /// <summary>Whether new documents send queries with GET instead of POST.</summary>
    public bool UseGet { get; set; }

    /// <summary>Whether new documents send the browser's cookies with their requests.</summary>
    public bool IncludeCookies { get; set; }

    /// <summary>HTTP headers new documents send with every request (for example a tenant header).</summary>
    public IDictionary<string, string> HttpHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The GraphQL document a new tab starts with; null leaves the IDE's own default.</summary>
    public string? Document { get; set; }

    /// <summary>
    /// How long browsers may keep the content-hashed assets (<c>static/**/name.hash.ext</c>) without
    /// asking again. Other files are revalidated on every use.
    /// </summary>
    public TimeSpan AssetCacheMaxAge { get; set; } = TimeSpan.FromDays(365);

    internal string ResolveFilesPath() =>
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, FilesPath ?? DefaultFolderName));
}
