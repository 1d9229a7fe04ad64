using System.Globalization;
using GraphQL;
using GraphQL.Execution;

namespace DualRandomGraph.GraphQL.Http;

/// <summary>The <c>extensions.code</c> values the transport itself produces.</summary>
public static class GraphQLHttpErrorCodes
{
    public const string InvalidJson = "INVALID_JSON";
    public const string QueryMissing = "QUERY_MISSING";
    public const string InvalidParameter = "INVALID_PARAMETER";
    public const string BatchingDisabled = "BATCHING_DISABLED";
    public const string BatchTooLarge = "BATCH_TOO_LARGE";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string SubscriptionNotSupported = "SUBSCRIPTION_NOT_SUPPORTED";
    public const string ExecutionTimeout = "EXECUTION_TIMEOUT";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
}

/// <summary>A request the transport rejects before GraphQL sees it; always answered with a 4xx status.</summary>
internal sealed class HttpRequestError : RequestError
{
    public HttpRequestError(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public int StatusCode { get; }
}

/// <summary>The request ran longer than <see cref="GraphQLHttpOptions.ExecutionTimeout"/>.</summary>
internal sealed class ExecutionTimeoutError : ExecutionError
{
    public ExecutionTimeoutError(TimeSpan timeout)
        : base(string.Create(CultureInfo.InvariantCulture, $"The request was cancelled because it ran longer than {timeout.TotalSeconds:0.###} seconds."))
        => Code = GraphQLHttpErrorCodes.ExecutionTimeout;
}
