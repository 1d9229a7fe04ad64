using GraphQL;
using GraphQL.DI;

namespace DualRandomGraph.GraphQL.Authorization;

public static class AuthorizationGraphQLBuilderExtensions
{
    /// <summary>
    /// Enforces <see cref="AuthorizeAttribute"/>/<see cref="AllowAnonymousAttribute"/> metadata on types and fields
    /// through ASP.NET Core's IAuthorizationService. A denied field resolves to null with an error whose
    /// <c>extensions.code</c> is one of <see cref="AuthorizationErrorCodes"/>.
    /// </summary>
    public static IGraphQLBuilder AddFieldAuthorization(this IGraphQLBuilder builder)
    {
        return builder
            .AddSchemaVisitor<FieldAuthorizationVisitor>()
            .ConfigureExecutionOptions(AccessDenial.PrepareDecisions);
    }
}
