using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Domain.Draws;

/// <summary>Checks a <see cref="DrawInput"/> before a draw, collecting every problem rather than stopping at the first.</summary>
internal static class DrawInputValidator
{
    public static IReadOnlyList<DrawProblem> Validate(DrawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<DrawProblem>();
        void Add(DrawProblemKind kind, string message) => problems.Add(new DrawProblem(kind, message));

        if (Drg1.ValidateSeed(input.Seed) is { } seedProblem)
        {
            problems.Add(seedProblem);
        }

        if (!IsCleanKey(input.AgencyCode))
        {
            Add(DrawProblemKind.InvalidAgencyCode, $"The agency code '{input.AgencyCode}' must be non-empty, without surrounding white space, '|' or line breaks.");
        }

        if (input.Year is < 1 or > 9999 || input.Quarter is < 1 or > 4)
        {
            Add(DrawProblemKind.InvalidPeriod, $"{input.Year}Q{input.Quarter} is not a valid year and quarter.");
        }

        var rules = input.Rules;
        if (rules.OfficersPerTeam < 0 || rules.AssistantsPerTeam < 0 || rules.MaxTasksPerInspector is < 1)
        {
            Add(DrawProblemKind.InvalidRules, "officersPerTeam and assistantsPerTeam must be 0 or more, and maxTasksPerInspector, when set, 1 or more.");
        }

        var targetKeys = new HashSet<string>(StringComparer.Ordinal);
        var poolSizes = new Dictionary<TargetCategory, int>();
        foreach (var target in input.TargetPool)
        {
            var key = target.Key;
            if (!IsCleanKey(key) || !string.Equals(key, key.ToUpperInvariant(), StringComparison.Ordinal))
            {
                Add(DrawProblemKind.InvalidKey, $"Target key '{key}' must be upper case, non-empty, without surrounding white space, '|' or line breaks.");
            }
            else if (!targetKeys.Add(key))
            {
                Add(DrawProblemKind.DuplicateKey, $"Target {key} appears more than once in the target pool.");
            }

            if (target.PriorityGroup is not (0 or 1) || (target.Stratum == TargetCategory.Special && target.PriorityGroup != 0))
            {
                Add(DrawProblemKind.InvalidPriorityGroup, $"Target {key} has priority group {target.PriorityGroup}; it must be 0 or 1, and always 0 in SPECIAL.");
            }

            if (!Enum.IsDefined(target.Stratum))
            {
                Add(DrawProblemKind.InvalidKey, $"Target {key} has no valid stratum.");
            }

            poolSizes[target.Stratum] = poolSizes.GetValueOrDefault(target.Stratum) + 1;
        }

        foreach (var (stratum, k) in input.Quotas)
        {
            var size = poolSizes.GetValueOrDefault(stratum);
            if (k < 0 || k > size)
            {
                Add(DrawProblemKind.InvalidQuota, $"The quota of {stratum.ToStratumName()} is {k}; it must be between 0 and the stratum's pool size {size}.");
            }
        }

        var inspectorKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var inspector in input.InspectorPool)
        {
            if (!IsCleanKey(inspector.Key))
            {
                Add(DrawProblemKind.InvalidKey, $"Inspector key '{inspector.Key}' must be non-empty, without surrounding white space, '|' or line breaks.");
            }
            else if (!inspectorKeys.Add(inspector.Key))
            {
                Add(DrawProblemKind.DuplicateKey, $"Inspector {inspector.Key} appears more than once in the inspector pool.");
            }

            if (!Enum.IsDefined(inspector.Role))
            {
                Add(DrawProblemKind.InvalidKey, $"Inspector {inspector.Key} has no valid role.");
            }

            foreach (var exclusion in inspector.ExcludedFor)
            {
                if (string.IsNullOrEmpty(exclusion.TargetKey) || string.IsNullOrWhiteSpace(exclusion.Rule))
                {
                    Add(DrawProblemKind.InvalidExclusion, $"Inspector {inspector.Key} has an exclusion without a target key or a rule.");
                }
            }
        }

        return problems;
    }

    private static bool IsCleanKey(string? key) =>
        !string.IsNullOrEmpty(key)
        && !char.IsWhiteSpace(key[0])
        && !char.IsWhiteSpace(key[^1])
        && key.AsSpan().IndexOfAny('|', '\n', '\r') < 0;
}
