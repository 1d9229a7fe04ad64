using DualRandomGraph.GraphQL.Http;

namespace DualRandomGraph.GraphQL.Tests.Http;

/// <summary>
/// The store contract held in memory, each operation atomic under one lock as a database statement is: enough to test
/// the mechanism without a database (the API's EF store is tested through the real endpoint).
/// </summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Subject, string Key), (IdempotencyClaim Claim, IdempotentResponse? Response)> _records = [];

    public int Count
    {
        get
        {
            lock (_lock)
                return _records.Count;
        }
    }

    /// <summary>Puts a record in place as another server would have left it.</summary>
    public void Seed(IdempotencyClaim claim, IdempotentResponse? response = null)
    {
        lock (_lock)
            _records[(claim.Subject, claim.Key)] = (claim, response);
    }

    public Task<bool> TryClaimAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult(_records.TryAdd((claim.Subject, claim.Key), (claim, null)));
    }

    public Task<IdempotencyEntry?> FindAsync(string subject, string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_records.TryGetValue((subject, key), out var record)
                ? new IdempotencyEntry(record.Claim.RequestHash, record.Claim.Owner, record.Claim.ClaimedAt, record.Claim.ExpiresAt, record.Response)
                : null);
        }
    }

    public Task<bool> TryReclaimAsync(IdempotencyClaim claim, Guid previousOwner, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_records.TryGetValue((claim.Subject, claim.Key), out var record) || record.Claim.Owner != previousOwner)
                return Task.FromResult(false);
            _records[(claim.Subject, claim.Key)] = (claim, null);
            return Task.FromResult(true);
        }
    }

    public Task CompleteAsync(IdempotencyClaim claim, IdempotentResponse response, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_records.TryGetValue((claim.Subject, claim.Key), out var record) && record.Claim.Owner == claim.Owner)
                _records[(claim.Subject, claim.Key)] = (record.Claim, response);
        }

        return Task.CompletedTask;
    }

    public Task ReleaseAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_records.TryGetValue((claim.Subject, claim.Key), out var record) && record.Claim.Owner == claim.Owner && record.Response is null)
                _records.Remove((claim.Subject, claim.Key));
        }

        return Task.CompletedTask;
    }

    public Task<int> PurgeExpiredAsync(DateTime now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var expired = _records.Where(r => r.Value.Claim.ExpiresAt <= now).Select(r => r.Key).ToList();
            expired.ForEach(key => _records.Remove(key));
            return Task.FromResult(expired.Count);
        }
    }
}

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
