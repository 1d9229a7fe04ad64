using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DualRandomGraph.LoadBenchmarks;

/// <summary>
/// Counts the SQL statements EF Core sends, from its diagnostic listener, so that nothing in the product's
/// registration has to change; optionally keeps their text.
/// </summary>
internal sealed class SqlCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private long _count;

    public SqlCounter() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public long Count => Interlocked.Read(ref _count);

    /// <summary>The statements' text while <see cref="Capture"/> is on.</summary>
    public ConcurrentQueue<string> Statements { get; } = new();

    public bool Capture { get; set; }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        Interlocked.Increment(ref _count);
        if (Capture && value.Value is CommandEventData data)
        {
            Statements.Enqueue(data.Command.CommandText);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
