using DualRandomGraph.Api.Schema;
using DualRandomGraph.Domain.Publications;
using GraphQL.Types;

namespace DualRandomGraph.Api.Publications;

/// <summary>Published once publishResults has committed a publication (a first one, or a new revision).</summary>
public sealed record PublicationPublished(int AgencyId, int PublicationId) : INodeEvent
{
    string INodeEvent.NodeType => nameof(Publication);

    int INodeEvent.NodeKey => PublicationId;
}

internal static class PublicationSubscriptions
{
    /// <summary>Public, as publications are: no account is needed.</summary>
    public static void AddTo(ObjectGraphType subscription)
        => subscription.NodeEventField<PublicationType, PublicationPublished>("publicationPublished")
            .Description("公开: each publication (or new revision) as it is published; public.");
}
