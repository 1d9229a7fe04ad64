using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.GraphQL.WebSockets;

/// <summary>
/// Takes a bearer token from the <c>connection_init</c> payload, <c>{ "Authorization": "Bearer …" }</c> or
/// <c>{ "authToken": "…" }</c> (names compared without case), and has the host's own authentication scheme
/// validate it as if it had come in an Authorization header. The JWT bearer handler thus applies every setting
/// the host gave it (keys, issuer, audience, lifetime, claim mapping, events) and this project needs no JWT code.
/// </summary>
public sealed class BearerTokenWebSocketAuthenticator(IServiceScopeFactory scopeFactory, IOptions<GraphQLWebSocketOptions> options)
    : IWebSocketAuthenticator
{
    private const string BearerPrefix = "Bearer ";

    public async Task<AuthenticateResult> AuthenticateAsync(HttpContext upgradeRequest, JsonElement? payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upgradeRequest);
        var token = ReadToken(payload, out var problem);
        if (problem is not null)
            return AuthenticateResult.Fail(problem);
        if (token is null)
            return AuthenticateResult.NoResult();

        // A scope of its own: ASP.NET Core caches an authentication handler, and its result, per scope and
        // request, so reusing the upgrade request's scope would answer with the upgrade request's headers.
        await using var scope = scopeFactory.CreateAsyncScope();
        var synthetic = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = cancellationToken };
        synthetic.Request.Scheme = upgradeRequest.Request.Scheme;
        synthetic.Request.Host = upgradeRequest.Request.Host;
        synthetic.Request.PathBase = upgradeRequest.Request.PathBase;
        synthetic.Request.Path = upgradeRequest.Request.Path;
        synthetic.Connection.RemoteIpAddress = upgradeRequest.Connection.RemoteIpAddress;
        synthetic.Request.Headers.Authorization = BearerPrefix + token;

        var result = await synthetic.AuthenticateAsync(options.Value.AuthenticationScheme);
        return result.Succeeded || result.Failure is not null ? result : AuthenticateResult.Fail("The token was not accepted.");
    }

    private static string? ReadToken(JsonElement? payload, out string? problem)
    {
        problem = null;
        if (payload is not { ValueKind: JsonValueKind.Object } body)
            return null;

        foreach (var property in body.EnumerateObject())
        {
            var isHeader = property.Name.Equals("Authorization", StringComparison.OrdinalIgnoreCase);
            var isToken = !isHeader && property.Name.Equals("authToken", StringComparison.OrdinalIgnoreCase);
            if (!isHeader && !isToken)
                continue;

            var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()!.Trim() : null;
            var hasPrefix = value is not null && value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);
            if (isHeader && !hasPrefix)
            {
                problem = $"'{property.Name}' must be a string of the form 'Bearer <token>'.";
                return null;
            }

            var token = hasPrefix ? value![BearerPrefix.Length..].Trim() : value;
            if (string.IsNullOrEmpty(token))
                problem = $"'{property.Name}' must be a non-empty string.";
            return token;
        }

        return null;
    }
}
