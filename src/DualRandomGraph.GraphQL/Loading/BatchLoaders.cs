using System.Collections.Concurrent;

namespace DualRandomGraph.GraphQL.Loading;

/// <summary>The batch loaders of one request (a scoped service), one per name: fields resolve in parallel, so they share.</summary>
public sealed class BatchLoaders
{
    private readonly ConcurrentDictionary<object, object> _loaders = new();

    /// <summary>The request's loader under <paramref name="name"/>, created with <paramref name="load"/> on first use.</summary>
    public BatchLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        object name, Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> load)
        where TKey : notnull
        where TValue : class
        => (BatchLoader<TKey, TValue>)_loaders.GetOrAdd(name, _ => new BatchLoader<TKey, TValue>(load));
}
