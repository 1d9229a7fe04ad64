using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace DualRandomGraph.GraphQL.Validation;

/// <summary>The <c>extensions.code</c> of each request limit; the figures are in the error's other extensions.</summary>
public static class RequestLimitErrorCodes
{
    public const string MaxOperationsExceeded = "MAX_OPERATIONS_EXCEEDED";
    public const string MaxFragmentsExceeded = "MAX_FRAGMENTS_EXCEEDED";
    public const string MaxNodesExceeded = "MAX_NODES_EXCEEDED";

    /// <summary>The same code as the cost analyzer's depth limit: either way the document nests too deeply.</summary>
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";

    public const string MaxRepeatedFieldsExceeded = "MAX_REPEATED_FIELDS_EXCEEDED";
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";
    public const string MaxRootFieldsExceeded = "MAX_ROOT_FIELDS_EXCEEDED";
    public const string MaxIntrospectionRecursionExceeded = "MAX_INTROSPECTION_RECURSION_EXCEEDED";
    public const string MaxVariableValuesExceeded = "MAX_VARIABLE_VALUES_EXCEEDED";
    public const string MaxVariableDepthExceeded = "MAX_VARIABLE_DEPTH_EXCEEDED";
    public const string TooManyErrors = "TOO_MANY_ERRORS";
}

/// <summary>A request over one of the <see cref="RequestLimitsOptions"/>; a validation error, so answered with 400.</summary>
public sealed class RequestLimitError : ValidationError
{
    public RequestLimitError(string code, string message, ROM source, ASTNode? node, params (string Key, object? Value)[] extensions)
        : base(source, null, message, node is null ? [] : [node])
    {
        Code = code;
        Extensions = extensions.ToDictionary(e => e.Key, e => e.Value);
    }
}
