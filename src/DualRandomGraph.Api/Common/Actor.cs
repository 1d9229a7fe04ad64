using GraphQL;

namespace DualRandomGraph.Api.Common;

internal static class Actor
{
    /// <summary>Who is calling, as records of changes name them: the token's <c>sub</c> claim.</summary>
    public static string Name(IResolveFieldContext context) => context.User?.Identity?.Name ?? "anonymous";
}
