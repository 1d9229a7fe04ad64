using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.GraphQL.Http;

/// <summary>
/// Keeps parsed documents that passed validation, so that a repeated query is neither parsed nor
/// validated again. GraphQL.NET 8 models a document cache as an <see cref="IConfigureExecution"/>
/// step; this one is bounded by the total length of the cached query texts.
/// </summary>
public sealed class GraphQLDocumentCache : IConfigureExecution, IDisposable
{
    private readonly MemoryCache _documents;
    private readonly DocumentCacheOptions _options;

    public GraphQLDocumentCache(IOptions<DocumentCacheOptions> options)
    {
        _options = options.Value;
        _documents = new MemoryCache(new MemoryCacheOptions { SizeLimit = _options.MaxTotalQueryLength });
    }

    /// <summary>The same place in the pipeline as GraphQL.NET's own caches: after option configurations (100).</summary>
    public float SortOrder => 200;

    /// <summary>Number of documents currently held.</summary>
    public int Count => _documents.Count;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        // Persisted-document ids and prebuilt documents are someone else's business.
        if (options.Document != null || options.DocumentId != null || options.Query == null || options.Schema == null)
            return await next(options).ConfigureAwait(false);

        var key = new Key(SchemaIdentity(options.Schema), options.Query);
        if (_documents.TryGetValue(key, out GraphQLDocument? cached) && cached != null)
        {
            options.Document = cached;
            // Rules that depend on the request (the HTTP method, the user) declare themselves in
            // CachedDocumentValidationRules; variables are coerced on every request regardless.
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options).ConfigureAwait(false);
        }

        var result = await next(options).ConfigureAwait(false);

        // Executed is only set once validation passed, so no invalid document is ever cached.
        if (result.Executed && result.Document != null && options.Query.Length <= _options.MaxTotalQueryLength)
        {
            _documents.Set(key, result.Document, new MemoryCacheEntryOptions
            {
                Size = Math.Max(options.Query.Length, 1),
                SlidingExpiration = _options.SlidingExpiration,
            });
        }

        return result;
    }

    public void Dispose() => _documents.Dispose();

    // A scoped code-first schema is a new instance per request, yet the same schema: key it by type.
    private static object SchemaIdentity(ISchema schema)
        => schema.GetType() == typeof(Schema) ? schema : schema.GetType();

    private sealed record Key(object Schema, string Query);
}
