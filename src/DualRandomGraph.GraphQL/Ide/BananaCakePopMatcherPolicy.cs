using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace DualRandomGraph.GraphQL.Ide;

/// <summary>Marks the endpoints <see cref="BananaCakePopEndpointRouteBuilderExtensions.MapBananaCakePop"/> adds.</summary>
internal sealed class BananaCakePopEndpointMetadata;

/// <summary>
/// Routing ignores a trailing slash, so a GraphQL endpoint mapped at <c>/graphql</c> also matches
/// <c>/graphql/</c> and, being a literal, outranks the IDE's catch-all there. The IDE's page must
/// live at the slashed address (its assets are relative URLs) while the bare address belongs to the
/// GraphQL endpoint, so this settles the tie by the one thing routing does not look at: the slash.
/// </summary>
internal sealed class BananaCakePopMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    // After the HTTP method policy, so only endpoints that accept the request's method compete.
    public override int Order => 100;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<BananaCakePopEndpointMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var endsWithSlash = httpContext.Request.Path.Value?.EndsWith('/') ?? false;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i)
                || candidates[i].Endpoint.Metadata.GetMetadata<BananaCakePopEndpointMetadata>() is null
                || candidates[i].Values?[BananaCakePopRequestHandler.PathParameter] is string { Length: > 0 })
            {
                // Files below the IDE's address compete by ordinary route precedence.
                continue;
            }

            if (endsWithSlash)
            {
                InvalidateAllBut(candidates, i);
                return Task.CompletedTask;
            }

            if (HasOtherValidCandidate(candidates, i))
            {
                // The bare address is the GraphQL endpoint's; the IDE only redirects it when nothing else answers there.
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }

    private static void InvalidateAllBut(CandidateSet candidates, int keep)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (i != keep)
            {
                candidates.SetValidity(i, false);
            }
        }
    }

    private static bool HasOtherValidCandidate(CandidateSet candidates, int except)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (i != except && candidates.IsValidCandidate(i))
            {
                return true;
            }
        }

        return false;
    }
}
