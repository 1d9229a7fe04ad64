using DualRandomGraph.Api.Schema;
using DualRandomGraph.Domain.Inspections;
using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.Api.Inspections;

/// <summary>Published once an inspection's record has been committed (recordInspection, recordTargetedInspection).</summary>
public sealed record InspectionRecorded(int AgencyId, int RecordId) : INodeEvent
{
    string INodeEvent.NodeType => nameof(InspectionRecord);

    int INodeEvent.NodeKey => RecordId;
}

internal static class InspectionSubscriptions
{
    /// <summary>Staff only, as records are; an inspector hears only of the records of their own teams.</summary>
    public static void AddTo(ObjectGraphType subscription)
        => subscription.NodeEventField<InspectionRecordType, InspectionRecorded>("inspectionRecorded")
            .AuthorizeWithRoles(InspectionRecordType.ReadBy)
            .Description("检查结果: each inspection record as it is committed, as the caller may read it (an inspector: those of their own teams' tasks).");
}
