using System.Text.Json.Nodes;

namespace DualRandomGraph.Api.Tests.Infrastructure;

internal static class PayloadExtensions
{
    /// <summary>
    /// A mutation payload's errors as one line, <c>CODE</c> or <c>CODE(field)</c> for an error with a field, in order;
    /// <c>none</c> when the payload has no errors. The query must select <c>... on Error { code }</c> and
    /// <c>... on ValidationError { field }</c> (and <c>field</c> of other errors that have one).
    /// </summary>
    public static string ErrorSummary(this JsonNode payload)
        => payload["errors"] is JsonArray errors
            ? string.Join(", ", errors.Select(e => e!["field"] is { } field ? $"{e["code"]}({field})" : (string?)e["code"]))
            : "none";
}
