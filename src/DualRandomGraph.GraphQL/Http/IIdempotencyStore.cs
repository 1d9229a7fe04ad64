namespace DualRandomGraph.GraphQL.Http;

/// <summary>
/// Where idempotency keys and the responses they protect are kept; the application implements it (it owns the
/// storage). Several server processes share one store, so every decision is the store's own atomic write: the
/// insert that the unique (subject, key) constraint lets through, or an update conditional on the current owner.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Inserts <paramref name="claim"/> as pending; false when the store already holds its (subject, key).</summary>
    Task<bool> TryClaimAsync(IdempotencyClaim claim, CancellationToken cancellationToken);

    /// <summary>The record of (subject, key), or null.</summary>
    Task<IdempotencyEntry?> FindAsync(string subject, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the record of (subject, key) with a pending <paramref name="claim"/> if it is still owned by
    /// <paramref name="previousOwner"/> (it expired, or its execution was abandoned); false when another request got there first.
    /// </summary>
    Task<bool> TryReclaimAsync(IdempotencyClaim claim, Guid previousOwner, CancellationToken cancellationToken);

    /// <summary>Stores the response of the execution <paramref name="claim"/> owns.</summary>
    Task CompleteAsync(IdempotencyClaim claim, IdempotentResponse response, CancellationToken cancellationToken);

    /// <summary>Removes the pending record <paramref name="claim"/> owns: nothing was executed, so the key is free again.</summary>
    Task ReleaseAsync(IdempotencyClaim claim, CancellationToken cancellationToken);

    /// <summary>Removes the records that expired by <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTime now, CancellationToken cancellationToken);
}

/// <summary>One execution's claim on a key.</summary>
/// <param name="Subject">The authenticated caller: keys are per caller, so no one can replay another's response.</param>
/// <param name="Key">The client's <c>Idempotency-Key</c>.</param>
/// <param name="RequestHash">SHA-256 (hex) of the request: query, operation name and canonical variables.</param>
/// <param name="Owner">Identifies this execution, so that only it can complete or release the record.</param>
/// <param name="ClaimedAt">UTC.</param>
/// <param name="ExpiresAt">UTC; from then on the key is free.</param>
public sealed record IdempotencyClaim(string Subject, string Key, string RequestHash, Guid Owner, DateTime ClaimedAt, DateTime ExpiresAt);

/// <summary>A stored record: pending while <see cref="Response"/> is null.</summary>
public sealed record IdempotencyEntry(string RequestHash, Guid Owner, DateTime ClaimedAt, DateTime ExpiresAt, IdempotentResponse? Response);

/// <summary>The first execution's answer: its status under <c>application/graphql-response+json</c> and its JSON body.</summary>
public sealed record IdempotentResponse(int StatusCode, string Body);
