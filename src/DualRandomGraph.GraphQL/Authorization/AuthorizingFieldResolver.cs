using GraphQL;
using GraphQL.Resolvers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Authorization;

/// <summary>Runs the field's resolver only when its <see cref="FieldAccessRule"/> grants access; otherwise the field is null with an error.</summary>
internal sealed class AuthorizingFieldResolver(IFieldResolver inner, FieldAccessRule rule) : IFieldResolver
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        await AccessDenial.ThrowIfDeniedAsync(rule, context, context);
        return await inner.ResolveAsync(context);
    }
}

/// <summary>Turns a denied <see cref="FieldAccessRule"/> check into the GraphQL error every denial answers with.</summary>
public static class AccessDenial
{
    public static async ValueTask ThrowIfDeniedAsync(FieldAccessRule rule, IResolveFieldContext context, object? resource)
    {
        var services = context.RequestServices
            ?? throw new InvalidOperationException("ExecutionOptions.RequestServices must be set for authorization.");
        var code = await rule.CheckAsync(context.User, services.GetRequiredService<IAuthorizationService>(), resource);
        if (code is not null)
        {
            throw Error(code);
        }
    }

    public static ExecutionError Error(string code) => code == AuthorizationErrorCodes.NotAuthenticated
        ? new ExecutionError("The current user is not authenticated.") { Code = code }
        : new ExecutionError("The current user is not authorized to access this resource.") { Code = code };
}
