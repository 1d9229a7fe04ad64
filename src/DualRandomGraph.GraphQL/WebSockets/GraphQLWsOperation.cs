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
    private bool _disposed;

    public GraphQLWsOperation(string id, CancellationToken connectionEnded)
    {
        Id = id;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(connectionEnded);
        _cancellation.Token.UnsafeRegister(static state => ((TaskCompletionSource)state!).TrySetResult(), _ended);
    }

    public string Id { get; }

    /// <summary>Cancelled when the operation ends, whichever way.</summary>
    public CancellationToken Token => _cancellation.Token;

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
            _cancellation.Cancel();
            return true;
        }
    }

    public void Dispose()
    {
        // Under the lock: an observer racing the disposal must not cancel a disposed source.
        lock (_gate)
        {
            _disposed = true;
            _cancellation.Dispose();
        }
    }
}
