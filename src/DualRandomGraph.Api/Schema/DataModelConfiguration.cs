using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Data;

namespace DualRandomGraph.Api.Schema;

/// <summary>What each entity offers to <c>where:</c> and <c>order:</c> besides its plain members.</summary>
internal static class DataModelConfiguration
{
    public static void Configure(DataModel model) => model
        .Entity<Region>(e => e.GlobalId(nameof(Region)))
        .Entity<Agency>(e => e.GlobalId(nameof(Agency)))
        .Entity<InspectionTarget>(e => e.GlobalId(nameof(InspectionTarget)))
        .Entity<Inspector>(e => e.GlobalId(nameof(Inspector)))
        .Entity<CheckItem>(e => e.GlobalId(nameof(CheckItem)));
}
