namespace DualRandomGraph.GraphQL.WebSockets;

/// <summary>
/// One operation of a socket, from its <c>subscribe</c> until it ends, whichever way: its result or stream
/// completed or failed, the client sent <c>complete</c>, or the socket went away. Ending is idempotent, and
/// only the first way to end it may send a final message.
/// </summary>
internal sealed class GraphQLWsOperation : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private bool _endedByCall;
    private bool _cancelling;
    private bool _disposed;

    public GraphQLWsOperation(string id, CancellationToken connectionEnded)
    {
        Id = id;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(connectionEnded);
        // Kept: a disposed source no longer hands out its token.
        Token = _cancellation.Token;
        Token.UnsafeRegister(static state => ((TaskCompletionSource)state!).TrySetResult(), _ended);
    }

    public string Id { get; }

    /// <summary>Cancelled when the operation ends, whichever way.</summary>
    public CancellationToken Token { get; }

    /// <summary>Completes when the operation ends, whichever way.</summary>
    public Task Ended => _ended.Task;

    public bool IsEnded => _ended.Task.IsCompleted;

    /// <summary>Ends the operation; true only for the caller that actually ended it (not after the socket went away).</summary>
    public bool TryEnd()
    {
        lock (_gate)
        {
            if (_endedByCall || _disposed || _cancellation.IsCancellationRequested)
                return false;
            _endedByCall = true;
            _cancelling = true;
        }

        // Outside the lock: cancellation callbacks may run other code inline, this operation's disposal included.
        try
        {
            _cancellation.Cancel();
        }
        finally
        {
            lock (_gate)
            {
                _cancelling = false;
                if (_disposed)
                    _cancellation.Dispose();
            }
        }

        return true;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            // A disposal that arrives while TryEnd is cancelling is finished by TryEnd.
            if (!_cancelling)
                _cancellation.Dispose();
        }
    }
}
