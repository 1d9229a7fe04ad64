using DualRandomGraph.Api.Draws;
using DualRandomGraph.Api.Inspections;
using DualRandomGraph.Api.Publications;
using DualRandomGraph.Api.Schema;
using DualRandomGraph.GraphQL.WebSockets;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace DualRandomGraph.Api.Compliance;

/// <summary>A domain event that may change its agency's compliance statistics (a record, a committed draw, a publication).</summary>
public sealed record ComplianceChanged(INodeEvent Cause)
{
    public int AgencyId => Cause.AgencyId;
}

/// <summary>
/// Relays inspectionRecorded, drawCommitted and publicationPublished into one stream of <see cref="ComplianceChanged"/>, so
/// that a complianceChanged subscriber has a single stream: its events reach it one at a time, in order.
/// </summary>
internal sealed class ComplianceChangeRelay(
    IEventStream<InspectionRecorded> inspections,
    IEventStream<DrawCommitted> draws,
    IEventStream<PublicationPublished> publications,
    IEventStream<ComplianceChanged> changes) : IHostedService
{
    private IDisposable[] _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions =
        [
            inspections.Observe().Subscribe(new Relay<InspectionRecorded>(changes)),
            draws.Observe().Subscribe(new Relay<DrawCommitted>(changes)),
            publications.Observe().Subscribe(new Relay<PublicationPublished>(changes)),
        ];
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Taken whole: StopAsync may run more than once (and did, concurrently, when a test host was disposed).
        foreach (var subscription in Interlocked.Exchange(ref _subscriptions, []))
        {
            subscription.Dispose();
        }

        return Task.CompletedTask;
    }

    private sealed class Relay<TEvent>(IEventStream<ComplianceChanged> changes) : IObserver<TEvent>
        where TEvent : INodeEvent
    {
        // Waited for, so that the relayed events keep their order; publishing in process completes at once.
        public void OnNext(TEvent value) => changes.PublishAsync(new ComplianceChanged(value)).AsTask().GetAwaiter().GetResult();

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}

internal static class ComplianceSubscriptions
{
    /// <summary>
    /// A subscriber hears of a change when it concerns the agency, it may read the record behind it (the same rule as the
    /// three domain subscriptions: the public hears of publications only), and it may read the period's statistics
    /// (<see cref="ComplianceAccess"/>: the public once the period is published). The figures are those of its own view.
    /// </summary>
    public static void AddTo(ObjectGraphType subscription)
    {
        var field = subscription.Field<NonNullGraphType<ComplianceStatsType>, ComplianceChanged>("complianceChanged")
            .Description("The agency's statistics of the period (complianceStats), again each time a record, a committed draw or a publication of the agency may have changed them.")
            .Argument<NonNullGraphType<IdGraphType>>(NodeEvents.AgencyArgument)
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<IntGraphType>("quarter", "1–4; the whole year when omitted.")
            .ResolveEventStream(async (subscriber, change, cancellationToken) =>
                NodeEvents.Concerns(subscriber, change.AgencyId)
                && await NodeEvents.MayReadAsync(subscriber, change.Cause)
                && await PeriodReadableAsync(subscriber, change.AgencyId, cancellationToken));

        // The arguments are checked as complianceStats checks them, so a mistake is an error when subscribing.
        var events = field.FieldType.StreamResolver!;
        field.FieldType.StreamResolver = new SourceStreamResolver<object>(async context =>
        {
            await ComplianceQueries.AgencyKeyAsync(context, context.GetArgument<string>(NodeEvents.AgencyArgument));
            ComplianceQueries.CheckYear("year", context.GetArgument<int>("year"));
            ComplianceQueries.CheckQuarter(context.GetArgument<int?>("quarter"));
            return await events.ResolveAsync(context);
        });
        field.FieldType.Resolver = new FuncFieldResolver<object>(async context =>
            await context.RequestServices!.GetRequiredService<ComplianceStatistics>().GetAsync(
                ((ComplianceChanged)context.Source!).AgencyId,
                context.GetArgument<int>("year"),
                context.GetArgument<int?>("quarter"),
                ComplianceAccess.ViewFor(context.User),
                context.CancellationToken));
    }

    private static async ValueTask<bool> PeriodReadableAsync(IResolveFieldContext subscriber, int agencyId, CancellationToken cancellationToken)
    {
        var view = ComplianceAccess.ViewFor(subscriber.User);
        if (view == ComplianceView.Staff)
        {
            return true;
        }

        var year = subscriber.GetArgument<int>("year");
        var published = await subscriber.RequestServices!.GetRequiredService<ComplianceStatistics>().PublishedQuartersAsync([agencyId], year, year, cancellationToken);
        return ComplianceAccess.IsReadable(view, published, agencyId, year, subscriber.GetArgument<int?>("quarter"));
    }
}
