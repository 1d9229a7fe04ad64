using System.Collections.Concurrent;
using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Authorization;

namespace DualRandomGraph.GraphQL.Authorization;

/// <summary>
/// Who may resolve one field: the field's own <see cref="global::GraphQL.AuthorizeAttribute"/> metadata, or else that of the
/// type it belongs to. A field marked <see cref="global::GraphQL.AllowAnonymousAttribute"/> opts out of its type's rule.
/// Every check goes through ASP.NET Core's <see cref="IAuthorizationService"/>, so roles and named policies
/// are one mechanism, and a policy handler receives the <see cref="IResolveFieldContext"/> as its resource.
/// </summary>
public sealed class FieldAccessRule
{
    private static readonly ConcurrentDictionary<string, FieldAccessRule> Instances = new(StringComparer.Ordinal);

    private readonly AuthorizationPolicy? _rolePolicy;
    private readonly IReadOnlyList<string> _policies;

    private FieldAccessRule(IReadOnlyList<string>? roles, IReadOnlyList<string>? policies)
    {
        _rolePolicy = roles is { Count: > 0 } ? new AuthorizationPolicyBuilder().RequireRole(roles).Build() : null;
        _policies = policies ?? [];
        Roles = roles ?? [];
    }

    public IReadOnlyList<string> Roles { get; }

    public IReadOnlyList<string> Policies => _policies;

    /// <summary>
    /// True when a named policy takes part: its handlers may look at the resource (the field being resolved), so
    /// its answer cannot be reused for another field. A rule of roles alone depends only on the user.
    /// </summary>
    public bool DependsOnResource => _policies.Count > 0;

    /// <summary>The rule for <paramref name="field"/> on <paramref name="owner"/>, or null when anyone may resolve it.</summary>
    public static FieldAccessRule? For(FieldType field, IMetadataReader? owner)
    {
        if (field.IsAnonymousAllowed())
        {
            return null;
        }

        var source = field.IsAuthorizationRequired() ? field : owner is not null && owner.IsAuthorizationRequired() ? owner : null;
        return source is null ? null : Shared(source.GetRoles(), source.GetPolicies());
    }

    /// <summary>The rule a whole type declares, for callers that must check a type before touching a record of it.</summary>
    public static FieldAccessRule? ForType(IMetadataReader type)
        => type.IsAuthorizationRequired() ? Shared(type.GetRoles(), type.GetPolicies()) : null;

    // Equal rules are one instance, so a request answers a user-only rule once for all the fields that carry it
    // rather than once per field (per-request decisions are keyed by rule instance).
    private static FieldAccessRule Shared(IReadOnlyList<string>? roles, IReadOnlyList<string>? policies)
    {
        var key = string.Join('\u001f', roles ?? []) + "\u001e" + string.Join('\u001f', policies ?? []);
        return Instances.GetOrAdd(key, _ => new FieldAccessRule(roles, policies));
    }

    /// <summary>Null when access is granted, otherwise the error code that says why not.</summary>
    public async ValueTask<string?> CheckAsync(ClaimsPrincipal? user, IAuthorizationService authorization, object? resource)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return AuthorizationErrorCodes.NotAuthenticated;
        }

        if (_rolePolicy is not null && !(await authorization.AuthorizeAsync(user, resource, _rolePolicy)).Succeeded)
        {
            return AuthorizationErrorCodes.NotAuthorized;
        }

        foreach (var policy in _policies)
        {
            if (!(await authorization.AuthorizeAsync(user, resource, policy)).Succeeded)
            {
                return AuthorizationErrorCodes.NotAuthorized;
            }
        }

        return null;
    }
}
