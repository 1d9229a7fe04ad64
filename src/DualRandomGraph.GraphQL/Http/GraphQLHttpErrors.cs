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

    /// <summary>The idempotency key is malformed, given twice, or contradicted (400).</summary>
    public const string IdempotencyKeyInvalid = "IDEMPOTENCY_KEY_INVALID";

    /// <summary>The key was used before with a different request (422): a new request needs a new key.</summary>
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";

    /// <summary>The first request with this key is still executing (409); retry once it has answered.</summary>
    public const string IdempotencyKeyInProgress = "IDEMPOTENCY_KEY_IN_PROGRESS";

    /// <summary>A mutation with a key from an anonymous caller (400): keys are kept per authenticated caller.</summary>
    public const string IdempotencyKeyNotAllowed = "IDEMPOTENCY_KEY_NOT_ALLOWED";
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
