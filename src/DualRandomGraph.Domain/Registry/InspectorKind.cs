namespace DualRandomGraph.Domain.Registry;

public enum InspectorKind
{
    /// <summary>执法人员: holds an enforcement certificate (执法证).</summary>
    EnforcementOfficer,

    /// <summary>日常监管人员: staff doing routine supervision.</summary>
    SupervisionStaff,

    /// <summary>辅助检查人员: from a monitoring agency, research institute, or an expert; assists, never inspects alone.</summary>
    Auxiliary,
}
