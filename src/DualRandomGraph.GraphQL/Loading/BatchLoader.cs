using GraphQL.DataLoader;

namespace DualRandomGraph.GraphQL.Loading;

/// <summary>
/// Collects the keys that the resolvers of one execution level ask for, then loads them all in one call when the
/// executor first awaits a result (GraphQL.NET waits on <see cref="IDataLoaderResult"/>s only after the whole
/// level has run). Keys asked for after a batch was dispatched start the next batch. One loader per request and
/// per kind of record; see <see cref="BatchLoaders"/>.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> load)
    where TKey : notnull
    where TValue : class
{
    private readonly Lock _gate = new();
    private Batch _pending = new();

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            _pending.Keys.Add(key);
            return new Result(this, _pending, key);
        }
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (batch.Loading is null)
            {
                batch.Loading = load(batch.Keys, cancellationToken);
                _pending = new Batch();
            }

            return batch.Loading;
        }
    }

    private sealed class Batch
    {
        public HashSet<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>>? Loading { get; set; }
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
            => (await loader.Dispatch(batch, cancellationToken)).GetValueOrDefault(key);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
            => await GetResultAsync(cancellationToken);
    }
}
