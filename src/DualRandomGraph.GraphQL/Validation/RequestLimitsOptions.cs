namespace DualRandomGraph.GraphQL.Validation;

/// <summary>
/// Limits on the shape of one GraphQL request, bound from <see cref="Section"/> by
/// <see cref="RequestLimitsBuilderExtensions.AddRequestLimits"/>. The section is shared with the cost limits
/// (<c>MaxDepth</c>, <c>MaxComplexity</c>) so that an operator finds every per-request limit in one place.
/// Every limit is a count; <c>null</c> turns it off.
/// </summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "GraphQL:Limits";

    /// <summary>Operations one document may define (only one of them runs, but all are validated).</summary>
    public int? MaxOperations { get; set; } = 20;

    /// <summary>
    /// Fragment definitions one document may hold. GraphQL.NET compares fragments pairwise when it checks that
    /// fields can be merged, so thousands of small fragments cost minutes of CPU.
    /// </summary>
    public int? MaxFragments { get; set; } = 100;

    /// <summary>
    /// Syntax nodes one document may hold: every name, field, argument, directive and literal value. It bounds
    /// the work of every validation rule, several of which grow with the square of what they compare.
    /// </summary>
    public int? MaxNodes { get; set; } = 5_000;

    /// <summary>
    /// How deeply the document may nest, in syntax nodes, counting through fragment spreads into the fragments
    /// they name. GraphQL.NET's validator follows spreads recursively, and a long enough chain of fragments
    /// overflows the stack and ends the process; the parser's own limit (128) holds for one definition only.
    /// </summary>
    public int? MaxDocumentDepth { get; set; } = 256;

    /// <summary>
    /// How many selections in one selection set may share a response name (directly or through fragments).
    /// GraphQL merges them, and proving that they can be merged costs the square of their number.
    /// </summary>
    public int? MaxRepeatedFields { get; set; } = 20;

    /// <summary>Aliases in the executed operation, counted through its fragments as often as they are spread.</summary>
    public int? MaxAliases { get; set; } = 50;

    /// <summary>Fields at the root of the executed operation, counted through fragments at the root.</summary>
    public int? MaxRootFields { get; set; } = 20;

    /// <summary>
    /// Under <c>__schema</c>/<c>__type</c>, how often each of introspection's list fields (<c>fields</c>, <c>types</c>,
    /// <c>interfaces</c>...) may appear along one path; at most 15.
    /// </summary>
    public int? MaxIntrospectionRecursion { get; set; } = 1;

    /// <summary>Values in one request's variables: every scalar, list and object counts as one.</summary>
    public int? MaxVariableValues { get; set; } = 1_000;

    /// <summary>How deeply one request's variables may nest lists and objects.</summary>
    public int? MaxVariableDepth { get; set; } = 16;

    /// <summary>
    /// Errors reported for a request that did not execute; the rest are summarised in one last error. Without it
    /// a few kilobytes of conflicting fields produce tens of megabytes of validation errors.
    /// </summary>
    public int? MaxValidationErrors { get; set; } = 20;
}
