using DualRandomGraph.Api.Calendar;
using DualRandomGraph.Api.Common;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Draws;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Calendar;
using DualRandomGraph.Domain.Inspections;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Publications;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Data;
using DualRandomGraph.GraphQL.Mutations;
using DualRandomGraph.GraphQL.Relay;
using DualRandomGraph.GraphQL.WebSockets;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Publications;

/// <summary>一公开: coordinators publish a quarter's random-check results. A payload with errors means nothing was written.</summary>
[Authorize(Roles = Roles.Coordinator)]
public sealed class PublicationMutations
{
    /// <summary>
    /// Publishes the quarter's random and imported records as an immutable snapshot; publishing it again makes a new
    /// revision (with a reason) that supersedes the last. The plan's drawn list and verification document become public.
    /// </summary>
    public static async Task<PublishResultsPayload> PublishResultsAsync(
        PublishResultsInput input,
        [FromDbContext] AppDbContext db,
        [FromServices] CalendarSource calendars,
        [FromServices] TimeProvider clock,
        [FromServices] IEventStream<PublicationPublished> publicationPublished,
        IResolveFieldContext context)
    {
        var cancellationToken = context.CancellationToken;
        var errors = new List<IUserError>();
        var (agencyId, year, quarter, plan) = await ScopeAsync(db, input, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return new PublishResultsPayload(null, errors);
        }

        InputRules.LimitText(errors, "reason", input.Reason, 500);
        var drawId = plan is null ? null : await db.Draws.Where(d => d.PlanId == plan.Id && d.Status == DrawStatus.Committed).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
        var unrecorded = plan is null ? 0 : await db.Tasks.CountAsync(t => t.PlanId == plan.Id && t.Status == InspectionTaskStatus.Assigned, cancellationToken);
        if (unrecorded > 0)
        {
            errors.Add(new TasksNotRecordedError($"{unrecorded} task(s) of the plan have a visit not yet recorded.", unrecorded));
        }

        var records = await PublishableAsync(db, agencyId, year, quarter, plan?.Id, cancellationToken);
        if (records.Count == 0)
        {
            errors.Add(new NothingToPublishError($"{year}Q{quarter} has no random or imported inspection record to publish."));
        }

        var previous = await db.Publications.Where(p => p.AgencyId == agencyId && p.Year == year && p.Quarter == quarter)
            .OrderByDescending(p => p.Revision).FirstOrDefaultAsync(cancellationToken);
        var reason = InputRules.Clean(input.Reason);
        if (previous is not null && reason is null)
        {
            errors.Add(new RevisionReasonRequiredError($"{year}Q{quarter} was published (revision {previous.Revision}); a new revision needs a reason.", previous.Revision));
        }

        if (errors.Count > 0)
        {
            return new PublishResultsPayload(null, errors);
        }

        var agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == agencyId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var header = new PublicationHeader(
            agencyId, agency.Code, agency.Name, year, quarter, plan?.Id, drawId, (previous?.Revision ?? 0) + 1, reason, now, Actor.Name(context));
        Publication publication;
        try
        {
            publication = PublicationContent.Build(header, records, await calendars.GetAsync(cancellationToken), clock.Today());
        }
        catch (CalendarYearNotCoveredException e)
        {
            return new PublishResultsPayload(null, [new CalendarYearNotCoveredError(e.Message, e.Year)]);
        }

        db.Publications.Add(publication);
        if (previous is not null)
        {
            previous.SupersededAt = now;
        }

        if (plan is not null)
        {
            plan.ResultsPublishedAt ??= now;
            plan.Status = plan.Status == PlanStatus.Drawn ? PlanStatus.Completed : plan.Status;
            plan.Version++;
        }

        // The unique (agency, quarter, revision) index and the plan's version stop a concurrent publication.
        var raced = await DuplicateGuard.SaveAsync(
            db,
            () => Task.FromResult<IUserError?>(new ConcurrencyConflictError("The quarter was published meanwhile; read it again.", header.Revision - 1, header.Revision)),
            cancellationToken);
        if (raced is not null)
        {
            return new PublishResultsPayload(null, [raced]);
        }

        // Not cancelled with the request: the publication is public whether or not the caller still waits for the answer.
        await publicationPublished.PublishAsync(new PublicationPublished(agencyId, publication.Id), CancellationToken.None);
        return new PublishResultsPayload(await LoadAsync(db, publication.Id, cancellationToken), null);
    }

    /// <summary>
    /// The records a publication of the quarter shows: the random records of the plan's tasks and the imported
    /// records dated in the quarter; targeted records never.
    /// </summary>
    internal static Task<List<PublishableRecord>> PublishableAsync(
        AppDbContext db, int agencyId, int year, int quarter, int? planId, CancellationToken cancellationToken)
    {
        var (first, last) = PublicationContent.QuarterDays(year, quarter);
        return db.InspectionRecords
            .Where(r => r.AgencyId == agencyId
                && ((r.Origin == InspectionOrigin.Random && r.Task!.PlanId == planId)
                    || (r.Origin == InspectionOrigin.Imported && r.InspectedOn >= first && r.InspectedOn <= last)))
            .Select(r => new PublishableRecord(
                r.Id, r.Id, r.TargetId, r.Target!.CreditCode, r.Target.Name, r.Target.Region!.Name, r.Category, r.InspectedOn, r.Outcome, r.Description, r.Origin))
            .ToListAsync(cancellationToken);
    }

    internal static Task<Publication> LoadAsync(AppDbContext db, int id, CancellationToken cancellationToken)
        => db.Publications.AsNoTracking().Include(p => p.Rows.OrderBy(r => r.Number)).FirstAsync(p => p.Id == id, cancellationToken);

    /// <summary>The agency, year, quarter and plan the input names, with errors when it names none or too much.</summary>
    private static async Task<(int AgencyId, int Year, int Quarter, SamplingPlan? Plan)> ScopeAsync(
        AppDbContext db, PublishResultsInput input, List<IUserError> errors, CancellationToken cancellationToken)
    {
        if (input.PlanId is not null)
        {
            if (input.AgencyId is not null || input.Year is not null || input.Quarter is not null)
            {
                errors.Add(new ValidationError("planId", "Give either planId, or agencyId with year and quarter."));
                return default;
            }

            var key = GlobalId.ParseFor(nameof(SamplingPlan), input.PlanId);
            var plan = key is null ? null : await db.Plans.FirstOrDefaultAsync(p => p.Id == key, cancellationToken);
            if (plan is null)
            {
                errors.Add(new NotFoundError("planId", input.PlanId, $"No plan has the id '{input.PlanId}'."));
                return default;
            }

            return (plan.AgencyId, plan.Year, plan.Quarter, plan);
        }

        if (input.AgencyId is null || input.Year is not (>= 2000 and <= 2100) || input.Quarter is not (>= 1 and <= 4))
        {
            errors.Add(new ValidationError("agencyId", "Give either planId, or agencyId with year (2000–2100) and quarter (1–4)."));
            return default;
        }

        var agencyId = GlobalId.ParseFor(nameof(Agency), input.AgencyId);
        if (agencyId is null || !await db.Agencies.AnyAsync(a => a.Id == agencyId, cancellationToken))
        {
            errors.Add(new UnknownAgencyError($"No agency has the id '{input.AgencyId}'.", input.AgencyId));
            return default;
        }

        var (year, quarter) = (input.Year.Value, input.Quarter.Value);
        var quarterPlan = await db.Plans.FirstOrDefaultAsync(p => p.AgencyId == agencyId && p.Year == year && p.Quarter == quarter, cancellationToken);
        return (agencyId.Value, year, quarter, quarterPlan);
    }
}
