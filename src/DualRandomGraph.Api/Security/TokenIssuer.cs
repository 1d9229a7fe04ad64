using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DualRandomGraph.Api.Security;

/// <summary>Mints HS256 tokens with the configured key: the <c>token</c> command for development, and the tests.</summary>
public static class TokenIssuer
{
    public static string Issue(JwtOptions options, string subject, IEnumerable<string> roles, TimeSpan lifetime, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(options.SigningKey))
        {
            throw new InvalidOperationException("Tokens can be minted only with a configured SigningKey.");
        }

        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(role => new Claim(options.RoleClaim, role)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.UtcDateTime,
            IssuedAt = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(AuthenticationExtensions.SigningKey(options.SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
