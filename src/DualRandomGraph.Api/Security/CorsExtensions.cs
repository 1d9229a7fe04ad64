using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.Api.Security;

/// <summary>Bound from <c>Cors</c>: which browser origins (partners' web pages) may call the API. None by default.</summary>
public sealed class PartnerCorsOptions
{
    public const string Section = "Cors";

    /// <summary>Origins such as <c>https://credit.example.gov.cn</c>; <c>*</c> allows any origin.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may cache the answer to a preflight request.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);
}

public static class CorsExtensions
{
    /// <summary>
    /// The default CORS policy: the configured origins may send GET and POST with any header and read
    /// <c>Retry-After</c> and <c>WWW-Authenticate</c>. Credentials (cookies) are never allowed: the API takes bearer
    /// tokens, which a page must add itself, so even <c>*</c> lets no page act with a user's ambient credentials.
    /// </summary>
    public static IHostApplicationBuilder AddPartnerCors(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PartnerCorsOptions>()
            .BindConfiguration(PartnerCorsOptions.Section)
            .Validate(o => o.AllowedOrigins.All(origin => origin == "*" || IsOrigin(origin)),
                $"{PartnerCorsOptions.Section}:AllowedOrigins must hold origins (scheme://host[:port], no path) or '*'.")
            .ValidateOnStart();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<PartnerCorsOptions>>((cors, partners) =>
        {
            var settings = partners.Value;
            cors.AddDefaultPolicy(policy =>
            {
                if (settings.AllowedOrigins.Contains("*"))
                {
                    policy.AllowAnyOrigin();
                }
                else
                {
                    policy.WithOrigins(settings.AllowedOrigins);
                }

                policy.WithMethods(HttpMethods.Get, HttpMethods.Post)
                    .AllowAnyHeader()
                    .WithExposedHeaders("Retry-After", "WWW-Authenticate")
                    .SetPreflightMaxAge(settings.PreflightMaxAge);
            });
        });
        return builder;
    }

    private static bool IsOrigin(string origin)
        => Uri.TryCreate(origin, UriKind.Absolute, out var uri)
           && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
           && uri.GetLeftPart(UriPartial.Authority) == origin.TrimEnd('/');
}
