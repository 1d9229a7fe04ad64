using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using DualRandomGraph.GraphQL.Mutations;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Resolvers;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Auditing;

/// <summary>Runs the mutation, then appends what it did to the <see cref="IAuditSink"/>, whether it succeeded, failed or was denied.</summary>
internal sealed class AuditingFieldResolver(IFieldResolver inner) : IFieldResolver
{
    private const string AuthorizationCodePrefix = "AUTH_";

    /// <summary>Per payload type, its <c>Errors</c> property (null when it has none): reflection once, not per call.</summary>
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> ErrorsProperties = new();

    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        // Digested before the resolver runs, so the entry names what was asked even if the resolver changes it.
        var digest = CanonicalArguments.Digest(context);
        object? result;
        try
        {
            result = await inner.ResolveAsync(context);
        }
        catch (Exception exception)
        {
            await AppendAsync(context, digest, OutcomeOf(exception));
            throw;
        }

        await AppendAsync(context, digest, OutcomeOf(result));
        return result;
    }

    private static Task AppendAsync(IResolveFieldContext context, string digest, string outcome)
    {
        var sink = (context.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices must be set for auditing."))
            .GetRequiredService<IAuditSink>();
        var record = new AuditRecord(context.User, context.FieldDefinition.Name, context.Operation.Name?.StringValue, digest, outcome);

        // Not the request's token: a mutation that has run is recorded even when its caller has gone away meanwhile.
        // A failure to append propagates, so no mutation reports success without its audit entry.
        return sink.AppendAsync(record, CancellationToken.None);
    }

    private static string OutcomeOf(Exception exception) => exception switch
    {
        ExecutionError { Code: { } code } when code.StartsWith(AuthorizationCodePrefix, StringComparison.Ordinal) => "DENIED:" + code,
        ExecutionError { Code: { } code } => "FAILED:" + code,
        OperationCanceledException => "FAILED:CANCELLED",
        _ => "FAILED:" + ErrorInfoProvider.GetErrorCode(exception),
    };

    private static string OutcomeOf(object? result)
    {
        if (result is null || ErrorsProperties.GetOrAdd(result.GetType(), ErrorsProperty) is not { } property
            || property.GetValue(result) is not IEnumerable errors)
        {
            return "OK";
        }

        var codes = errors.OfType<IUserError>().Select(e => e.Code).Distinct(StringComparer.Ordinal).ToList();
        return codes.Count == 0 ? "OK" : "ERRORS:" + string.Join(',', codes);
    }

    private static PropertyInfo? ErrorsProperty(Type payloadType)
        => payloadType.GetProperty("Errors", BindingFlags.Public | BindingFlags.Instance) is { } property
            && typeof(IEnumerable<IUserError>).IsAssignableFrom(property.PropertyType) ? property : null;
}
