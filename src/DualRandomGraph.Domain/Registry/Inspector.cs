namespace DualRandomGraph.Domain.Registry;

/// <summary>检查人员: a person in the registry of inspectors.</summary>
public sealed class Inspector : IVersioned
{
    public int Id { get; init; }

    public required string Name { get; set; }

    public InspectorKind Kind { get; set; }

    /// <summary>执法证号; required for an enforcement officer, and what makes someone a certified officer in a draw.</summary>
    public string? CertificateNumber { get; set; }

    /// <summary>The inspector's stable key in the draw: the certificate number, or a registry code for auxiliary staff.</summary>
    public required string RegistryCode { get; init; }

    public int AgencyId { get; init; }

    public Agency? Agency { get; init; }

    public string? Department { get; set; }

    public string? Position { get; set; }

    public int? YearsOfService { get; set; }

    public List<string> Expertise { get; set; } = [];

    public bool Active { get; set; } = true;

    public DateOnly? DeactivatedOn { get; set; }

    public string? DeactivationReason { get; set; }

    /// <summary>
    /// The <c>sub</c> claim of the inspector's login, set by an administrator. It is how the API knows which
    /// inspector a token belongs to, and so which teams' selections and tasks the token may see. A separate field
    /// rather than the certificate number: an identity provider's subject is its own id, and a certificate can be
    /// renewed under a new number without the person changing.
    /// </summary>
    public string? AccountSubject { get; set; }

    public int Version { get; set; }
}
