namespace DualRandomGraph.Domain.Registry;

/// <summary>The supervision category (监管对象类别) of an inspection target; each is a stratum of the draw.</summary>
public enum TargetCategory
{
    /// <summary>重点监管对象 (table label 重点源).</summary>
    Key,

    /// <summary>特殊监管对象 (特殊源).</summary>
    Special,

    /// <summary>一般监管对象 (一般污染源).</summary>
    General,

    /// <summary>建设项目, one of the "other enforcement items" (其他执法事项).</summary>
    ConstructionProject,

    /// <summary>工业园区, one of the "other enforcement items" (其他执法事项).</summary>
    IndustrialPark,
}

/// <summary>The names under which categories appear in the API and in the drg-1 algorithm.</summary>
public static class TargetCategoryNames
{
    /// <summary>
    /// The stratum name used by drg-1 tickets, pool digests and verification documents, and by the GraphQL enum:
    /// <c>KEY</c>, <c>SPECIAL</c>, <c>GENERAL</c>, <c>CONSTRUCTION_PROJECT</c>, <c>INDUSTRIAL_PARK</c>.
    /// </summary>
    public static string ToStratumName(this TargetCategory category) => category switch
    {
        TargetCategory.Key => "KEY",
        TargetCategory.Special => "SPECIAL",
        TargetCategory.General => "GENERAL",
        TargetCategory.ConstructionProject => "CONSTRUCTION_PROJECT",
        TargetCategory.IndustrialPark => "INDUSTRIAL_PARK",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Not a target category."),
    };

    /// <summary>The category whose stratum name is exactly <paramref name="name"/> (case-sensitive).</summary>
    public static bool TryParseStratumName(string? name, out TargetCategory category)
    {
        foreach (var candidate in Enum.GetValues<TargetCategory>())
        {
            if (string.Equals(candidate.ToStratumName(), name, StringComparison.Ordinal))
            {
                category = candidate;
                return true;
            }
        }

        category = default;
        return false;
    }
}
