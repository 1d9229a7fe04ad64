namespace DualRandomGraph.GraphQL.WebSockets;

/// <summary>Settings shared by every <see cref="EventStream{TEvent}"/>, bound from <c>GraphQL:EventStreams</c>.</summary>
public sealed class EventStreamOptions
{
    public const string SectionName = "GraphQL:EventStreams";

    /// <summary>
    /// Events one subscriber may have waiting; when it falls further behind, its oldest events are dropped
    /// (and a warning logged), so that neither the publisher nor memory suffers for one slow subscriber.
    /// </summary>
    public int SubscriberBufferSize { get; set; } = 1000;
}
