using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Tests.Registry;

public sealed class TargetCategoryTests
{
    [Theory]
    [InlineData(TargetCategory.Key, "KEY")]
    [InlineData(TargetCategory.Special, "SPECIAL")]
    [InlineData(TargetCategory.General, "GENERAL")]
    [InlineData(TargetCategory.ConstructionProject, "CONSTRUCTION_PROJECT")]
    [InlineData(TargetCategory.IndustrialPark, "INDUSTRIAL_PARK")]
    public void Stratum_names_round_trip(TargetCategory category, string name)
    {
        Assert.Equal(name, category.ToStratumName());
        Assert.True(TargetCategoryNames.TryParseStratumName(name, out var parsed));
        Assert.Equal(category, parsed);
    }

    [Theory]
    [InlineData("key")]
    [InlineData("Key")]
    [InlineData("CONSTRUCTIONPROJECT")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_names_are_not_strata(string? name) =>
        Assert.False(TargetCategoryNames.TryParseStratumName(name, out _));
}
