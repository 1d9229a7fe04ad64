using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Net.Http.Headers;

namespace DualRandomGraph.Api.Security;

public static class SecurityHeadersExtensions
{
    /// <summary>Kestrel stops naming itself in a <c>Server</c> header: nothing a client needs, something a scanner likes.</summary>
    public static IHostApplicationBuilder AddSecurityHeaders(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    /// <summary>
    /// Headers every response gets unless its handler set its own (the IDE sets a stricter set with its CSP):
    /// <c>X-Content-Type-Options: nosniff</c> so a browser never reads JSON as script or HTML, and
    /// <c>Referrer-Policy: no-referrer</c>. A response to a request that carried credentials is marked
    /// <c>Cache-Control: no-store</c>, since it may hold lists that must stay confidential until the inspection.
    /// Set on starting, so a response that is cleared and rewritten after a failure still carries them.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
        => app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.TryAdd(HeaderNames.XContentTypeOptions, "nosniff");
                headers.TryAdd("Referrer-Policy", "no-referrer");
                if (context.Request.Headers.ContainsKey(HeaderNames.Authorization))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
