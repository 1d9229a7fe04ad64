using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;

namespace DualRandomGraph.Api;

/// <summary>
/// The server's services and request pipeline, in one place for <c>Program.cs</c> and for hosts that compose the
/// same server around it (the load benchmarks add an endpoint beside it).
/// </summary>
public static class AppComposition
{
    public static IHostApplicationBuilder AddApp(this IHostApplicationBuilder builder)
    {
        builder.AddAppDatabase();
        builder.AddAppAuthentication();
        builder.AddAppRateLimiting();
        builder.AddPartnerCors();
        builder.AddSecurityHeaders();
        builder.AddAppGraphQL();
        return builder;
    }

    public static WebApplication UseApp(this WebApplication app)
    {
        // Order matters: headers on every response; CORS answers preflights before anything asks for a token; the rate
        // limiter partitions by the authenticated subject; a rejected token is refused only once the limiter has counted it.
        app.UseSecurityHeaders();
        app.UseCors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseInvalidTokenRejection();
        app.UseAuthorization();
        app.MapAppGraphQL();
        return app;
    }
}
