using DualRandomGraph.Domain.Registry;
using GraphQL;

namespace DualRandomGraph.Api.Inspectors;

public sealed record CreateInspectorInput
{
    public required string Name { get; init; }

    public required InspectorKind Kind { get; init; }

    /// <summary>执法证号; required for an enforcement officer.</summary>
    public string? CertificateNumber { get; init; }

    /// <summary>The inspector's key in the draw; defaults to the certificate number, and is required without one.</summary>
    public string? RegistryCode { get; init; }

    [Id]
    public required string AgencyId { get; init; }

    public string? Department { get; init; }

    public string? Position { get; init; }

    public int? YearsOfService { get; init; }

    public IReadOnlyList<string>? Expertise { get; init; }
}

/// <summary>Changes the given fields and leaves omitted (null) ones alone; an empty string clears an optional text.</summary>
public sealed record UpdateInspectorInput
{
    [Id]
    public required string Id { get; init; }

    /// <summary>The <c>version</c> the caller read; the update is refused when the inspector has changed since.</summary>
    public int? ExpectedVersion { get; init; }

    public string? Name { get; init; }

    public InspectorKind? Kind { get; init; }

    public string? CertificateNumber { get; init; }

    public string? Department { get; init; }

    public string? Position { get; init; }

    public int? YearsOfService { get; init; }

    public IReadOnlyList<string>? Expertise { get; init; }
}

public sealed record DeactivateInspectorInput
{
    [Id]
    public required string InspectorId { get; init; }

    /// <summary>Today when omitted.</summary>
    public DateOnly? EffectiveFrom { get; init; }

    public required string Reason { get; init; }
}

/// <summary>Links an inspector to a login: the <c>sub</c> claim of their tokens. Null unlinks.</summary>
public sealed record LinkInspectorAccountInput
{
    [Id]
    public required string InspectorId { get; init; }

    public string? AccountSubject { get; init; }
}
