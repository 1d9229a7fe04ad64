using DualRandomGraph.Api.Schema;
using DualRandomGraph.Domain.Planning;
using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.Api.Draws;

/// <summary>Published once commitDraw has committed a draw and created its tasks.</summary>
public sealed record DrawCommitted(int AgencyId, int DrawId) : INodeEvent
{
    string INodeEvent.NodeType => nameof(Draw);

    int INodeEvent.NodeKey => DrawId;
}

internal static class DrawSubscriptions
{
    /// <summary>Coordinators and auditors only, as draws are: the drawn list is confidential until the results are published.</summary>
    public static void AddTo(ObjectGraphType subscription)
        => subscription.NodeEventField<DrawType, DrawCommitted>("drawCommitted")
            .AuthorizeWithRoles(DrawType.ReadBy)
            .Description("随机抽取: each draw as it is committed (coordinators and auditors).");
}
