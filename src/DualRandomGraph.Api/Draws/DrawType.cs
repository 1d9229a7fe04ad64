using DualRandomGraph.Api.Calendar;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Schema;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Calendar;
using DualRandomGraph.Domain.Draws;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SkippedCandidate = DualRandomGraph.Domain.Planning.SkippedCandidate;
using TeamMember = DualRandomGraph.Domain.Planning.TeamMember;

namespace DualRandomGraph.Api.Draws;

/// <summary>
/// For coordinators and auditors only: a draw holds its seed and whole selection, which is confidential until the
/// results are published (the checks are unannounced). Inspectors see their own teams through their tasks.
/// </summary>
public sealed class DrawType : AppNodeType<Draw>
{
    public DrawType() : base(d => d.Id, d => d.PlanId, d => d.PolicyId, d => d.TargetPool, d => d.InspectorPool, d => d.WindowStart, d => d.WindowEnd)
    {
        Name = nameof(Draw);
        Description = "随机抽取: one attempt at a plan's draw, stored with everything needed to recompute it (algorithm drg-1).";
        this.AuthorizeWithRoles(ReadBy);
        this.MarkNonNull(nameof(Draw.Plan), nameof(Draw.Policy));
        ResolveReference(d => d.Plan, d => d.PlanId);
        ResolveReference(d => d.Policy, d => d.PolicyId);
        GetField(nameof(Draw.Selections))!.UseSorting();
        GetField(nameof(Draw.Skipped))!.UseSorting();
        GetField(nameof(Draw.Quotas))!.UseSorting().NotFilterable();

        Field<NonNullGraphType<DateRangeType>>("drawWindow")
            .Description("R4: the window the draw was due in, as the calendar gave it at draw time.")
            .Resolve(context => new DateRange(context.Source.WindowStart, context.Source.WindowEnd))
            .Requires(d => d.WindowStart, d => d.WindowEnd);
        Field<NonNullGraphType<DrawVerificationType>>("verification")
            .Description("Recomputes the draw from its stored seed and pools and compares; see also verifyDraw.")
            .ResolveAsync(async context => await DrawQueries.VerifyAsync(context, context.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("verificationDocument")
            .Description("The verification document (DESIGN.md §3) as JSON text, the same as verificationDocumentUrl serves.")
            .ResolveAsync(async context =>
            {
                await using var db = context.CreateDbContext();
                var draw = await DrawRecords.LoadForVerificationAsync(db, context.Source.Id, context.CancellationToken);
                return DrawVerificationJson.Serialize(DrawRecords.Document(draw!));
            });
        Field<NonNullGraphType<StringGraphType>>("verificationDocumentUrl")
            .Description("Where the verification document downloads from, relative to the server.")
            .Resolve(context => DrawEndpoints.DocumentPath(context.Source.Id));
    }

    /// <summary>The roles that read draws.</summary>
    internal static readonly string[] ReadBy = [Roles.Coordinator, Roles.Auditor];

    protected override IQueryable<Draw> Readable(AppDbContext db, IResolveFieldContext context)
    {
        return DrawLoading.Include(db.Draws.AsNoTracking()).AsSplitQuery();
    }
}

/// <summary>
/// Visible to coordinators, auditors and inspectors; an inspector reaches only the selections of their own teams
/// (through <c>inspectionTasks</c>), and the draw behind a selection stays closed to them.
/// </summary>
public sealed class DrawSelectionType : AutoRegisteringObjectGraphType<DrawSelection>
{
    public DrawSelectionType() : base(s => s.Id, s => s.DrawId, s => s.TargetId)
    {
        Name = "DrawSelection";
        Description = "抽中对象: a drawn target with its randomly drawn team (检查组).";
        this.AuthorizeWithRoles(Roles.Coordinator, Roles.Auditor, Roles.Inspector);
        this.MarkNonNull(nameof(DrawSelection.Target));
        GetField(nameof(DrawSelection.Team))!.UseSorting();

        // The whole draw, and who was passed over and why (recusals among them), are for those who oversee draws.
        GetField(nameof(DrawSelection.Draw))!.RestrictTo(Roles.Coordinator, Roles.Auditor);
        GetField(nameof(DrawSelection.Skipped))!.UseSorting().RestrictTo(Roles.Coordinator, Roles.Auditor);
    }
}

public sealed class TeamMemberType : AutoRegisteringObjectGraphType<TeamMember>
{
    public TeamMemberType() : base(m => m.Id, m => m.SelectionId, m => m.InspectorId)
    {
        Description = "An inspector on a team, with the ticket that put them there.";
        this.AuthorizeWithRoles(Roles.Coordinator, Roles.Auditor, Roles.Inspector);
        this.MarkNonNull(nameof(TeamMember.Inspector));
    }
}

public sealed class SkippedCandidateType : AutoRegisteringObjectGraphType<SkippedCandidate>
{
    public SkippedCandidateType() : base(c => c.Id, c => c.DrawId, c => c.SelectionId, c => c.InspectorId)
    {
        Description = "A candidate passed over while a team was formed, and the rule that passed it over (RECUSAL, ROTATION, MAX_TASKS).";
        this.AuthorizeWithRoles(Roles.Coordinator, Roles.Auditor);
        this.MarkNonNull(nameof(SkippedCandidate.Inspector));
    }
}

public sealed class StratumQuotaType : AutoRegisteringObjectGraphType<DrawQuota>
{
    public StratumQuotaType() : base(q => q.Id, q => q.DrawId)
    {
        Name = "StratumQuota";
        Description = "The quota k of one stratum and the numbers behind it: N (poolSize), U or I (alreadyCovered), q (quartersLeft).";
    }
}

public sealed class TeamRoleType : EnumerationGraphType<InspectorRole>
{
    public TeamRoleType()
    {
        Name = "TeamRole";
        Description = "OFFICER: a certified enforcement officer (持执法证); ASSISTANT: anyone else, who assists and never inspects alone.";
    }
}

/// <summary>The outcome of recomputing a draw.</summary>
/// <param name="Matches">True when everything stored agrees with the recomputation.</param>
/// <param name="Differences">Each difference in plain words; empty when it matches.</param>
/// <param name="DocumentUrl">Where the verification document downloads from.</param>
public sealed record DrawVerificationReport(bool Matches, IReadOnlyList<string> Differences, string DocumentUrl);

public sealed class DrawVerificationType : AutoRegisteringObjectGraphType<DrawVerificationReport>
{
    public DrawVerificationType()
    {
        Name = "DrawVerification";
        Description = "Whether a stored draw recomputes exactly, and if not, what differs.";
    }
}
