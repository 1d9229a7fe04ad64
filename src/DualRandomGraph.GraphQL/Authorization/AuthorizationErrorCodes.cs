namespace DualRandomGraph.GraphQL.Authorization;

/// <summary>The <c>extensions.code</c> values of a denied field, as HotChocolate names them.</summary>
public static class AuthorizationErrorCodes
{
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";
}
