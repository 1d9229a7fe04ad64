using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Relay;
using DualRandomGraph.GraphQL.WebSockets;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace DualRandomGraph.Api.Schema;

/// <summary>
/// An event about one record of an agency, published once the transaction that wrote it has committed. It carries
/// keys, not the record: each subscriber reads the record itself, as the access model lets it see it, and an
/// implementation of <see cref="IEventStream{TEvent}"/> across server instances only has to ship two numbers.
/// </summary>
public interface INodeEvent
{
    int AgencyId { get; }

    /// <summary>The node type of the record the event is about (the GraphQL type name).</summary>
    string NodeType { get; }

    /// <summary>The key of the record the event is about.</summary>
    int NodeKey { get; }
}

/// <summary>
/// Subscription fields over <see cref="INodeEvent"/>s. A subscriber hears of an event only when it concerns the agency
/// it asked for (any, when it gave none) and it may read the record: the record is loaded through its node type, as
/// <c>node(id:)</c> loads it, so the rows a caller may see are decided by the same access code as every query.
/// </summary>
internal static class NodeEvents
{
    public const string AgencyArgument = "agencyId";

    public static FieldBuilder<object?, TEvent> NodeEventField<TNodeType, TEvent>(this ObjectGraphType subscription, string name)
        where TNodeType : IGraphType, INodeGraphType
        where TEvent : INodeEvent
    {
        var field = subscription.Field<NonNullGraphType<TNodeType>, TEvent>(name)
            .Argument<IdGraphType>(AgencyArgument, "Only the events of this agency; of every agency when omitted. An id that names no agency hears of nothing.")
            .ResolveEventStream(async (subscriber, @event, _) => Concerns(subscriber, @event.AgencyId) && await MayReadAsync(subscriber, @event));

        // The field's value is the record, read again for each subscriber (under its own user) from the event's key.
        field.FieldType.Resolver = new FuncFieldResolver<object>(context => ReadAsync(context, (INodeEvent)context.Source!));
        return field;
    }

    /// <summary>Whether the caller may read the record <paramref name="event"/> is about.</summary>
    public static async ValueTask<bool> MayReadAsync(IResolveFieldContext context, INodeEvent @event) => await ReadAsync(context, @event) is not null;

    /// <summary>Whether an event of <paramref name="agencyId"/> is one the subscriber asked for (omitted or null: every agency).</summary>
    public static bool Concerns(IResolveFieldContext subscriber, int agencyId)
        => subscriber.GetArgument<string?>(AgencyArgument) is not { } id || GlobalId.ParseFor(nameof(Agency), id) == agencyId;

    /// <summary>The record as the caller may read it, or null when it may not (or it is gone).</summary>
    private static async ValueTask<object?> ReadAsync(IResolveFieldContext context, INodeEvent @event)
    {
        var type = (INodeGraphType)context.Schema.AllTypes[@event.NodeType]!;
        var found = await type.LoadNodesAsync(context, [@event.NodeKey]);
        return found.GetValueOrDefault(@event.NodeKey);
    }
}
