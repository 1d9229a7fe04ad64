using DualRandomGraph.Api.Common;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.GraphQL.Mutations;

namespace DualRandomGraph.Api.Draws;

public sealed record DrawPlanPayload(
    Draw? Draw,
    [property: Errors(
        typeof(NotFoundError), typeof(PlanNotPublishedError), typeof(DrawAlreadyCommittedError), typeof(SeedTooShortError),
        typeof(DrawWindowClosedError), typeof(CalendarYearNotCoveredError), typeof(RedrawReasonRequiredError), typeof(EmptyPoolError),
        typeof(InspectorPoolTooSmallError), typeof(ConcurrencyConflictError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors)
{
    /// <summary>The selections of the new draw that the inspector pool could not staff (the draw then cannot be committed).</summary>
    public IReadOnlyList<DrawSelection> Unstaffed => Draw?.Selections.Where(s => !s.Staffed).ToList() ?? [];
}

public sealed record CommitDrawPayload(
    Draw? Draw,
    [property: Errors(typeof(NotFoundError), typeof(DrawSupersededError), typeof(DrawAlreadyCommittedError), typeof(UnstaffedSelectionsError))]
    IReadOnlyList<IUserError>? Errors)
{
    /// <summary>The inspection tasks the commit created, one per selection.</summary>
    public IReadOnlyList<InspectionTask> Tasks => Draw?.Selections.Select(s => s.Task).OfType<InspectionTask>().ToList() ?? [];
}
