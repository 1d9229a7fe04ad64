namespace DualRandomGraph.Domain.Registry;

/// <summary>监管对象类别: the stratum a target is drawn in.</summary>
public enum TargetCategory
{
    /// <summary>重点监管对象 (table label 重点源).</summary>
    Key,

    /// <summary>特殊监管对象 (table label 特殊源).</summary>
    Special,

    /// <summary>一般监管对象 (table label 一般污染源).</summary>
    General,

    /// <summary>建设项目, one of the "other enforcement items" (其他执法事项).</summary>
    ConstructionProject,

    /// <summary>工业园区, one of the "other enforcement items" (其他执法事项).</summary>
    IndustrialPark,
}
