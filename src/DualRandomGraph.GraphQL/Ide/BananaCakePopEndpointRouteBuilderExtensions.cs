using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Ide;

public static class BananaCakePopEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the Banana Cake Pop GraphQL IDE below <paramref name="pattern"/>: the page at
    /// <c>{pattern}/</c>, its generated <c>{pattern}/bcp-config.json</c> and its assets at
    /// <c>{pattern}/{file}</c>, for GET and HEAD. <c>{pattern}</c> itself is redirected to
    /// <c>{pattern}/</c> unless another endpoint (the GraphQL endpoint) is mapped there; the slashed
    /// address is the IDE's even when the GraphQL endpoint's route would match it too.
    /// Requires <see cref="BananaCakePopServiceCollectionExtensions.AddBananaCakePop"/>.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="pattern">The IDE's address, normally the GraphQL endpoint's path.</param>
    /// <returns>A builder for conventions such as authorization.</returns>
    public static IEndpointConventionBuilder MapBananaCakePop(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);

        var handler = endpoints.ServiceProvider.GetService<BananaCakePopRequestHandler>()
            ?? throw new InvalidOperationException(
                $"Call services.{nameof(BananaCakePopServiceCollectionExtensions.AddBananaCakePop)}() before endpoints.{nameof(MapBananaCakePop)}().");

        // The catch-all also matches the bare and the slashed prefix; BananaCakePopMatcherPolicy
        // shares those two with a GraphQL endpoint mapped at the same path.
        var route = RoutePatternFactory.Parse(pattern.TrimEnd('/') + "/{**" + BananaCakePopRequestHandler.PathParameter + "}");
        return endpoints.Map(route, new RequestDelegate(handler.HandleAsync))
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]), new BananaCakePopEndpointMetadata())
            .WithDisplayName("Banana Cake Pop " + pattern);
    }
}
