namespace DualRandomGraph.GraphQL.WebSockets;

/// <summary>
/// Application events of one type, from publishers (a mutation after its commit, a background job) to
/// subscribers (GraphQL subscription fields, see <see cref="EventStreamFieldBuilderExtensions"/>). Inject it
/// where events are published; every <typeparamref name="TEvent"/> has its own singleton stream.
/// </summary>
/// <remarks>
/// <see cref="EventStream{TEvent}"/> reaches the subscribers of this process only. With several server
/// instances, an implementation over a shared channel (PostgreSQL LISTEN/NOTIFY, say) would replace it:
/// <see cref="PublishAsync"/> sends the event out, a listener receives it in every instance and hands it to
/// that instance's local subscribers. That is why publishing is asynchronous and takes a token, and why the
/// per-subscriber filter runs where the subscriber lives: it needs the subscriber's user.
/// </remarks>
public interface IEventStream<TEvent>
{
    /// <summary>
    /// Hands the event to every current subscriber and returns without waiting for any of them: a slow subscriber
    /// loses its oldest buffered events rather than slow the publisher down.
    /// </summary>
    ValueTask PublishAsync(TEvent @event, CancellationToken cancellationToken = default);

    /// <summary>
    /// The events published from now on. Each <see cref="IObservable{T}.Subscribe"/> adds one subscriber with a
    /// bounded buffer of its own; disposing the subscription removes it. Events go to the observer one at a
    /// time, in publication order, and only those for which <paramref name="filter"/> (when given) returns true.
    /// </summary>
    IObservable<TEvent> Observe(Func<TEvent, CancellationToken, ValueTask<bool>>? filter = null);

    /// <summary>Current subscribers in this process, for diagnostics and tests.</summary>
    int SubscriberCount { get; }
}
