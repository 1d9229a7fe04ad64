using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Data;

namespace DualRandomGraph.Api.Schema;

/// <summary>What each entity offers to <c>where:</c> and <c>order:</c> besides its plain members.</summary>
/// <remarks>
/// Confidentiality: a row the caller may see must not lead a filter or sort to rows the caller may not see. So the
/// navigations from public or inspector-visible records towards whole draws are closed: a plan's draws (plans are
/// public), a selection's draw and skipped candidates (an inspector sees their own selection, not the rest of its
/// draw), and the account link of inspectors (the administrators' business).
/// </remarks>
internal static class DataModelConfiguration
{
    public static void Configure(DataModel model) => model
        .Entity<Region>(e => e.GlobalId(nameof(Region)))
        .Entity<Agency>(e => e.GlobalId(nameof(Agency)))
        .Entity<InspectionTarget>(e => e.GlobalId(nameof(InspectionTarget)))
        .Entity<Inspector>(e => e.GlobalId(nameof(Inspector)).Ignore(i => i.AccountSubject))
        .Entity<CheckItem>(e => e.GlobalId(nameof(CheckItem)))
        .Entity<Recusal>(e => e.GlobalId(nameof(Recusal)))
        .Entity<SamplingPolicy>(e => e.GlobalId(nameof(SamplingPolicy)))
        .Entity<SamplingPlan>(e => e.GlobalId(nameof(SamplingPlan)).Ignore(p => p.Draws))
        .Entity<Draw>(e => e.GlobalId(nameof(Draw)).Ignore(d => d.TargetPool).Ignore(d => d.InspectorPool))
        .Entity<DrawSelection>(e => e.Ignore(s => s.Draw).Ignore(s => s.Skipped))
        .Entity<InspectionTask>(e => e.GlobalId(nameof(InspectionTask)));
}
