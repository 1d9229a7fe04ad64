using DualRandomGraph.GraphQL.WebSockets;
using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Tests.WebSockets;

/// <summary>An application event: public when <see cref="Audience"/> is null, otherwise for that role only.</summary>
public sealed record TestEvent(int Number, string Text, string? Audience = null);

/// <summary>The schema the WebSocket tests (and the graphql-ws client script) run against.</summary>
public sealed class WebSocketTestSchema : Schema
{
    public WebSocketTestSchema(IServiceProvider services, WebSocketProbe probe, IEventStream<TestEvent> events)
        : base(services)
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<StringGraphType>("hello")
            .Argument<StringGraphType>("name")
            .Resolve(ctx => $"Hello, {ctx.GetArgument("name", "world")}!");
        query.Field<StringGraphType>("whoami")
            .Resolve(ctx => ctx.User?.Identity?.IsAuthenticated == true ? ctx.User.Identity.Name : null);
        query.Field<NonNullGraphType<BooleanGraphType>>("isInRole")
            .Argument<NonNullGraphType<StringGraphType>>("role")
            .Resolve(ctx => ctx.User?.IsInRole(ctx.GetArgument<string>("role")) == true);
        query.Field<StringGraphType>("boom")
            .Resolve(_ => throw new InvalidOperationException("secret detail"));
        query.Field<NonNullGraphType<IntGraphType>>("eventSubscribers")
            .Resolve(_ => events.SubscriberCount);
        query.Field<StringGraphType>("slow")
            .ResolveAsync(async ctx =>
            {
                probe.SlowStarted.TrySetResult();
                try
                {
                    await probe.SlowRelease.Task.WaitAsync(ctx.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    probe.SlowCancelled.TrySetResult();
                    throw;
                }

                return "done";
            });

        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.Field<NonNullGraphType<IntGraphType>>("increment")
            .Resolve(_ => probe.Increment());
        mutation.Field<NonNullGraphType<BooleanGraphType>>("publish")
            .Argument<NonNullGraphType<IntGraphType>>("number")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<StringGraphType>("audience")
            .ResolveAsync(async ctx =>
            {
                await events.PublishAsync(
                    new TestEvent(ctx.GetArgument<int>("number"), ctx.GetArgument<string>("text"), ctx.GetArgument<string?>("audience")),
                    ctx.CancellationToken);
                return true;
            });

        var subscription = new ObjectGraphType { Name = "Subscription" };

        // The pattern for hosts: the subscriber's user decides, per event, whether it hears of it at all.
        subscription.Field<TestEventType, TestEvent>("events")
            .ResolveEventStream((subscriber, e) => e.Audience is null || subscriber.User?.IsInRole(e.Audience) == true);

        subscription.Field<TestEventType, TestEvent>("allEvents")
            .ResolveEventStream();

        subscription.Field<TestEventType, TestEvent>("eventsAbove")
            .Argument<NonNullGraphType<IntGraphType>>("number")
            .ResolveEventStream(async (subscriber, e, cancellationToken) =>
            {
                await Task.Yield();
                return e.Number > subscriber.GetArgument<int>("number");
            });

        subscription.Field<TestEventType, TestEvent>("staffEvents")
            .AuthorizeWithRoles("staff")
            .ResolveEventStream();

        subscription.Field<IntGraphType, int>("countdown")
            .Argument<NonNullGraphType<IntGraphType>>("from")
            .ResolveStream(ctx => new CountdownObservable(ctx.GetArgument<int>("from")));

        subscription.Field<IntGraphType, int>("failing")
            .ResolveStream(_ => new FailingObservable());

        subscription.Field<IntGraphType, int>("brokenSetup")
            .ResolveStream(_ => throw new InvalidOperationException("secret setup detail"));

        Query = query;
        Mutation = mutation;
        Subscription = subscription;
    }
}

public sealed class TestEventType : ObjectGraphType<TestEvent>
{
    public TestEventType()
    {
        Name = "TestEvent";
        Field(e => e.Number);
        Field(e => e.Text);
        Field(e => e.Audience, nullable: true);
        // Selecting it withholds the whole event from anyone but staff.
        Field<StringGraphType>("secret")
            .AuthorizeWithRoles("staff")
            .Resolve(ctx => $"classified {ctx.Source.Number}");
    }
}

/// <summary>Lets a test see into resolvers without timing: counters and signals.</summary>
public sealed class WebSocketProbe
{
    private int _counter;

    public int Increment() => Interlocked.Increment(ref _counter);

    public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource SlowRelease { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource SlowCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Counts down to 1 on the thread pool, then completes: a stream that the server ends.</summary>
internal sealed class CountdownObservable(int from) : IObservable<int>
{
    public IDisposable Subscribe(IObserver<int> observer)
    {
        var stop = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            for (var i = from; i > 0 && !stop.IsCancellationRequested; i--)
            {
                observer.OnNext(i);
                await Task.Yield();
            }

            if (!stop.IsCancellationRequested)
                observer.OnCompleted();
        });
        return stop;
    }
}

/// <summary>One value, then the source fails.</summary>
internal sealed class FailingObservable : IObservable<int>
{
    public IDisposable Subscribe(IObserver<int> observer)
    {
        _ = Task.Run(() =>
        {
            observer.OnNext(1);
            observer.OnError(new InvalidOperationException("secret stream detail"));
        });
        return new CancellationTokenSource();
    }
}
