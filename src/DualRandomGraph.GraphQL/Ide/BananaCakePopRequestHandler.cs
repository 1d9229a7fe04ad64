using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DualRandomGraph.GraphQL.Ide;

/// <summary>Answers the IDE's addresses: the page, its configuration and its static assets.</summary>
internal sealed partial class BananaCakePopRequestHandler
{
    internal const string PathParameter = "bananaCakePopPath";

    private const string NoStore = "no-store";
    private const string Revalidate = "no-cache";

    private readonly BananaCakePopOptions _options;
    private readonly ILogger<BananaCakePopRequestHandler> _logger;
    private readonly Lazy<State> _state;

    public BananaCakePopRequestHandler(IOptions<BananaCakePopOptions> options, ILogger<BananaCakePopRequestHandler> logger)
    {
        _options = options.Value;
        _logger = logger;
        // Listed on first use rather than at start-up, so a host that never serves the IDE never
        // touches the disk for it.
        _state = new Lazy<State>(LoadState, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        if (!_options.Enabled)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var state = _state.Value;
        AddSecurityHeaders(response.Headers, state.ContentSecurityPolicy);

        var path = context.GetRouteValue(PathParameter) as string ?? string.Empty;
        if (path.Length == 0)
        {
            var requestPath = context.Request.Path.Value ?? string.Empty;
            if (!requestPath.EndsWith('/'))
            {
                // The page loads its assets by relative URLs, which only resolve below the IDE's
                // address when that address ends in a slash.
                response.StatusCode = StatusCodes.Status302Found;
                response.Headers.Location = UriHelper.BuildRelative(
                    context.Request.PathBase, new PathString(requestPath + "/"), context.Request.QueryString);
                return Task.CompletedTask;
            }

            return WriteIndexAsync(context, state);
        }

        if (path == BananaCakePopFileSet.IndexFile)
        {
            return WriteIndexAsync(context, state);
        }

        if (path == BananaCakePopDocuments.ConfigFile)
        {
            return WriteBytesAsync(context, state.ConfigJson, "application/json; charset=utf-8", NoStore);
        }

        if (IsPlainRelativePath(path) && state.Files.TryGetFile(path, out var file))
        {
            return WriteFileAsync(context, file);
        }

        response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    /// <summary>
    /// The file list is the real guard; this refuses the shapes of a traversal attempt outright, so
    /// that a future change to the lookup cannot quietly open them.
    /// </summary>
    internal static bool IsPlainRelativePath(string path)
    {
        if (path.Length == 0 || path.Contains('\\', StringComparison.Ordinal) || path.Contains(':', StringComparison.Ordinal)
            || path.Contains('%', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                return false;
            }
        }

        return true;
    }

    private static void AddSecurityHeaders(IHeaderDictionary headers, string contentSecurityPolicy)
    {
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = contentSecurityPolicy;
    }

    private Task WriteIndexAsync(HttpContext context, State state)
    {
        if (state.Index is not null)
        {
            return WriteBytesAsync(context, state.Index, "text/html; charset=utf-8", NoStore);
        }

        context.Response.Headers.ContentSecurityPolicy = BananaCakePopDocuments.InstallPageContentSecurityPolicy;
        var page = BananaCakePopDocuments.CreateInstallPage(_options.Title, _options.GraphQLEndpoint ?? GetIdeAddress(context));
        return WriteBytesAsync(context, page, "text/html; charset=utf-8", NoStore);
    }

    /// <summary>The address the IDE is mapped at, without the slash: where it sends GraphQL requests by default.</summary>
    private static string GetIdeAddress(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var remainder = context.GetRouteValue(PathParameter) as string ?? string.Empty;
        if (path.EndsWith(remainder, StringComparison.Ordinal))
        {
            path = path[..^remainder.Length];
        }

        return context.Request.PathBase + path.TrimEnd('/');
    }

    private static Task WriteBytesAsync(HttpContext context, byte[] body, string contentType, string cacheControl)
    {
        var response = context.Response;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        response.Headers.CacheControl = cacheControl;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private Task WriteFileAsync(HttpContext context, BananaCakePopFile file)
    {
        var response = context.Response;
        var headers = response.GetTypedHeaders();
        headers.ETag = file.ETag;
        headers.LastModified = file.LastModified;
        response.Headers.CacheControl = file.IsContentHashed
            ? string.Create(CultureInfo.InvariantCulture, $"public, max-age={(long)_options.AssetCacheMaxAge.TotalSeconds}, immutable")
            : Revalidate;

        if (IsNotModified(context.Request, file))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = file.ContentType;
        response.ContentLength = file.Length;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.SendFileAsync(file.FullPath, context.RequestAborted);
    }

    private static bool IsNotModified(HttpRequest request, BananaCakePopFile file)
    {
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(file.ETag, useStrongComparison: false));
        }

        var ifModifiedSince = request.GetTypedHeaders().IfModifiedSince;
        // HTTP dates have whole seconds; the file's time has more.
        return ifModifiedSince is { } since && file.LastModified.AddTicks(-(file.LastModified.Ticks % TimeSpan.TicksPerSecond)) <= since;
    }

    private State LoadState()
    {
        var root = _options.ResolveFilesPath();
        var files = BananaCakePopFileSet.Load(root);
        byte[]? index = null;
        if (files.TryGetFile(BananaCakePopFileSet.IndexFile, out var indexFile))
        {
            index = BananaCakePopDocuments.CreateIndex(File.ReadAllText(indexFile.FullPath), _options.Title);
            LogServing(_logger, files.Count, root);
        }
        else
        {
            LogMissing(_logger, root);
        }

        return new State(
            files,
            index,
            BananaCakePopDocuments.CreateConfigJson(_options),
            BananaCakePopDocuments.CreateContentSecurityPolicy(_options));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Serving the Banana Cake Pop GraphQL IDE ({FileCount} files) from {Folder}")]
    private static partial void LogServing(ILogger logger, int fileCount, string folder);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "The Banana Cake Pop GraphQL IDE is not installed: {Folder} has no index.html (the build could not run npm). Serving install instructions instead.")]
    private static partial void LogMissing(ILogger logger, string folder);

    private sealed record State(BananaCakePopFileSet Files, byte[]? Index, byte[] ConfigJson, string ContentSecurityPolicy);
}
