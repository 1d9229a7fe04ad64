using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.WebSockets;

/// <summary>
/// Declares a subscription field over an <see cref="IEventStream{TEvent}"/>:
/// <code>
/// Field&lt;NonNullGraphType&lt;InspectionRecordedType&gt;, InspectionRecorded&gt;("inspectionRecorded")
///     .Argument&lt;IdGraphType&gt;("agencyId")
///     .ResolveEventStream((subscriber, e) =&gt; e.IsPublic || subscriber.User?.IsInRole("staff") == true);
/// </code>
/// The filter decides, per subscriber and per event, whether the subscriber hears of the event at all:
/// an event it rejects is never executed for that subscriber and nothing is sent, where a denied field
/// would have been sent as an error.
/// </summary>
public static class EventStreamFieldBuilderExtensions
{
    /// <summary>Every event of the stream reaches every subscriber (field authorization still applies to each).</summary>
    public static FieldBuilder<TSource, TEvent> ResolveEventStream<TSource, TEvent>(this FieldBuilder<TSource, TEvent> field)
        => field.ResolveEventStreamCore(null);

    /// <summary>
    /// Only events for which <paramref name="filter"/> returns true reach a subscriber. The filter gets the
    /// subscriber's own context as it subscribed: its <see cref="IResolveFieldContext.User"/>, the field's arguments,
    /// the user context.
    /// </summary>
    public static FieldBuilder<TSource, TEvent> ResolveEventStream<TSource, TEvent>(
        this FieldBuilder<TSource, TEvent> field, Func<IResolveFieldContext, TEvent, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return field.ResolveEventStreamCore((subscriber, @event, _) => ValueTask.FromResult(filter(subscriber, @event)));
    }

    /// <summary>
    /// As the synchronous overload, for a filter that must await, e.g. an <c>IAuthorizationService</c> policy. The
    /// context's <see cref="IResolveFieldContext.RequestServices"/> is the subscription's own scope, alive until the
    /// subscription ends; filters of one subscriber run one at a time.
    /// </summary>
    public static FieldBuilder<TSource, TEvent> ResolveEventStream<TSource, TEvent>(
        this FieldBuilder<TSource, TEvent> field, Func<IResolveFieldContext, TEvent, CancellationToken, ValueTask<bool>> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return field.ResolveEventStreamCore(filter);
    }

    private static FieldBuilder<TSource, TEvent> ResolveEventStreamCore<TSource, TEvent>(
        this FieldBuilder<TSource, TEvent> field, Func<IResolveFieldContext, TEvent, CancellationToken, ValueTask<bool>>? filter)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.FieldType.StreamResolver = new SourceStreamResolver<TEvent>(context =>
        {
            var services = context.RequestServices
                ?? throw new InvalidOperationException("ExecutionOptions.RequestServices must be set to resolve an event stream.");
            var stream = services.GetRequiredService<IEventStream<TEvent>>();
            if (filter is null)
                return stream.Observe();

            // A copy: the context passed reads from GraphQL.NET's execution context, released once the subscription is set up.
            var subscriber = new ResolveFieldContext(context);
            return stream.Observe((@event, cancellationToken) => filter(subscriber, @event, cancellationToken));
        });

        // The event itself is the field's value; set explicitly so that a resolver wrapper (field authorization)
        // does not fall back to reading a property named after the field.
        field.FieldType.Resolver ??= SourceFieldResolver.Instance;
        return field;
    }
}
