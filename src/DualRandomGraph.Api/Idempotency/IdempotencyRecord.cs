namespace DualRandomGraph.Api.Idempotency;

/// <summary>
/// A mutation request's idempotency key and the response its first execution gave, so that a partner's retry is
/// answered from here instead of recording twice. Unique per (<see cref="Subject"/>, <see cref="Key"/>): the database
/// decides which of two concurrent requests with one key executes. Pending while <see cref="Response"/> is null.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; init; }

    /// <summary>The token's <c>sub</c>: keys are per caller.</summary>
    public required string Subject { get; init; }

    /// <summary>The client's <c>Idempotency-Key</c>.</summary>
    public required string Key { get; init; }

    /// <summary>SHA-256 (hex) of query, operation name and canonical variables.</summary>
    public required string RequestHash { get; set; }

    /// <summary>The execution that holds the key; only it may complete or release the record.</summary>
    public Guid Owner { get; set; }

    /// <summary>UTC.</summary>
    public DateTime ClaimedAt { get; set; }

    /// <summary>UTC; from then on the key is free and the record may be purged.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>The stored response's status under <c>application/graphql-response+json</c>.</summary>
    public int? StatusCode { get; set; }

    /// <summary>The stored response's JSON body.</summary>
    public string? Response { get; set; }
}
