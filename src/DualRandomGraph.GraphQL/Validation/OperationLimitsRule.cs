using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace DualRandomGraph.GraphQL.Validation;

/// <summary>
/// <see cref="RequestLimitsOptions.MaxAliases"/> and <see cref="RequestLimitsOptions.MaxRootFields"/> on the operation
/// the request executes. It runs for cached documents too: one document may hold a small operation and a large one,
/// and the request's operation name picks between them after the document was cached.
/// </summary>
public sealed class OperationLimitsRule(IOptions<RequestLimitsOptions> options) : IValidationRule
{
    private readonly RequestLimitsOptions _limits = options.Value;

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation;
        var shape = new OperationShape(context.Document);
        if (_limits.MaxRootFields is { } maxRootFields && shape.Fields(operation.SelectionSet) is var rootFields && rootFields > maxRootFields)
        {
            context.ReportError(new RequestLimitError(RequestLimitErrorCodes.MaxRootFieldsExceeded,
                $"The operation selects {rootFields} root fields; at most {maxRootFields} are allowed.",
                context.Document.Source, operation, ("rootFields", rootFields), ("maxRootFields", maxRootFields)));
        }

        if (_limits.MaxAliases is { } maxAliases && shape.Aliases(operation.SelectionSet) is var aliases && aliases > maxAliases)
        {
            context.ReportError(new RequestLimitError(RequestLimitErrorCodes.MaxAliasesExceeded,
                $"The operation uses {aliases} aliases; at most {maxAliases} are allowed.",
                context.Document.Source, operation, ("aliases", aliases), ("maxAliases", maxAliases)));
        }

        return default;
    }

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;
}
