using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DualRandomGraph.Api.Security;

namespace DualRandomGraph.Api.Tests.Security;

/// <summary>
/// JWTs assembled by hand, header, payload and signature, so that a test can produce exactly the token an attacker
/// would (no library quietly adding an <c>exp</c> or refusing <c>alg: none</c>).
/// </summary>
internal static class TestTokens
{
    public static string Create(Dictionary<string, object?> header, Dictionary<string, object?> payload, Func<byte[], byte[]>? sign)
    {
        var signingInput = Segment(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Segment(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = sign is null ? "" : Segment(sign(Encoding.ASCII.GetBytes(signingInput)));
        return signingInput + "." + signature;
    }

    public static Dictionary<string, object?> Header(string alg) => new() { ["alg"] = alg, ["typ"] = "JWT" };

    /// <summary>What the server accepts: its issuer and audience, a subject, the admin role, valid from ten minutes ago for an hour.</summary>
    public static Dictionary<string, object?> Payload(JwtOptions jwt)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new()
        {
            ["sub"] = "jwt-test",
            ["iss"] = jwt.Issuer,
            ["aud"] = jwt.Audience,
            ["iat"] = now - 600,
            ["nbf"] = now - 600,
            ["exp"] = now + 3600,
            [jwt.RoleClaim] = Roles.Admin,
        };
    }

    public static long SecondsFromNow(int seconds) => DateTimeOffset.UtcNow.ToUnixTimeSeconds() + seconds;

    public static Func<byte[], byte[]> Hmac(string key, HashAlgorithmName hash) => data =>
    {
        var secret = Encoding.UTF8.GetBytes(key);
        return hash == HashAlgorithmName.SHA512 ? HMACSHA512.HashData(secret, data)
            : hash == HashAlgorithmName.SHA384 ? HMACSHA384.HashData(secret, data)
            : HMACSHA256.HashData(secret, data);
    };

    public static string Segment(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
