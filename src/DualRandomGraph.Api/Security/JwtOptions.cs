namespace DualRandomGraph.Api.Security;

/// <summary>Bound from <c>Authentication:Jwt</c>. Either a symmetric <see cref="SigningKey"/> or an OpenID <see cref="Authority"/>.</summary>
public sealed class JwtOptions
{
    public const string Section = "Authentication:Jwt";

    /// <summary>The key that appsettings.Development.json ships with; the server refuses it outside Development.</summary>
    public const string DevelopmentSigningKey = "dev-only-signing-key-DualRandomGraph-0123456789abcdef";

    public string Issuer { get; set; } = "dualrandomgraph";

    public string Audience { get; set; } = "dualrandomgraph-api";

    /// <summary>HMAC-SHA256 key, at least 32 bytes of UTF-8. Leave empty when <see cref="Authority"/> is set.</summary>
    public string? SigningKey { get; set; }

    /// <summary>An OpenID Connect issuer whose published keys sign the tokens.</summary>
    public string? Authority { get; set; }

    /// <summary>The claim that carries roles.</summary>
    public string RoleClaim { get; set; } = "role";
}
