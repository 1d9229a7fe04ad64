using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using DualRandomGraph.Api.Schema;
using DualRandomGraph.GraphQL.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.Api.Security;

/// <summary>Bound from <c>RateLimiting</c>: a fixed window of requests per caller on the GraphQL endpoint.</summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests one caller may send in one <see cref="Window"/>.</summary>
    public int PermitLimit { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public static class RateLimitingExtensions
{
    /// <summary>The <c>extensions.code</c> of a request refused by the rate limiter (429).</summary>
    public const string RateLimitedCode = "RATE_LIMITED";

    /// <summary>
    /// ASP.NET Core's rate limiter on the GraphQL endpoint, one window per caller: the token's subject for an
    /// authenticated caller, the remote address for anyone else (an IPv6 address by its /64, which one host commonly
    /// holds whole). A refused request gets 429, <c>Retry-After</c> and a GraphQL error with code <see cref="RateLimitedCode"/>.
    /// Behind a reverse proxy, configure ASP.NET Core's forwarded headers so that the remote address is the client's.
    /// </summary>
    public static IHostApplicationBuilder AddAppRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiRateLimitOptions>()
            .BindConfiguration(ApiRateLimitOptions.Section)
            .Validate(o => o.PermitLimit > 0, "RateLimiting:PermitLimit must be positive.")
            .Validate(o => o.Window > TimeSpan.Zero, "RateLimiting:Window must be positive.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiRateLimitOptions>>((limiter, settings) =>
        {
            var limits = settings.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !limits.Enabled || !context.Request.Path.Equals(GraphQLExtensions.EndpointPath, StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.PermitLimit,
                        Window = limits.Window,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            limiter.OnRejected = (rejected, cancellationToken) => WriteRejectionAsync(rejected, limits, cancellationToken);
        });
        return builder;
    }

    internal static string PartitionKey(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(AuthenticationExtensions.SubjectClaim)?.Value is { Length: > 0 } subject)
        {
            return "sub:" + subject;
        }

        return "ip:" + (context.Connection.RemoteIpAddress is { } address ? Network(address) : "unknown");
    }

    private static string Network(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, ApiRateLimitOptions limits, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : Math.Max(1, (int)Math.Ceiling(limits.Window.TotalSeconds));
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await GraphQLErrorResponse.WriteAsync(
            rejected.HttpContext,
            StatusCodes.Status429TooManyRequests,
            RateLimitedCode,
            $"Too many requests: at most {limits.PermitLimit} per {limits.Window:c} are allowed. Retry after {seconds} seconds.",
            new Dictionary<string, object?> { ["retryAfter"] = seconds },
            cancellationToken);
    }
}
