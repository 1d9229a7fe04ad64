using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace DualRandomGraph.GraphQL.WebSockets;

/// <summary>
/// Decides who the user of a socket is from its <c>connection_init</c> payload. Browsers cannot set headers
/// on a WebSocket upgrade, so a token travels in that payload instead. Replace the default
/// (<see cref="BearerTokenWebSocketAuthenticator"/>) by registering another implementation.
/// </summary>
public interface IWebSocketAuthenticator
{
    /// <summary>
    /// Returns <see cref="AuthenticateResult.Success"/> with the socket's user, <see cref="AuthenticateResult.NoResult"/>
    /// when the payload carries no credentials (the upgrade request's own user then applies), or a failure, which
    /// closes the socket with 4403. A ticket's <see cref="AuthenticationProperties.ExpiresUtc"/> closes the socket
    /// with 4403 when it passes.
    /// </summary>
    /// <param name="upgradeRequest">The HTTP request that opened the socket.</param>
    /// <param name="payload">The <c>connection_init</c> payload, an object, or null when the client sent none; valid during the call only.</param>
    /// <param name="cancellationToken">Cancelled when the socket goes away.</param>
    Task<AuthenticateResult> AuthenticateAsync(HttpContext upgradeRequest, JsonElement? payload, CancellationToken cancellationToken);
}
