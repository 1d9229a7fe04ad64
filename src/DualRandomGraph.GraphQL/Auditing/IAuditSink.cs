using System.Security.Claims;

namespace DualRandomGraph.GraphQL.Auditing;

/// <summary>What one root mutation field did, as <see cref="MutationAuditVisitor"/> reports it.</summary>
/// <param name="User">The caller; null when the request carried none.</param>
/// <param name="Operation">The mutation field's name, e.g. <c>createTarget</c>.</param>
/// <param name="OperationName">The request's operation name, when it gave one.</param>
/// <param name="InputDigest">SHA-256 (hex) of the canonical JSON of the field's arguments (<see cref="CanonicalArguments"/>).</param>
/// <param name="Outcome"><c>OK</c>, <c>ERRORS:CODE1,CODE2</c>, <c>DENIED:AUTH_…</c> or <c>FAILED:code</c>.</param>
public sealed record AuditRecord(ClaimsPrincipal? User, string Operation, string? OperationName, string InputDigest, string Outcome);

/// <summary>Where audit records go; the application implements it (it owns the log's storage).</summary>
public interface IAuditSink
{
    /// <summary>Appends <paramref name="record"/>; returns once it is stored, and throws when it cannot be.</summary>
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken);
}
