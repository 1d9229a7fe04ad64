using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.GraphQL.WebSockets;

/// <summary>
/// The in-process <see cref="IEventStream{TEvent}"/>: each subscriber gets a bounded buffer and a loop of its own
/// that filters and delivers, so publishing is a non-blocking write per subscriber whatever the subscribers do.
/// </summary>
public sealed partial class EventStream<TEvent> : IEventStream<TEvent>
{
    private readonly int _bufferSize;
    private readonly ILogger<EventStream<TEvent>> _logger;
    private readonly Lock _gate = new();

    // Copy-on-write, so that publishing reads a snapshot without taking the lock.
    private Subscriber[] _subscribers = [];

    public EventStream(IOptions<EventStreamOptions> options, ILogger<EventStream<TEvent>> logger)
    {
        _bufferSize = options.Value.SubscriberBufferSize;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_bufferSize, nameof(EventStreamOptions.SubscriberBufferSize));
        _logger = logger;
    }

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    public ValueTask PublishAsync(TEvent @event, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var subscriber in Volatile.Read(ref _subscribers))
            subscriber.Offer(@event);
        return ValueTask.CompletedTask;
    }

    public IObservable<TEvent> Observe(Func<TEvent, CancellationToken, ValueTask<bool>>? filter = null)
        => new Observable(this, filter);

    private Subscriber Add(IObserver<TEvent> observer, Func<TEvent, CancellationToken, ValueTask<bool>>? filter)
    {
        var subscriber = new Subscriber(this, observer, filter);
        lock (_gate)
            _subscribers = [.. _subscribers, subscriber];
        subscriber.Start();
        return subscriber;
    }

    private void Remove(Subscriber subscriber)
    {
        lock (_gate)
            _subscribers = Array.FindAll(_subscribers, s => s != subscriber);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber of {EventType} fell more than {BufferSize} events behind; its oldest events are being dropped.")]
    private partial void LogSubscriberFellBehind(string eventType, int bufferSize);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering an event of {EventType} to a subscriber failed; the event was skipped for that subscriber.")]
    private partial void LogDeliveryFailed(string eventType, Exception exception);

    private sealed class Observable(EventStream<TEvent> stream, Func<TEvent, CancellationToken, ValueTask<bool>>? filter) : IObservable<TEvent>
    {
        public IDisposable Subscribe(IObserver<TEvent> observer)
        {
            ArgumentNullException.ThrowIfNull(observer);
            return stream.Add(observer, filter);
        }
    }

    private sealed class Subscriber : IDisposable
    {
        private readonly EventStream<TEvent> _stream;
        private readonly IObserver<TEvent> _observer;
        private readonly Func<TEvent, CancellationToken, ValueTask<bool>>? _filter;
        private readonly Channel<TEvent> _buffer;
        private readonly CancellationTokenSource _stopping = new();
        private int _dropped;
        private int _disposed;

        public Subscriber(EventStream<TEvent> stream, IObserver<TEvent> observer, Func<TEvent, CancellationToken, ValueTask<bool>>? filter)
        {
            _stream = stream;
            _observer = observer;
            _filter = filter;
            _buffer = Channel.CreateBounded<TEvent>(
                new BoundedChannelOptions(stream._bufferSize) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ => OnDropped());
        }

        public void Offer(TEvent @event) => _buffer.Writer.TryWrite(@event);

        // Nobody awaits the loop: it catches everything itself, so no exception goes unobserved.
        public void Start() => _ = DeliverAsync();

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
                return;
            _stream.Remove(this);
            // Cancel before completing the buffer: the loop may only end, and dispose the source, after Cancel.
            _stopping.Cancel();
            _buffer.Writer.TryComplete();
        }

        private async Task DeliverAsync()
        {
            var token = _stopping.Token;
            try
            {
                await foreach (var @event in _buffer.Reader.ReadAllAsync(token))
                {
                    try
                    {
                        if (_filter is null || await _filter(@event, token))
                            _observer.OnNext(@event);
                    }
                    catch (Exception) when (token.IsCancellationRequested)
                    {
                        // Unsubscribed mid-filter: the filter's services may already be gone, and nobody is listening.
                        return;
                    }
                    catch (Exception ex)
                    {
                        // A failing visibility check must not leak the event, nor end the subscription.
                        _stream.LogDeliveryFailed(typeof(TEvent).Name, ex);
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
            finally
            {
                // Disposed here rather than in Dispose: the filter may still hold the token when Dispose runs.
                _stopping.Dispose();
            }
        }

        private void OnDropped()
        {
            if (Interlocked.Increment(ref _dropped) == 1)
                _stream.LogSubscriberFellBehind(typeof(TEvent).Name, _stream._bufferSize);
        }
    }
}
