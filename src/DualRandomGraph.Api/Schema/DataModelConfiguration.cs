using DualRandomGraph.Domain.Audit;
using DualRandomGraph.Domain.Inspections;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Publications;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Data;

namespace DualRandomGraph.Api.Schema;

/// <summary>What each entity offers to <c>where:</c> and <c>order:</c> besides its plain members.</summary>
/// <remarks>
/// What must not be filtered on is closed where it is hidden: on the graph types, by leaving a member out or marking a
/// field <see cref="RestrictedFields.RestrictTo"/> (a plan's draws, a selection's draw and skipped candidates, an
/// inspector's account), so a record one may see never leads a filter to records one may not.
/// </remarks>
internal static class DataModelConfiguration
{
    public static void Configure(DataModel model) => model
        .Entity<Region>(e => e.GlobalId(nameof(Region)))
        .Entity<Agency>(e => e.GlobalId(nameof(Agency)))
        .Entity<InspectionTarget>(e => e.GlobalId(nameof(InspectionTarget)))
        .Entity<Inspector>(e => e.GlobalId(nameof(Inspector)))
        .Entity<CheckItem>(e => e.GlobalId(nameof(CheckItem)))
        .Entity<Recusal>(e => e.GlobalId(nameof(Recusal)))
        .Entity<SamplingPolicy>(e => e.GlobalId(nameof(SamplingPolicy)))
        .Entity<SamplingPlan>(e => e.GlobalId(nameof(SamplingPlan)))
        .Entity<Draw>(e => e.GlobalId(nameof(Draw)))
        .Entity<InspectionTask>(e => e.GlobalId(nameof(InspectionTask)))
        .Entity<InspectionRecord>(e => e.GlobalId(nameof(InspectionRecord)))
        .Entity<Publication>(e => e.GlobalId(nameof(Publication)))
        .Entity<PublishedResult>(e => e.GlobalId(nameof(PublishedResult)))
        .Entity<AuditEntry>(e => e.GlobalId(nameof(AuditEntry)));
}
