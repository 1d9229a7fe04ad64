using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Resolvers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Authorization;

/// <summary>Runs the field's resolver only when its <see cref="FieldAccessRule"/> grants access; otherwise the field is null with an error.</summary>
internal sealed class AuthorizingFieldResolver(IFieldResolver inner, FieldAccessRule rule) : IFieldResolver
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        // A type's rule guards every field of every object of that type, so a page of 50 objects asks the same
        // question hundreds of times; a rule that does not look at the resource is answered once per request.
        if (!rule.DependsOnResource && AccessDenial.Decisions(context).TryGetValue(rule, out var code))
        {
            return code is null ? inner.ResolveAsync(context) : throw AccessDenial.Error(code);
        }

        return CheckThenResolveAsync(context);
    }

    private async ValueTask<object?> CheckThenResolveAsync(IResolveFieldContext context)
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
        if (!rule.DependsOnResource)
        {
            Decisions(context)[rule] = code;
        }

        if (code is not null)
        {
            throw Error(code);
        }
    }

    public static ExecutionError Error(string code) => code == AuthorizationErrorCodes.NotAuthenticated
        ? new ExecutionError("The current user is not authenticated.") { Code = code }
        : new ExecutionError("The current user is not authorized to access this resource.") { Code = code };

    internal const string DecisionsKey = "DualRandomGraph.Authorization.Decisions";

    // Made before execution starts (AddFieldAuthorization configures every execution), so that the parallel field
    // resolvers only read the user context. A ConditionalWeakTable keyed by the execution did the same, but its
    // lock on every new execution showed as contention under concurrent load.
    internal static void PrepareDecisions(ExecutionOptions options)
        => options.UserContext[DecisionsKey] = new ConcurrentDictionary<FieldAccessRule, string?>();

    /// <summary>This execution's answers to rules that depend only on the user (a null code means granted).</summary>
    internal static ConcurrentDictionary<FieldAccessRule, string?> Decisions(IResolveFieldContext context)
        => context.UserContext.TryGetValue(DecisionsKey, out var decisions) && decisions is ConcurrentDictionary<FieldAccessRule, string?> known
            ? known
            : []; // an execution not configured by AddFieldAuthorization: decide every time
}
