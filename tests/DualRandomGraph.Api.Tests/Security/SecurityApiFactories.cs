using System.Net;
using DualRandomGraph.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.Api.Tests.Security;

/// <summary>
/// The real server with a few settings changed for one test class, and the client's address taken from the
/// <c>X-Test-Remote-Address</c> header (the in-memory test server has none), so that tests can be several callers.
/// </summary>
public abstract class SecurityApiFactory(string environment, params (string Key, string? Value)[] settings) : ApiFactory
{
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => settings.Select(s => KeyValuePair.Create(s.Key, s.Value));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, RemoteAddressFromHeader>());
    }

    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(RemoteAddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class RateLimitedApiFactory() : SecurityApiFactory("Testing", ("RateLimiting:PermitLimit", "3"), ("RateLimiting:Window", "01:00:00"));

public sealed class UnlimitedApiFactory() : SecurityApiFactory("Testing", ("RateLimiting:Enabled", "false"), ("RateLimiting:PermitLimit", "1"));

public sealed class PartnerCorsApiFactory() : SecurityApiFactory("Testing", ("Cors:AllowedOrigins:0", "https://credit.partner.example"), ("Cors:AllowedOrigins:1", "http://localhost:3000"));

public sealed class AnyOriginApiFactory() : SecurityApiFactory("Testing", ("Cors:AllowedOrigins:0", "*"));

public sealed class ProductionApiFactory() : SecurityApiFactory("Production");

public sealed class DevelopmentApiFactory() : SecurityApiFactory("Development");
