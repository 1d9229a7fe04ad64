using System.Text.Json.Nodes;
using DualRandomGraph.Api.Tests.Infrastructure;

namespace DualRandomGraph.Api.Tests.Draws;

/// <summary>The planning mutations a test walks through, as a coordinator sends them, returning the payloads.</summary>
public sealed class PlanningClient(GraphQLClient coordinator)
{
    public const string ErrorFields = "errors { __typename ... on Error { code message } }";

    /// <summary>The errors of drawPlan with the fields each typed error carries.</summary>
    public const string DrawErrorFields = """
        errors { __typename ... on Error { code message }
          ... on PlanNotPublishedError { status } ... on DrawAlreadyCommittedError { committedDrawId }
          ... on SeedTooShortError { length minimumLength } ... on DrawWindowClosedError { windowStart windowEnd today }
          ... on RedrawReasonRequiredError { previousAttempts } ... on EmptyPoolError { poolSize }
          ... on InspectorPoolTooSmallError { officersNeeded officersAvailable assistantsNeeded assistantsAvailable }
          ... on ValidationError { field } }
        """;

    /// <summary>The errors of commitDraw with the fields each typed error carries.</summary>
    public const string CommitErrorFields = """
        errors { __typename ... on Error { code message }
          ... on DrawAlreadyCommittedError { committedDrawId } ... on DrawSupersededError { attempt latestAttempt }
          ... on UnstaffedSelectionsError { targetKeys } }
        """;

    public const string DrawFields = """
        id attempt status algorithm seed reason outsideWindowReason drawnBy drawnAt unstaffedCount
        drawWindow { start end }
        quotas { category poolSize alreadyCovered quartersLeft quota rule leftOutAtCap }
        selections { category rank ticket targetKey staffed team { position role inspectorKey ticket } skipped { position inspectorKey role rule } }
        """;

    public GraphQLClient Client => coordinator;

    /// <summary>Creates and publishes the plan of a quarter; returns its id.</summary>
    public async Task<string> PublishedPlanAsync(string agencyId, int year, int quarter)
    {
        var created = await coordinator.QueryAsync(
            $"mutation($input: CreatePlanInput!) {{ createPlan(input: $input) {{ plan {{ id }} {ErrorFields} }} }}",
            new { input = new { agencyId, year, quarter } });
        var id = (string?)created["createPlan"]!["plan"]?["id"] ?? throw new InvalidOperationException(created.ToJsonString());
        var published = await coordinator.QueryAsync(
            $"mutation($id: ID!) {{ publishPlan(input: {{ planId: $id }}) {{ plan {{ status }} {ErrorFields} }} }}", new { id });
        Assert.Equal("PUBLISHED", (string?)published["publishPlan"]!["plan"]?["status"]);
        return id;
    }

    /// <summary>The drawPlan payload (draw with <see cref="DrawFields"/>, unstaffed target keys, errors).</summary>
    public async Task<JsonNode> DrawAsync(string planId, string seed, string? reason = null, string? outsideWindowReason = null)
    {
        var data = await coordinator.QueryAsync(
            $"mutation($input: DrawPlanInput!) {{ drawPlan(input: $input) {{ draw {{ {DrawFields} }} unstaffed {{ targetKey }} {DrawErrorFields} }} }}",
            new { input = new { planId, seed, reason, outsideWindowReason } });
        return data["drawPlan"]!;
    }

    /// <summary>The commitDraw payload (draw status, tasks, errors).</summary>
    public async Task<JsonNode> CommitAsync(string drawId)
    {
        var data = await coordinator.QueryAsync(
            $$"""
            mutation($id: ID!) { commitDraw(input: { drawId: $id }) {
              draw { status committedAt committedBy plan { status } }
              tasks { id mode status target { creditCode onPositiveList } checkItems { code } selection { category rank team { inspectorKey } } }
              {{CommitErrorFields}} } }
            """,
            new { id = drawId });
        return data["commitDraw"]!;
    }

    public static string? ErrorCode(JsonNode payload) => (string?)payload["errors"]?[0]?["code"];

    public static IReadOnlyList<string> Team(JsonNode draw, int selection)
        => draw["selections"]![selection]!["team"]!.AsArray().Select(m => (string)m!["inspectorKey"]!).ToList();
}
