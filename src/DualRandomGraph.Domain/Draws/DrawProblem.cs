namespace DualRandomGraph.Domain.Draws;

/// <summary>Why a draw cannot be made from an input.</summary>
public enum DrawProblemKind
{
    /// <summary>The seed is missing or shorter than 20 characters.</summary>
    SeedTooShort,

    /// <summary>The seed starts or ends with white space.</summary>
    SeedSurroundingWhiteSpace,

    /// <summary>The seed is not valid Unicode text (a lone surrogate), so it has no UTF-8 form.</summary>
    SeedNotUnicode,

    /// <summary>The agency code is empty, has surrounding white space, or contains '|' or a line break.</summary>
    InvalidAgencyCode,

    /// <summary>The quarter is not 1–4 or the year not 1–9999.</summary>
    InvalidPeriod,

    /// <summary>A quota is negative or larger than its stratum's pool.</summary>
    InvalidQuota,

    /// <summary>Team rules out of range.</summary>
    InvalidRules,

    /// <summary>A target or inspector key is empty, not upper case, has surrounding white space, or contains '|' or a line break.</summary>
    InvalidKey,

    /// <summary>The same key appears twice in a pool.</summary>
    DuplicateKey,

    /// <summary>A priority group other than 0 or 1, or 1 in SPECIAL.</summary>
    InvalidPriorityGroup,

    /// <summary>An exclusion without a target key or rule.</summary>
    InvalidExclusion,
}

/// <summary>One reason a draw cannot be made, in plain words.</summary>
public sealed record DrawProblem(DrawProblemKind Kind, string Message);

/// <summary>Thrown by <see cref="Drg1.Run"/> when the input has problems; <see cref="Drg1.Validate"/> lists them without throwing.</summary>
public sealed class InvalidDrawInputException(IReadOnlyList<DrawProblem> problems)
    : ArgumentException("The draw input is not valid: " + string.Join(" ", problems.Select(p => p.Message)))
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<DrawProblem> Problems { get; } = problems;
}
