namespace DualRandomGraph.GraphQL.Http;

/// <summary>Settings of idempotency keys on mutations, bound from <c>GraphQL:Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "GraphQL:Idempotency";

    /// <summary>Off, keys are read and checked for form, but every request executes as if it carried none.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a key's stored response is replayed; after that the key may be used again for anything.</summary>
    public TimeSpan Expiration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a claimed key whose execution never finished is respected before another request may claim it: the
    /// server that claimed it is then presumed dead. It must outlast <see cref="GraphQLHttpOptions.ExecutionTimeout"/>,
    /// or a slow first execution could be overtaken by its own retry.
    /// </summary>
    public TimeSpan PendingTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest accepted key, in characters (a UUID has 36).</summary>
    public int MaxKeyLength { get; set; } = 255;
}
