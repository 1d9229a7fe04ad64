using DualRandomGraph.Api.Common;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Mutations;

namespace DualRandomGraph.Api.Inspectors;

public sealed record DuplicateCertificateNumberError(string Message, string CertificateNumber) : IUserError
{
    public string Code => "DUPLICATE_CERTIFICATE_NUMBER";
}

public sealed record DuplicateRegistryCodeError(string Message, string RegistryCode) : IUserError
{
    public string Code => "DUPLICATE_REGISTRY_CODE";
}

public sealed record CreateInspectorPayload(
    Inspector? Inspector,
    [property: Errors(typeof(DuplicateCertificateNumberError), typeof(DuplicateRegistryCodeError), typeof(UnknownAgencyError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);

public sealed record UpdateInspectorPayload(
    Inspector? Inspector,
    [property: Errors(typeof(NotFoundError), typeof(DuplicateCertificateNumberError), typeof(ConcurrencyConflictError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);

public sealed record DeactivateInspectorPayload(
    Inspector? Inspector,
    [property: Errors(typeof(NotFoundError), typeof(ConcurrencyConflictError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);

public sealed record LinkInspectorAccountPayload(
    Inspector? Inspector,
    [property: Errors(typeof(NotFoundError), typeof(ConcurrencyConflictError), typeof(ValidationError))]
    IReadOnlyList<IUserError>? Errors);
