using DualRandomGraph.GraphQL.Http;
using GraphQL;
using GraphQL.Execution;

namespace DualRandomGraph.Api.Security;

/// <summary>
/// GraphQL.NET's error serializer with exception details (message chain, stack trace) only where they are wanted,
/// i.e. in Development. Elsewhere an unexpected failure also loses the code GraphQL.NET derives from its exception
/// type (<c>SQLITE</c>, <c>NULL_REFERENCE</c>...), which names the server's internals: it becomes
/// <c>INTERNAL_SERVER_ERROR</c>, the code the transport gives its own unexpected failures.
/// </summary>
public sealed class SafeErrorInfoProvider(bool exposeDetails)
    : ErrorInfoProvider(options => options.ExposeExceptionDetails = exposeDetails)
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (!exposeDetails && executionError is UnhandledError && info.Extensions is { } extensions)
        {
            extensions["code"] = GraphQLHttpErrorCodes.InternalServerError;
            extensions["codes"] = new[] { GraphQLHttpErrorCodes.InternalServerError };
        }

        return info;
    }
}
