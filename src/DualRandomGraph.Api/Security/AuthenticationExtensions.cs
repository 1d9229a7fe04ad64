using System.Text;
using DualRandomGraph.GraphQL.Authorization;
using DualRandomGraph.GraphQL.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace DualRandomGraph.Api.Security;

public static class AuthenticationExtensions
{
    /// <summary>The claim every token must carry: who the caller is, for rate limiting now and the audit trail later.</summary>
    public const string SubjectClaim = "sub";

    /// <summary>
    /// With an OpenID <see cref="JwtOptions.Authority"/> only asymmetric signatures are accepted, so that a token signed
    /// with HMAC over the authority's public key (the classic algorithm confusion) is refused before any key is tried.
    /// </summary>
    private static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    /// <summary>JWT bearer authentication as configured in <c>Authentication:Jwt</c>, plus ASP.NET Core authorization.</summary>
    public static IHostApplicationBuilder AddAppAuthentication(this IHostApplicationBuilder builder)
    {
        var jwt = builder.Configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        if (string.IsNullOrEmpty(jwt.Authority) && string.IsNullOrEmpty(jwt.SigningKey))
        {
            throw new InvalidOperationException($"Configure {JwtOptions.Section}:SigningKey or {JwtOptions.Section}:Authority.");
        }

        if (jwt.SigningKey == JwtOptions.DevelopmentSigningKey && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"The development signing key is configured in the {builder.Environment.EnvironmentName} environment. Set {JwtOptions.Section}:SigningKey to a secret of your own.");
        }

        // Checked now, not when the bearer options are first built: a short key must stop the server from starting.
        var signingKey = string.IsNullOrEmpty(jwt.SigningKey) ? null : SigningKey(jwt.SigningKey);
        builder.Services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false; // claim names stay as issued: only "role" carries roles, never "roles" or a Microsoft URI
            options.Authority = string.IsNullOrEmpty(jwt.Authority) ? null : jwt.Authority;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = jwt.Issuer,
                ValidAudience = jwt.Audience,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                // IdentityModel reads the system clock here (its TimeProvider hook is not public), so the tests
                // place exp and nbf relative to now with margins far wider than a test's run time.
                ClockSkew = TimeSpan.FromMinutes(1),
                RoleClaimType = jwt.RoleClaim,
                NameClaimType = SubjectClaim,
                ValidAlgorithms = string.IsNullOrEmpty(jwt.SigningKey) ? AsymmetricAlgorithms : [SecurityAlgorithms.HmacSha256],
            };
            if (signingKey is not null)
            {
                options.TokenValidationParameters.IssuerSigningKey = signingKey;
            }

            options.Events = new JwtBearerEvents
            {
                OnTokenValidated = RequireSubject,
                OnChallenge = WriteChallengeAsync,
            };
        });

        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>
    /// A request that presents a bearer token the server rejects (expired, forged, for another audience...) is answered
    /// 401 with <c>WWW-Authenticate: Bearer error="invalid_token"</c> (RFC 6750 §3.1) and not executed at all, not even
    /// its public fields: running it anonymously would hide from the client that its credentials no longer work.
    /// A request with no token is anonymous as before. Place after <c>UseAuthentication</c> and the rate limiter.
    /// </summary>
    public static IApplicationBuilder UseInvalidTokenRejection(this IApplicationBuilder app)
        => app.Use(async (context, next) =>
        {
            // Served from the handler's per-request cache: the token is validated once.
            var result = await context.AuthenticateAsync();
            if (result.Failure is not null)
            {
                await context.ChallengeAsync();
                return;
            }

            await next(context);
        });

    public static SymmetricSecurityKey SigningKey(string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        return bytes.Length >= 32
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException($"{JwtOptions.Section}:SigningKey must be at least 32 bytes long.");
    }

    private static Task RequireSubject(TokenValidatedContext context)
    {
        if (string.IsNullOrWhiteSpace(context.Principal?.FindFirst(SubjectClaim)?.Value))
        {
            context.Fail($"The token has no '{SubjectClaim}' claim.");
        }

        return Task.CompletedTask;
    }

    private static Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        // The handler describes IdentityModel's failures; ours (no subject) it leaves blank, so its message stands in.
        var description = context.ErrorDescription is { Length: > 0 } text ? HeaderSafe(text)
            : context.AuthenticateFailure is AuthenticationFailureException own ? HeaderSafe(own.Message)
            : null;
        context.Response.Headers.WWWAuthenticate = (context.Error, description) switch
        {
            (null, _) => "Bearer",
            (var error, null) => $"Bearer error=\"{error}\"",
            var (error, detail) => $"Bearer error=\"{error}\", error_description=\"{detail}\"",
        };
        var message = context.AuthenticateFailure is null
            ? "A bearer token is required."
            : $"The bearer token was rejected{(description is null ? "" : ": " + description)}. Send a valid token, or none to act anonymously.";
        return GraphQLErrorResponse.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized,
            AuthorizationErrorCodes.NotAuthenticated, message, cancellationToken: context.HttpContext.RequestAborted);
    }

    /// <summary>
    /// The handler's description can quote the token (an audience, an issuer), so it is cut to the characters RFC 6750
    /// allows in <c>error_description</c>: a quote, a backslash, a line break or a non-ASCII letter in a forged token must
    /// not break the header (Kestrel refuses such a header with an exception, which would become a 500).
    /// </summary>
    internal static string HeaderSafe(string text)
    {
        const int MaxLength = 300;
        var safe = new StringBuilder(Math.Min(text.Length, MaxLength));
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, MaxLength)))
        {
            safe.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '?');
        }

        return safe.ToString();
    }
}
