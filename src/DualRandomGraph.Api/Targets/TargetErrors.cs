using DualRandomGraph.GraphQL.Mutations;

namespace DualRandomGraph.Api.Targets;

/// <summary>The credit code breaks GB 32100; <see cref="Problem"/> says how (length, character, check character...).</summary>
public sealed record InvalidCreditCodeError(string Message, string CreditCode, string Problem, string? ExpectedCheckCharacter) : IUserError
{
    public string Code => "INVALID_CREDIT_CODE";
}

public sealed record DuplicateCreditCodeError(string Message, string CreditCode) : IUserError
{
    public string Code => "DUPLICATE_CREDIT_CODE";
}

/// <summary>A category change must be dated after the change before it, so the history stays a timeline.</summary>
public sealed record CategoryChangeOutOfOrderError(string Message, DateOnly EffectiveFrom, DateOnly PreviousEffectiveFrom) : IUserError
{
    public string Code => "CATEGORY_CHANGE_OUT_OF_ORDER";
}
