using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using DualRandomGraph.GraphQL.Auditing;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.GraphQL.Http;

/// <summary>
/// Idempotency keys on mutations (after Stripe's <c>Idempotency-Key</c> and the IETF draft of that header): the first
/// request with a key executes and its response is stored under (caller, key) with a hash of the request; a retry of
/// the same request gets the stored response without executing again; the same key with another request is refused
/// (422), and so is a retry while the first is still executing (409). The store's unique (caller, key) decides which
/// of two concurrent requests executes, across server processes too. Queries ignore keys.
/// <para>
/// A GraphQL.NET execution step: it runs after the document cache and the request limits, so it sees the parsed
/// document and can tell a mutation from a query, and before validation, so a request refused by validation frees its
/// key again (nothing ran). The HTTP middleware reads the keys, stores the serialised response and writes replays.
/// </para>
/// </summary>
public sealed partial class IdempotentExecution(
    IIdempotencyStore store,
    IOptions<IdempotencyOptions> options,
    IDocumentBuilder documentBuilder,
    TimeProvider clock,
    ILogger<IdempotentExecution> logger) : IConfigureExecution
{
    private static readonly JsonSerializerOptions ReplayJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly IdempotencyOptions _options = options.Value;
    private long _nextPurgeTicks;

    /// <summary>After the document cache (200) and the request limits (300): the document is parsed and measured.</summary>
    public float SortOrder => 400;

    internal IdempotencyOptions Options => _options;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (!options.UserContext.TryGetValue(IdempotentRequest.ContextKey, out var value) || value is not IdempotentRequest request)
            return await next(options).ConfigureAwait(false);

        if (options.Document is null && options.Query is { } query)
        {
            try
            {
                options.Document = documentBuilder.Build(query);
            }
            catch (GraphQLParserException)
            {
                // Nothing to claim: the executer parses again and reports the error its usual way.
                return await next(options).ConfigureAwait(false);
            }
        }

        if (options.Document is null || SelectedOperation(options.Document, options.OperationName)?.Operation != OperationType.Mutation)
            return await next(options).ConfigureAwait(false);

        if (Subject(options.User) is not { } subject)
        {
            return new ExecutionResult(new HttpRequestError(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.IdempotencyKeyNotAllowed,
                "An idempotency key can be used only by an authenticated caller; send the request without it, or with a token."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var claim = new IdempotencyClaim(subject, request.Key, RequestHash(options), Guid.NewGuid(), now, now + _options.Expiration);
        var cancellationToken = options.CancellationToken;
        var (claimed, existing) = await ClaimAsync(claim, cancellationToken).ConfigureAwait(false);
        if (!claimed)
            return Refuse(request, claim, existing);

        request.Claim = claim;
        await PurgeIfDueAsync(now, cancellationToken).ConfigureAwait(false);
        ExecutionResult result;
        try
        {
            result = await next(options).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A timeout: what ran may have been saved, so the claim stays and the middleware stores the timeout's answer.
            throw;
        }
        catch
        {
            await ReleaseAsync(request).ConfigureAwait(false);
            throw;
        }

        // Refused before execution (variables, validation): nothing ran, so the corrected request may use the key.
        if (!result.Executed)
            await ReleaseAsync(request).ConfigureAwait(false);
        return result;
    }

    /// <summary>Stores the answer of the execution <paramref name="request"/> claimed; the client's leaving does not stop it.</summary>
    internal Task CompleteAsync(IdempotentRequest request, IdempotentResponse response)
        => request.Claim is { } claim ? store.CompleteAsync(claim, response, CancellationToken.None) : Task.CompletedTask;

    /// <summary>The stored body, marked as a replay in <c>extensions</c>.</summary>
    internal static string ReplayBody(IdempotentResponse response)
    {
        if (JsonNode.Parse(response.Body) is not JsonObject body)
            return response.Body;
        if (body["extensions"] is not JsonObject extensions)
            body["extensions"] = extensions = [];
        extensions[IdempotencyKeys.ReplayedExtensionName] = true;
        return body.ToJsonString(ReplayJson);
    }

    /// <summary>
    /// Inserts the claim; when the key is taken, reads its record and takes it over if it expired or was abandoned.
    /// Every step is one atomic write in the store, so two processes never both win.
    /// </summary>
    private async Task<(bool Claimed, IdempotencyEntry? Existing)> ClaimAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        IdempotencyEntry? existing = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await store.TryClaimAsync(claim, cancellationToken).ConfigureAwait(false))
                return (true, null);

            existing = await store.FindAsync(claim.Subject, claim.Key, cancellationToken).ConfigureAwait(false);
            if (existing is null)
                continue; // released or purged in between: insert again

            var abandoned = existing.Response is null && existing.ClaimedAt + _options.PendingTimeout <= claim.ClaimedAt;
            if (existing.ExpiresAt > claim.ClaimedAt && !abandoned)
                return (false, existing);
            if (await store.TryReclaimAsync(claim, existing.Owner, cancellationToken).ConfigureAwait(false))
                return (true, null);
        }

        // Three rounds lost to other requests with the same key: one of them is executing.
        return (false, existing);
    }

    private static ExecutionResult Refuse(IdempotentRequest request, IdempotencyClaim claim, IdempotencyEntry? existing)
    {
        if (existing is not null && !string.Equals(existing.RequestHash, claim.RequestHash, StringComparison.Ordinal))
        {
            return new ExecutionResult(new HttpRequestError(StatusCodes.Status422UnprocessableEntity, GraphQLHttpErrorCodes.IdempotencyKeyReused,
                "This idempotency key was used with a different request (query, operation name or variables). A new request needs a new key."));
        }

        if (existing?.Response is { } response)
        {
            request.Replay = response;
            return new ExecutionResult { Executed = true };
        }

        return new ExecutionResult(new HttpRequestError(StatusCodes.Status409Conflict, GraphQLHttpErrorCodes.IdempotencyKeyInProgress,
            "The first request with this idempotency key is still executing; send the retry again once it has answered."));
    }

    private async Task ReleaseAsync(IdempotentRequest request)
    {
        if (request.Claim is { } claim)
        {
            request.Claim = null;
            await store.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Expired records go at most once an hour per process, on the way of a new claim.</summary>
    private async Task PurgeIfDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref _nextPurgeTicks);
        if (now.Ticks < due || Interlocked.CompareExchange(ref _nextPurgeTicks, now.AddHours(1).Ticks, due) != due)
            return;

        try
        {
            var purged = await store.PurgeExpiredAsync(now, cancellationToken).ConfigureAwait(false);
            LogPurged(purged);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Old records only take space; the request in hand must not fail for them.
            LogPurgeFailed(ex);
        }
    }

    /// <summary>Query text, operation name and canonical variables: a retry sends the same, another request does not.</summary>
    private static string RequestHash(ExecutionOptions options)
    {
        var text = JsonSerializer.Serialize(new[] { options.Query ?? "", options.OperationName ?? "", CanonicalArguments.Json(options.Variables) });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string? Subject(ClaimsPrincipal? user)
        => user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;

    private static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>();
        return string.IsNullOrEmpty(operationName)
            ? operations.Take(2).Count() == 1 ? operations.First() : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} expired idempotency records.")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired idempotency records failed.")]
    private partial void LogPurgeFailed(Exception exception);
}

/// <summary>One request's key and what became of it, handed from the middleware to the execution step and back.</summary>
internal sealed class IdempotentRequest(string key)
{
    public const string ContextKey = "DualRandomGraph.Idempotency";

    public string Key { get; } = key;

    /// <summary>Set when this request owns the key and executed: its answer is to be stored.</summary>
    public IdempotencyClaim? Claim { get; set; }

    /// <summary>Set when a stored answer is to be replayed instead.</summary>
    public IdempotentResponse? Replay { get; set; }
}
