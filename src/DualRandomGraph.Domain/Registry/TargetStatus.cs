namespace DualRandomGraph.Domain.Registry;

/// <summary>Only active targets are in a draw's pool; the others stay in the registry for history.</summary>
public enum TargetStatus
{
    Active,
    Suspended,
    Closed,
}
