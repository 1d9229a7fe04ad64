using GraphQL;

namespace DualRandomGraph.Api.Recusals;

public sealed record DeclareRecusalInput
{
    [Id]
    public required string InspectorId { get; init; }

    [Id]
    public required string TargetId { get; init; }

    /// <summary>E.g. 近亲属在该企业任职, 曾在该企业任职.</summary>
    public required string Reason { get; init; }

    /// <summary>Today when omitted.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>Open-ended when omitted.</summary>
    public DateOnly? ValidTo { get; init; }
}

public sealed record EndRecusalInput
{
    [Id]
    public required string RecusalId { get; init; }

    /// <summary>The last day the recusal is valid; today when omitted.</summary>
    public DateOnly? ValidTo { get; init; }

    public required string Reason { get; init; }

    /// <summary>The <c>version</c> the caller read; the change is refused when the recusal has changed since.</summary>
    public int? ExpectedVersion { get; init; }
}
