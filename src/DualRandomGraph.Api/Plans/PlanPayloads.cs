using DualRandomGraph.Api.Common;
using DualRandomGraph.Domain.Calendar;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Mutations;

namespace DualRandomGraph.Api.Plans;

public sealed record CreatePlanPayload(
    SamplingPlan? Plan,
    [property: Errors(typeof(UnknownAgencyError), typeof(DuplicatePlanError), typeof(NoSamplingPolicyError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);

public sealed record PublishPlanPayload(
    SamplingPlan? Plan,
    [property: Errors(typeof(NotFoundError), typeof(PlanNotDraftError), typeof(NoSamplingPolicyError), typeof(ConcurrencyConflictError))]
    IReadOnlyList<IUserError>? Errors);

/// <summary>What a draw of the plan would take if made now, before anything is drawn.</summary>
/// <param name="Quotas">Per stratum: N, U or I (alreadyCovered), q, k and the rule behind k.</param>
/// <param name="Officers">Certified officers in the inspector pool.</param>
/// <param name="Assistants">Other inspectors in the pool.</param>
/// <param name="DrawWindow">R4: the last 5 working days of the previous quarter; null when the calendar lacks the year.</param>
/// <param name="WindowOpen">Whether today is inside the window (outside, a draw needs a reason).</param>
public sealed record QuotaPreview(IReadOnlyList<DrawQuota> Quotas, int Officers, int Assistants, DateRange? DrawWindow, bool WindowOpen);
