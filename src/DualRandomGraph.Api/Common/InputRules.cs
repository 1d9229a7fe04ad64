using DualRandomGraph.GraphQL.Mutations;

namespace DualRandomGraph.Api.Common;

/// <summary>The checks every registry input shares, each adding a <see cref="ValidationError"/> when it fails.</summary>
internal static class InputRules
{
    public static void RequireText(List<IUserError> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new ValidationError(field, $"{field} must not be empty."));
        }
        else
        {
            LimitText(errors, field, value, maxLength);
        }
    }

    public static void LimitText(List<IUserError> errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors.Add(new ValidationError(field, $"{field} must be at most {maxLength} characters long."));
        }
    }

    public static void LimitList(List<IUserError> errors, string field, IReadOnlyCollection<string>? values, int maxCount, int maxLength)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count > maxCount)
        {
            errors.Add(new ValidationError(field, $"{field} may hold at most {maxCount} entries."));
        }

        if (values.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > maxLength))
        {
            errors.Add(new ValidationError(field, $"Each entry of {field} must be non-empty and at most {maxLength} characters long."));
        }
    }

    /// <summary>Trims text and turns blank into null, so optional fields never store white space.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static List<string> CleanList(IEnumerable<string>? values)
        => values is null ? [] : [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
}
