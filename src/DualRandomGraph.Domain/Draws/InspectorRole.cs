namespace DualRandomGraph.Domain.Draws;

/// <summary>The role an inspector can fill on a team of drg-1.</summary>
public enum InspectorRole
{
    /// <summary>A certified enforcement officer (持执法证), who may be an inspector of record.</summary>
    Officer,

    /// <summary>Everyone else (supervision or auxiliary staff), who assists and never inspects alone.</summary>
    Assistant,
}

/// <summary>The names of roles in drg-1 documents and digests.</summary>
public static class InspectorRoleNames
{
    /// <summary><c>OFFICER</c> or <c>ASSISTANT</c>.</summary>
    public static string ToRoleName(this InspectorRole role) => role switch
    {
        InspectorRole.Officer => "OFFICER",
        InspectorRole.Assistant => "ASSISTANT",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not an inspector role."),
    };

    /// <summary>The role named exactly <paramref name="name"/>.</summary>
    public static bool TryParseRoleName(string? name, out InspectorRole role)
    {
        (var ok, role) = name switch
        {
            "OFFICER" => (true, InspectorRole.Officer),
            "ASSISTANT" => (true, InspectorRole.Assistant),
            _ => (false, default),
        };
        return ok;
    }
}
