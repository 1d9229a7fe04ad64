using DualRandomGraph.Api.Agencies;
using DualRandomGraph.Api.Audit;
using DualRandomGraph.Api.Calendar;
using DualRandomGraph.Api.CheckItems;
using DualRandomGraph.Api.Compliance;
using DualRandomGraph.Api.Draws;
using DualRandomGraph.Api.Inspections;
using DualRandomGraph.Api.Inspectors;
using DualRandomGraph.Api.Plans;
using DualRandomGraph.Api.Policies;
using DualRandomGraph.Api.Publications;
using DualRandomGraph.Api.Recusals;
using DualRandomGraph.Api.Targets;
using DualRandomGraph.Api.Tasks;
using DualRandomGraph.GraphQL.Relay;
using DualRandomGraph.GraphQL.Types;
using GraphQL.Types;

namespace DualRandomGraph.Api.Schema;

/// <summary>The root query: each feature folder contributes its own fields.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        this.AddFieldsOf<NodeQueries>();
        this.AddFieldsOf<AgencyQueries>();
        this.AddFieldsOf<TargetQueries>();
        this.AddFieldsOf<InspectorQueries>();
        this.AddFieldsOf<CheckItemQueries>();
        this.AddFieldsOf<RecusalQueries>();
        this.AddFieldsOf<PolicyQueries>();
        this.AddFieldsOf<PlanQueries>();
        this.AddFieldsOf<DrawQueries>();
        this.AddFieldsOf<TaskQueries>();
        this.AddFieldsOf<InspectionQueries>();
        this.AddFieldsOf<PublicationQueries>();
        this.AddFieldsOf<CalendarQueries>();
        this.AddFieldsOf<ComplianceQueries>();
        this.AddFieldsOf<AuditQueries>();
    }
}

public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        this.AddFieldsOf<AgencyMutations>();
        this.AddFieldsOf<TargetMutations>();
        this.AddFieldsOf<InspectorMutations>();
        this.AddFieldsOf<CheckItemMutations>();
        this.AddFieldsOf<RecusalMutations>();
        this.AddFieldsOf<CalendarMutations>();
        this.AddFieldsOf<PolicyMutations>();
        this.AddFieldsOf<PlanMutations>();
        this.AddFieldsOf<DrawMutations>();
        this.AddFieldsOf<InspectionMutations>();
        this.AddFieldsOf<PublicationMutations>();
    }
}

/// <summary>The root subscription (over WebSocket, graphql-transport-ws): each feature folder adds its events.</summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        InspectionSubscriptions.AddTo(this);
        DrawSubscriptions.AddTo(this);
        PublicationSubscriptions.AddTo(this);
        ComplianceSubscriptions.AddTo(this);
    }
}
