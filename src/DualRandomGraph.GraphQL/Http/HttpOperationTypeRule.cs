using GraphQL.Validation;
using GraphQLParser.AST;

namespace DualRandomGraph.GraphQL.Http;

/// <summary>
/// Rejects operations the HTTP method may not carry: a mutation over GET (answered with 405, since
/// GET must stay safe) and a subscription over either method (this transport has no event stream).
/// As a validation rule it runs on cached documents too, where the document is never parsed again.
/// </summary>
internal sealed class HttpOperationTypeRule : IValidationRule
{
    public static readonly HttpOperationTypeRule Get = new(isGet: true);
    public static readonly HttpOperationTypeRule Post = new(isGet: false);

    private readonly bool _isGet;

    private HttpOperationTypeRule(bool isGet) => _isGet = isGet;

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation;
        if (operation.Operation == OperationType.Subscription)
        {
            context.ReportError(new OperationNotAllowedError(context, GraphQLHttpErrorCodes.SubscriptionNotSupported,
                "Subscriptions are not supported over this HTTP endpoint."));
        }
        else if (_isGet && operation.Operation == OperationType.Mutation)
        {
            context.ReportError(new OperationNotAllowedError(context, GraphQLHttpErrorCodes.MethodNotAllowed,
                "A mutation cannot be sent with GET; use POST."));
        }

        return default;
    }

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;
}

internal sealed class OperationNotAllowedError : ValidationError
{
    public OperationNotAllowedError(ValidationContext context, string code, string message)
        : base(context.Document.Source, null, message, context.Operation)
        => Code = code;
}
