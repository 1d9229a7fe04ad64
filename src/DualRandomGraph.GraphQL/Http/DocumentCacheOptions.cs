namespace DualRandomGraph.GraphQL.Http;

/// <summary>Bounds of <see cref="GraphQLDocumentCache"/>, bound from <c>GraphQL:DocumentCache</c>.</summary>
public sealed class DocumentCacheOptions
{
    public const string SectionName = "GraphQL:DocumentCache";

    /// <summary>
    /// Total length, in characters, of the query texts whose parsed documents are kept. A parsed
    /// document takes roughly ten times its text, so the default of one million holds some 10-20 MB.
    /// </summary>
    public long MaxTotalQueryLength { get; set; } = 1_000_000;

    /// <summary>A document unused for this long is dropped; <c>null</c> keeps it until the cache is full.</summary>
    public TimeSpan? SlidingExpiration { get; set; }
}
