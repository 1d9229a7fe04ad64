using System.Text.Json;
using DualRandomGraph.Domain.Draws;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Tests.Draws;

/// <summary>Inputs for draw tests: the shipped vector (read with plain JsonDocument) and random pools.</summary>
internal static class DrawFixtures
{
    public static string VectorPath => TestData.PathOf("drg-1-vector-1.json");

    public static string VectorJson => File.ReadAllText(VectorPath);

    /// <summary>The input of drg-1-vector-1.json, read without the document types under test.</summary>
    public static DrawInput VectorInput()
    {
        using var doc = JsonDocument.Parse(VectorJson);
        var root = doc.RootElement;
        var rules = root.GetProperty("rules");
        return new DrawInput(
            root.GetProperty("seed").GetString()!,
            root.GetProperty("agencyCode").GetString()!,
            root.GetProperty("year").GetInt32(),
            root.GetProperty("quarter").GetInt32(),
            root.GetProperty("quotas").EnumerateObject().ToDictionary(q => Stratum(q.Name), q => q.Value.GetInt32()),
            new TeamRules(rules.GetProperty("officersPerTeam").GetInt32(), rules.GetProperty("assistantsPerTeam").GetInt32()),
            root.GetProperty("targetPool").EnumerateArray()
                .Select(t => new TargetPoolMember(t.GetProperty("key").GetString()!, Stratum(t.GetProperty("stratum").GetString()!), t.GetProperty("priorityGroup").GetInt32()))
                .ToList(),
            root.GetProperty("inspectorPool").EnumerateArray()
                .Select(i => new InspectorPoolMember(
                    i.GetProperty("key").GetString()!,
                    i.GetProperty("role").GetString() == "OFFICER" ? InspectorRole.Officer : InspectorRole.Assistant,
                    i.GetProperty("excludedFor").EnumerateArray()
                        .Select(e => new Exclusion(e.GetProperty("targetKey").GetString()!, e.GetProperty("rule").GetString()!))
                        .ToList()))
                .ToList());
    }

    /// <summary>A random but reproducible draw input with valid credit codes, exclusions and optional caps.</summary>
    public static DrawInput RandomInput(int seed, int targets = 200, int officers = 12, int assistants = 5)
    {
        var random = new Random(seed);
        var targetPool = Enumerable.Range(0, targets)
            .Select(i =>
            {
                var stratum = (TargetCategory)random.Next(5);
                var group = stratum == TargetCategory.Special ? 0 : random.Next(2);
                return new TargetPoolMember(CreditCode.Complete($"9165280{i:D10}"), stratum, group);
            })
            .ToList();

        var quotas = Drg1.StratumOrder.ToDictionary(
            s => s,
            s => random.Next(0, targetPool.Count(t => t.Stratum == s) + 1) / 2);
        var targetKeys = targetPool.Select(t => t.Key).ToArray();

        InspectorPoolMember Inspector(string key, InspectorRole role) => new(
            key,
            role,
            Enumerable.Range(0, random.Next(0, 6))
                .Select(_ => new Exclusion(targetKeys[random.Next(targetKeys.Length)], random.Next(2) == 0 ? SkipRules.Recusal : SkipRules.Rotation))
                .ToList());

        var inspectorPool = Enumerable.Range(1, officers).Select(i => Inspector($"XJHB{i:D5}", InspectorRole.Officer))
            .Concat(Enumerable.Range(1, assistants).Select(i => Inspector($"FZ-{i:D4}", InspectorRole.Assistant)))
            .ToList();

        var rules = new TeamRules(random.Next(1, 4), random.Next(0, 3), random.Next(3) == 0 ? null : random.Next(1, 8));
        return new DrawInput($"random pool seed {seed:D6} · 骰子", "TEST-EPB", 2024, random.Next(1, 5), quotas, rules, targetPool, inspectorPool);
    }

    public static List<T> Shuffled<T>(IEnumerable<T> items, int seed)
    {
        var list = items.ToList();
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }

    private static TargetCategory Stratum(string name) =>
        TargetCategoryNames.TryParseStratumName(name, out var category) ? category : throw new FormatException(name);
}
