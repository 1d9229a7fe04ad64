using DualRandomGraph.GraphQL.Tests.Http;
using DualRandomGraph.GraphQL.WebSockets;
using DualRandomGraph.Tests.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.GraphQL.Tests.WebSockets;

/// <summary>The in-process event stream on its own: fan-out, filters, bounded buffers, and unsubscription.</summary>
public sealed class EventStreamTests
{
    [Fact]
    public async Task Every_subscriber_gets_the_events_its_filter_passes_and_disposing_removes_it()
    {
        var stream = Create(out _);
        var all = new Recorder();
        var even = new Recorder();
        using var allSubscription = stream.Observe().Subscribe(all);
        var evenSubscription = stream.Observe((n, _) => ValueTask.FromResult(n % 2 == 0)).Subscribe(even);

        for (var i = 1; i <= 4; i++)
            await stream.PublishAsync(i);
        await all.WaitForAsync(4);
        await even.WaitForAsync(2);
        evenSubscription.Dispose();
        await stream.PublishAsync(6);
        await all.WaitForAsync(5);

        Assert.Equal([1, 2, 3, 4, 6], all.Received);
        Assert.Equal([2, 4], even.Received);
        Assert.Equal(1, stream.SubscriberCount);
    }

    [Fact]
    public async Task A_slow_subscriber_loses_its_oldest_events_while_the_publisher_never_waits()
    {
        var stream = Create(out var logs, bufferSize: 3);
        using var release = new ManualResetEventSlim();
        var slow = new Recorder(onFirst: release.Wait);
        using var subscription = stream.Observe().Subscribe(slow);

        await stream.PublishAsync(1);
        await slow.FirstStarted.Task.WaitAsync(GraphQLWsTestClient.Timeout);
        for (var i = 2; i <= 10; i++)
            await stream.PublishAsync(i);
        release.Set();
        await slow.WaitForAsync(4);

        Assert.Equal([1, 8, 9, 10], slow.Received);
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("fell more than 3 events behind", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_filter_skips_that_event_for_that_subscriber_only()
    {
        var stream = Create(out var logs);
        var picky = new Recorder();
        using var subscription = stream.Observe((n, _) => n == 2 ? throw new InvalidOperationException("filter bug") : ValueTask.FromResult(true)).Subscribe(picky);

        for (var i = 1; i <= 3; i++)
            await stream.PublishAsync(i);
        await picky.WaitForAsync(2);

        Assert.Equal([1, 3], picky.Received);
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
    }

    private static EventStream<int> Create(out RecordingLoggerProvider logs, int bufferSize = 100)
    {
        var recording = new RecordingLoggerProvider();
        logs = recording;
        using var factory = LoggerFactory.Create(b => b.AddProvider(new ForwardingProvider(recording)));
        return new EventStream<int>(Options.Create(new EventStreamOptions { SubscriberBufferSize = bufferSize }), factory.CreateLogger<EventStream<int>>());
    }

    // The factory owns and disposes its providers; the recording one must outlive it.
    private sealed class ForwardingProvider(RecordingLoggerProvider inner) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => inner.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class Recorder(Action? onFirst = null) : IObserver<int>
    {
        private readonly List<int> _received = [];

        public TaskCompletionSource FirstStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int[] Received
        {
            get
            {
                lock (_received)
                    return [.. _received];
            }
        }

        public void OnNext(int value)
        {
            if (FirstStarted.TrySetResult())
                onFirst?.Invoke();
            lock (_received)
                _received.Add(value);
        }

        public void OnError(Exception error) => throw error;

        public void OnCompleted()
        {
        }

        public async Task WaitForAsync(int count)
        {
            var deadline = DateTime.UtcNow + GraphQLWsTestClient.Timeout;
            while (Received.Length < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"received {Received.Length} of {count} events");
                await Task.Delay(5);
            }
        }
    }
}
