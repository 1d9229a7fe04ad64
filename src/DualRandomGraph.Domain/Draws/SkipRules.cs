namespace DualRandomGraph.Domain.Draws;

/// <summary>Why a candidate inspector was passed over for a team.</summary>
public static class SkipRules
{
    /// <summary>回避: a conflict of interest with the target (an exclusion listed in the pool).</summary>
    public const string Recusal = "RECUSAL";

    /// <summary>On the team of the target's latest random inspection (an exclusion listed in the pool).</summary>
    public const string Rotation = "ROTATION";

    /// <summary>Already on <c>maxTasksPerInspector</c> teams of this draw (found by the draw itself).</summary>
    public const string MaxTasks = "MAX_TASKS";
}
