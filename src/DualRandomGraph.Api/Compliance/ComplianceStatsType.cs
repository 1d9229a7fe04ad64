using DualRandomGraph.Api.Agencies;
using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Targets;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Loading;
using DualRandomGraph.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.Api.Compliance;

/// <summary>
/// Anyone reads the figures a published table reveals; the rest is for staff (<see cref="ComplianceAccess"/>), closed
/// here field by field.
/// </summary>
public sealed class ComplianceStatsType : ObjectGraphType<ComplianceStats>
{
    public ComplianceStatsType()
    {
        Name = nameof(ComplianceStats);
        Description = "Compliance of one agency in a quarter, or a whole year when quarter is null: random checks only (targeted ones apart).";
        var staff = ComplianceAccess.StaffRoles;

        Field<AgencyType>("agency")
            .Description("The agency (registry data: staff only; agencyCode and agencyName are public).")
            .Resolve(context =>
            {
                var type = (INodeGraphType)context.FieldDefinition.ResolvedType!.GetNamedType();
                var loaders = context.RequestServices!.GetRequiredService<BatchLoaders>();
                return loaders.GetOrAdd<int, object>(type, (keys, _) => type.LoadNodesAsync(context, keys)).Load(context.Source.AgencyId);
            })
            .FieldType.RestrictTo(staff);
        Field(s => s.AgencyCode).Description("The agency's code, as its publications show it.");
        Field(s => s.AgencyName).Description("The agency's name, as its publications show it.");
        Field(s => s.Year);
        Field(s => s.Quarter, nullable: true).Description("1–4; null for the whole year.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryComplianceType>>>>("categories")
            .Description("Per category (stratum of the draw), in the draw's order.")
            .Resolve(context => context.Source.Categories);

        Field<FloatGraphType>("keyCoverage")
            .Description("R1: share (0–1) of the active key targets inspected at random this year up to the end of the period; 1 when there is none.")
            .Resolve(context => context.Source.KeyCoverage.Ratio)
            .FieldType.RestrictTo(staff);
        Field<IntGraphType>("keyTargets")
            .Description("Active key targets.")
            .Resolve(context => context.Source.KeyCoverage.KeyTargets)
            .FieldType.RestrictTo(staff);
        Field<IntGraphType>("keyTargetsCovered")
            .Description("Of those, inspected at random this year up to the end of the period.")
            .Resolve(context => context.Source.KeyCoverage.Covered)
            .FieldType.RestrictTo(staff);
        Field<ListGraphType<NonNullGraphType<InspectionTargetType>>>("uncoveredKeyTargets")
            .Description("The active key targets not yet inspected at random this year up to the end of the period, by name.")
            .Resolve(context =>
            {
                // Batched: a series or a region asks for many periods in one request.
                var statistics = context.RequestServices!.GetRequiredService<ComplianceStatistics>();
                return context.RequestServices!.GetRequiredService<BatchLoaders>()
                    .GetOrAdd<ComplianceStatistics.CoveragePeriod, IReadOnlyList<InspectionTarget>>(
                        nameof(ComplianceStatistics.UncoveredKeyTargetsAsync), statistics.UncoveredKeyTargetsAsync)
                    .Load(new ComplianceStatistics.CoveragePeriod(context.Source.AgencyId, context.Source.Year, context.Source.ThroughQuarter));
            })
            .FieldType.RestrictTo(staff);

        Field<NonNullGraphType<IntGraphType>>("publicationsOnTime")
            .Description("R5: quarters of the period whose results were first published by their deadline.")
            .Resolve(context => context.Source.Publications.OnTime);
        Field<NonNullGraphType<IntGraphType>>("publicationsLate")
            .Description("Quarters of the period whose results were first published after their deadline.")
            .Resolve(context => context.Source.Publications.Late.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LatePublicationType>>>>("latePublications")
            .Description("The late ones, with the working days they were late by.")
            .Resolve(context => context.Source.Publications.Late);
        Field<IntGraphType>("publicationsDue")
            .Description("Drawn quarters of the period whose results are not published yet.")
            .Resolve(context => context.Source.Publications.Due.Count)
            .FieldType.RestrictTo(staff);
        Field<ListGraphType<NonNullGraphType<DuePublicationType>>>("duePublications")
            .Description("Those quarters, with their R5 deadline once the work is complete.")
            .Resolve(context => context.Source.Publications.Due)
            .FieldType.RestrictTo(staff);

        Field<NonNullGraphType<IntGraphType>>("visits")
            .Description("Random visits (家次) of the period, imported history included.")
            .Resolve(context => context.Source.Results.Visits);
        Field<NonNullGraphType<IntGraphType>>("problemsFound")
            .Description("Visits that found a problem (发现问题).")
            .Resolve(context => context.Source.Results.ProblemsFound);
        Field<NonNullGraphType<FloatGraphType>>("problemFoundRate")
            .Description("problemsFound / visits, 0–1; 0 without visits.")
            .Resolve(context => context.Source.Results.ProblemFoundRate);
        Field<IntGraphType>("transfers")
            .Description("R8: visits whose violation was transferred to enforcement (移交执法).")
            .Resolve(context => context.Source.Results.Transfers)
            .FieldType.RestrictTo(staff);
        Field<FloatGraphType>("offSiteShare")
            .Description("Share (0–1) of the visits made off site (非现场检查).")
            .Resolve(context => context.Source.Results.OffSiteShare)
            .FieldType.RestrictTo(staff);

        Field<InspectorWorkloadType>("workload")
            .Description("Tasks per inspector on the teams of the period's tasks.")
            .Resolve(context => context.Source.Teams.Workload)
            .FieldType.RestrictTo(staff);
        Field<FloatGraphType>("auxiliaryShare")
            .Description("Share (0–1) of the places on the period's teams held by auxiliary staff (辅助检查人员).")
            .Resolve(context => context.Source.Teams.AuxiliaryShare)
            .FieldType.RestrictTo(staff);
        Field<TargetedChecksType>("targeted")
            .Description("Targeted checks (针对性检查) of the period, never counted above.")
            .Resolve(context => context.Source.Targeted)
            .FieldType.RestrictTo(staff);
    }
}

public sealed class CategoryComplianceType : ObjectGraphType<CategoryCompliance>
{
    public CategoryComplianceType()
    {
        Name = nameof(CategoryCompliance);
        Description = "One category: its pool and the minimum the draw's quota calculator requires, what was drawn and inspected. A year sums its quarters.";
        var staff = ComplianceAccess.StaffRoles;
        Field(c => c.Category);
        Field(c => c.InspectedFirms).Description("Firms (家) inspected at random in the period.");
        Field(c => c.Visits).Description("Visits (家次) in the period.");
        Field(c => c.PoolSize).Description("N: active targets of the category (for a year, in its fourth quarter).").FieldType.RestrictTo(staff);
        Field(c => c.RequiredMinimum).Description("k: the quota the draw requires (a year: the sum of its quarters').").FieldType.RestrictTo(staff);
        Field(c => c.Drawn).Description("Selections of committed draws, plus firms of imported history drawn elsewhere.").FieldType.RestrictTo(staff);
        Field(c => c.Ratio).Description("Achieved: firms inspected / N (a year: summed over its quarters).").FieldType.RestrictTo(staff);
        Field(c => c.RequiredRatio).Description("Required: k / N (a year: summed over its quarters).").FieldType.RestrictTo(staff);
        Field(c => c.Met).Description("At least k firms inspected (a year: in each quarter).").FieldType.RestrictTo(staff);
    }
}

public sealed class LatePublicationType : ObjectGraphType<LatePublication>
{
    public LatePublicationType()
    {
        Name = nameof(LatePublication);
        Description = "A quarter whose results were first published after the R5 deadline.";
        Field(p => p.Year);
        Field(p => p.Quarter);
        Field(p => p.Deadline);
        Field(p => p.PublishedOn);
        Field(p => p.WorkingDaysLate, nullable: true).Description("Working days after the deadline up to publication; null when the calendar lacks a year between.");
    }
}

public sealed class DuePublicationType : ObjectGraphType<DuePublication>
{
    public DuePublicationType()
    {
        Name = nameof(DuePublication);
        Description = "A drawn quarter whose results are not published yet.";
        Field(p => p.Year);
        Field(p => p.Quarter);
        Field(p => p.UnrecordedTasks).Description("Tasks with a visit not yet recorded.");
        Field(p => p.WorkCompletedOn, nullable: true).Description("The last inspection, once every task is recorded.");
        Field(p => p.Deadline, nullable: true).Description("R5: the 20th working day after workCompletedOn.");
        Field(p => p.Overdue).Description("True when the deadline has passed.");
    }
}

public sealed class InspectorWorkloadType : ObjectGraphType<Domain.Compliance.Workload>
{
    public InspectorWorkloadType()
    {
        Name = "InspectorWorkload";
        Description = "Tasks per inspector, over the inspectors on at least one team of the period.";
        Field(w => w.Inspectors);
        Field(w => w.Min, nullable: true);
        Field(w => w.Median, nullable: true);
        Field(w => w.Max, nullable: true);
    }
}

public sealed class TargetedChecksType : ObjectGraphType<TargetedChecks>
{
    public TargetedChecksType()
    {
        Name = nameof(TargetedChecks);
        Description = "Targeted checks (complaints, referrals, incidents, monitoring alerts): kept, never random coverage.";
        Field(t => t.Inspections);
        Field(t => t.ProblemsFound);
        Field(t => t.Transfers);
    }
}
