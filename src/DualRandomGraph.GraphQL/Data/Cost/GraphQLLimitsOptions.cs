namespace DualRandomGraph.GraphQL.Data.Cost;

/// <summary>
/// Limits on what one operation may ask for, bound from the configuration section <see cref="Section"/>
/// (e.g. <c>"GraphQL": { "Limits": { "MaxComplexity": 20000 } }</c>) by
/// <see cref="CostLimitExtensions.AddDataCostLimits"/>.
/// </summary>
public sealed class GraphQLLimitsOptions
{
    public const string Section = "GraphQL:Limits";

    /// <summary>The deepest nesting of fields allowed; null for no limit.</summary>
    public int? MaxDepth { get; set; } = 15;

    /// <summary>
    /// The highest cost allowed; null for no limit. A field costs 1, times the size of every list it is in:
    /// a page counts as <c>first</c>/<c>last</c>/<c>take</c> items, or the field's default page size when none
    /// is given, so <c>targets(first: 100) { nodes { name inspections(first: 50) { nodes { outcome } } } }</c>
    /// costs 1 (targets) + 1 (nodes) + 100 × (1 name + 1 inspections + 1 nodes + 50 outcomes) = 5,302.
    /// </summary>
    public int? MaxComplexity { get; set; } = 25_000;

    /// <summary>The assumed size of a list that takes no page size (an unpaged list field).</summary>
    public double UnpagedListSize { get; set; } = 20;
}
