namespace DualRandomGraph.Api.Dashboard;

/// <summary>
/// The compliance dashboard at <c>/dashboard/</c>: a read-only page of our own (<c>Dashboard/Page</c>) and the charting
/// library the build installs from npm (<c>Dashboard.targets</c>), served from the output folder, so it works with no
/// internet. The page reads the statistics from <c>/graphql</c> and refreshes over the WebSocket subscription.
/// </summary>
public static class DashboardEndpoints
{
    public const string Path = "/dashboard";

    /// <summary>Scripts, styles and connections (HTTP and WebSocket) of this origin only; no inline script or style.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    // Only these names are answered, so no request path is ever combined with a folder.
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["chart.js/chart.umd.min.js"] = "text/javascript; charset=utf-8",
        ["chart.js/LICENSE.md"] = "text/plain; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        var folder = System.IO.Path.Combine(AppContext.BaseDirectory, "Dashboard");
        endpoints.MapGet(Path + "/{**file}", (HttpContext context, string? file) => ServeAsync(context, folder, file))
            .WithDisplayName("Compliance dashboard");
        return endpoints;
    }

    private static async Task ServeAsync(HttpContext context, string folder, string? file)
    {
        // nosniff and no-referrer come with every response (UseSecurityHeaders); the page adds its own policy.
        var response = context.Response;
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XFrameOptions = "DENY";
        if (string.IsNullOrEmpty(file) && context.Request.Path.Value?.EndsWith('/') != true)
        {
            // The page loads its files by relative URLs, which resolve below the page only when its address ends in a slash.
            response.Redirect($"{context.Request.PathBase}{Path}/{context.Request.QueryString}");
            return;
        }

        var name = string.IsNullOrEmpty(file) ? "index.html" : file;
        var fullPath = System.IO.Path.Combine(folder, name);
        if (!Files.TryGetValue(name, out var contentType) || !File.Exists(fullPath))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        response.ContentType = contentType;
        response.Headers.CacheControl = "no-cache";
        await response.SendFileAsync(fullPath, context.RequestAborted);
    }
}
