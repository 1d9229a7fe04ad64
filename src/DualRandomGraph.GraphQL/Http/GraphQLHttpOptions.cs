namespace DualRandomGraph.GraphQL.Http;

/// <summary>Settings of the GraphQL-over-HTTP endpoint, bound from <c>GraphQL:Http</c>.</summary>
public sealed class GraphQLHttpOptions
{
    public const string SectionName = "GraphQL:Http";

    /// <summary>Largest accepted POST body in bytes; a larger one is answered with 413.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>Whether a POST body may be a JSON array of requests.</summary>
    public bool EnableBatching { get; set; } = true;

    /// <summary>Most requests one batch may hold.</summary>
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>
    /// How long one HTTP request (a whole batch included) may execute before it is cancelled and
    /// answered with an <c>EXECUTION_TIMEOUT</c> error. <see cref="TimeSpan.Zero"/> disables the limit.
    /// </summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Where a browser that navigates to the endpoint is redirected (302), e.g. <c>/graphql/</c> where
    /// the IDE is served. Unset, such a navigation is answered with 406 and a short text.
    /// </summary>
    public string? IdePath { get; set; }
}
