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
        else if (value is not null && HasControlCharacter(value))
        {
            errors.Add(new ValidationError(field, $"{field} must not contain control characters (NUL, escape, direction overrides and the like)."));
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

        if (values.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > maxLength || HasControlCharacter(v)))
        {
            errors.Add(new ValidationError(field, $"Each entry of {field} must be non-empty, at most {maxLength} characters long and free of control characters."));
        }
    }

    /// <summary>
    /// Characters no registry text needs and that harm whoever reads it later: NUL and the other C0/C1 controls (tab and
    /// line breaks excepted, for notes and legal bases), and the explicit direction controls that can make a published
    /// name read differently from what is stored. Natural right-to-left text (Uyghur, Arabic) needs none of them.
    /// </summary>
    private static bool HasControlCharacter(string value)
    {
        foreach (var c in value)
        {
            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Trims text and turns blank into null, so optional fields never store white space.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static List<string> CleanList(IEnumerable<string>? values)
        => values is null ? [] : [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
}
