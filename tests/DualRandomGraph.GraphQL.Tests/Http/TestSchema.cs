using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Tests.Http;

/// <summary>The smallest schema that exercises the transport: queries, a mutation, slow and failing fields.</summary>
public sealed class TestSchema : Schema
{
    public TestSchema(IServiceProvider services, TestProbe probe)
        : base(services)
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<StringGraphType>("hello")
            .Argument<StringGraphType>("name")
            .Resolve(ctx => $"Hello, {ctx.GetArgument("name", "world")}!");
        query.Field<NonNullGraphType<IntGraphType>>("count")
            .Resolve(_ => probe.Counter);
        query.Field<StringGraphType>("whoami")
            .Resolve(ctx => ctx.User?.Identity?.IsAuthenticated == true ? ctx.User.Identity.Name : null);
        query.Field<StringGraphType>("extension")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .Resolve(ctx => ctx.InputExtensions.TryGetValue(ctx.GetArgument<string>("key"), out var value) ? value?.ToString() : null);
        query.Field<StringGraphType>("userContext")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .Resolve(ctx => ctx.UserContext.TryGetValue(ctx.GetArgument<string>("key"), out var value) ? value?.ToString() : null);
        query.Field<StringGraphType>("boom")
            .Resolve(_ => throw new InvalidOperationException("secret detail"));
        query.Field<StringGraphType>("crash")
            // A bare Exception: GraphQL.NET derives no code from its type name.
            .Resolve(_ => throw new Exception("secret crash detail"));
        query.Field<StringGraphType>("slow")
            .ResolveAsync(async ctx =>
            {
                probe.SlowStarted.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    probe.SlowCancelled.TrySetResult();
                    throw;
                }

                return "never";
            });

        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.Field<NonNullGraphType<IntGraphType>>("increment")
            .Argument<IntGraphType>("by")
            .Resolve(ctx => probe.Increment(ctx.GetArgument("by", 1)));
        mutation.Field<NonNullGraphType<IntGraphType>>("incrementWhenReleased")
            .ResolveAsync(async ctx =>
            {
                // Stops when its execution is cancelled, as a database write given the token would.
                probe.HeldStarted.TrySetResult();
                await probe.Hold.Task.WaitAsync(ctx.CancellationToken);
                return probe.Increment();
            });

        // Only there to be refused: this transport carries no event streams.
        var subscription = new ObjectGraphType { Name = "Subscription" };
        subscription.Field<StringGraphType>("ticks")
            .ResolveStream(_ => new NeverObservable());

        Query = query;
        Mutation = mutation;
        Subscription = subscription;
    }
}

/// <summary>Lets a test see into resolvers without timing: counters and signals.</summary>
public sealed class TestProbe
{
    private int _counter;

    public int Counter => Volatile.Read(ref _counter);

    public int Increment(int by = 1) => Interlocked.Add(ref _counter, by);

    /// <summary>Set when <c>incrementWhenReleased</c> has started; it finishes once <see cref="Hold"/> is set.</summary>
    public TaskCompletionSource HeldStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Hold { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource SlowCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}


internal sealed class NeverObservable : IObservable<object?>
{
    public IDisposable Subscribe(IObserver<object?> observer) => new CancellationTokenSource();
}
