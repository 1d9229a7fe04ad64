using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Draws;
using DualRandomGraph.Api.Plans;
using DualRandomGraph.Api.Schema;
using DualRandomGraph.Domain.Publications;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Publications;

/// <summary>Public, with no account: a publication is what the bureau made public.</summary>
public sealed class PublicationType : AppNodeType<Publication>
{
    public PublicationType() : base(p => p.Id, p => p.AgencyId, p => p.Agency, p => p.PlanId, p => p.DrawId)
    {
        Name = nameof(Publication);
        Description = "公开 / 公告: the published random-check results of an agency's quarter, an immutable snapshot; a correction is a new revision.";
        ResolveReference(p => p.Plan, p => p.PlanId);
        GetField(nameof(Publication.Rows))!.UseSorting();

        Field<NonNullGraphType<StringGraphType>>("csvUrl")
            .Description("The table as CSV (UTF-8, the seed's header row), relative to the server.")
            .Resolve(context => PublicationEndpoints.TablePath(context.Source.Id, "csv"))
            .Requires(p => p.Id);
        Field<NonNullGraphType<StringGraphType>>("xlsxUrl")
            .Description("The table as an Excel workbook, relative to the server.")
            .Resolve(context => PublicationEndpoints.TablePath(context.Source.Id, "xlsx"))
            .Requires(p => p.Id);
        Field<StringGraphType>("verificationDocumentUrl")
            .Description("The verification document of the plan's draw, public with the results; null when the quarter was not drawn here.")
            .Resolve(context => context.Source.DrawId is { } drawId ? DrawEndpoints.DocumentPath(drawId) : null)
            .Requires(p => p.DrawId);
    }

    protected override IQueryable<Publication> Readable(AppDbContext db, IResolveFieldContext context)
    {
        return db.Publications.AsNoTracking().Include(p => p.Rows.OrderBy(r => r.Number));
    }
}

/// <summary>Public: a row of a published table.</summary>
public sealed class PublishedResultType : AppNodeType<PublishedResult>
{
    public PublishedResultType() : base(r => r.Id, r => r.PublicationId, r => r.RecordId)
    {
        Name = nameof(PublishedResult);
        Description = "A row of the public table (污染源日常环境监管领域随机抽查情况公开表): one visit, with the labels the table shows.";
        this.MarkNonNull(nameof(PublishedResult.Publication));
        ResolveReference(r => r.Publication, r => r.PublicationId);
    }
}

public sealed class OverduePlanType : ObjectGraphType<OverduePlan>
{
    public OverduePlanType()
    {
        Description = "A plan whose spot-check work is complete and whose results are unpublished past the R5 deadline.";
        Field<NonNullGraphType<SamplingPlanType>>("plan").Resolve(context => context.Source.Plan);
        Field(p => p.WorkCompletedOn).Description("The date of the plan's last recorded inspection.");
        Field(p => p.Deadline).Description("The 20th working day after workCompletedOn.");
    }
}
