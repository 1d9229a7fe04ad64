namespace DualRandomGraph.Domain.Registry;

/// <summary>What is wrong with a unified social credit code (统一社会信用代码).</summary>
public enum CreditCodeProblemKind
{
    /// <summary>Null, empty or white space only.</summary>
    Missing,

    /// <summary>Not 18 characters long.</summary>
    Length,

    /// <summary>A character outside the code's alphabet (which has no I, O, Z, S, V and no lower case).</summary>
    IllegalCharacter,

    /// <summary>Position 1 is not a registration-authority code (登记管理部门代码).</summary>
    RegistrationAuthority,

    /// <summary>Position 2 is not an organisation type (机构类别代码) of that registration authority.</summary>
    OrganizationType,

    /// <summary>Positions 3–8 (登记管理机关行政区划码) are not six digits.</summary>
    RegionCode,

    /// <summary>Position 18 is not the GB 32100 check character of positions 1–17.</summary>
    CheckCharacter,
}

/// <summary>
/// One problem found in a unified social credit code, in plain words.
/// </summary>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Message">A sentence a user can act on.</param>
/// <param name="Position">The 1-based position of the offending character, when there is one.</param>
/// <param name="ExpectedCheckCharacter">For <see cref="CreditCodeProblemKind.CheckCharacter"/>: the character position 18 should hold.</param>
public sealed record CreditCodeProblem(
    CreditCodeProblemKind Kind,
    string Message,
    int? Position = null,
    char? ExpectedCheckCharacter = null);
