using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace DualRandomGraph.Api.Security;

public static class AuthenticationExtensions
{
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
            options.MapInboundClaims = false;
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
                ClockSkew = TimeSpan.FromMinutes(1),
                RoleClaimType = jwt.RoleClaim,
                NameClaimType = "sub",
            };
            if (signingKey is not null)
            {
                options.TokenValidationParameters.IssuerSigningKey = signingKey;
                options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }
        });
        builder.Services.AddAuthorization();
        return builder;
    }

    public static SymmetricSecurityKey SigningKey(string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        return bytes.Length >= 32
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException($"{JwtOptions.Section}:SigningKey must be at least 32 bytes long.");
    }
}
