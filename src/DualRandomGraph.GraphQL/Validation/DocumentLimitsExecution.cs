using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.GraphQL.Validation;

/// <summary>
/// Parses the request's document and measures it (<see cref="DocumentShape"/>) before GraphQL.NET validates it, because
/// the validator itself is what a hostile document attacks: a chain of fragments overflowed its stack and ended the
/// process, and a few kilobytes of repeated fields kept it busy for minutes. It also keeps the errors of a refused
/// request to <see cref="RequestLimitsOptions.MaxValidationErrors"/>. A document from the cache passed all this already.
/// </summary>
internal sealed class DocumentLimitsExecution(IOptions<RequestLimitsOptions> options, IDocumentBuilder documentBuilder) : IConfigureExecution
{
    private readonly RequestLimitsOptions _limits = options.Value;

    /// <summary>After the document cache (200), so that only documents the cache does not hold are parsed here.</summary>
    public float SortOrder => 300;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is null && options.Query is { } query)
        {
            GraphQLDocument document;
            try
            {
                document = documentBuilder.Build(query);
            }
            catch (GraphQLMaxDepthExceededException ex)
            {
                // GraphQL.NET reports this as an unexpected error (a 500); it is the client's document that is at fault.
                return new ExecutionResult(new RequestLimitError(RequestLimitErrorCodes.MaxDepthExceeded,
                    $"The document nests deeper than the parser allows (line {ex.Location.Line}, column {ex.Location.Column}).",
                    query, null));
            }
            catch (GraphQLSyntaxErrorException)
            {
                // Let the executer parse again and report the syntax error the way it always does.
                return Truncate(await next(options).ConfigureAwait(false));
            }

            if (DocumentShape.Check(document, _limits, options.CancellationToken) is { } error)
            {
                return new ExecutionResult(error);
            }

            options.Document = document;
        }

        return Truncate(await next(options).ConfigureAwait(false));
    }

    private ExecutionResult Truncate(ExecutionResult result)
    {
        if (result.Executed || _limits.MaxValidationErrors is not { } max || result.Errors is not { } errors || errors.Count <= max)
        {
            return result;
        }

        var kept = new ExecutionErrors();
        foreach (var error in errors.Take(max))
        {
            kept.Add(error);
        }

        kept.Add(new ExecutionError($"{errors.Count - max} more errors were left out; fix the ones above and send the request again.")
        {
            Code = RequestLimitErrorCodes.TooManyErrors,
        });
        result.Errors = kept;
        return result;
    }
}
