using DualRandomGraph.Api.Agencies;
using DualRandomGraph.Api.CheckItems;
using DualRandomGraph.Api.Inspectors;
using DualRandomGraph.Api.Targets;
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
    }
}
