using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DualRandomGraph.GraphQL.Http;

/// <summary>
/// Serves GraphQL over HTTP (https://graphql.github.io/graphql-over-http/) at exactly one path;
/// every other path, the IDE's sub-paths included, goes to the next middleware.
/// </summary>
public sealed partial class GraphQLHttpMiddleware
{
    private static readonly IValidationRule[] GetRules = [.. DocumentValidator.CoreRules, HttpOperationTypeRule.Get];
    private static readonly IValidationRule[] PostRules = [.. DocumentValidator.CoreRules, HttpOperationTypeRule.Post];
    private static readonly IValidationRule[] GetCachedRules = [HttpOperationTypeRule.Get];
    private static readonly IValidationRule[] PostCachedRules = [HttpOperationTypeRule.Post];

    private readonly RequestDelegate _next;
    private readonly PathString _path;
    private readonly GraphQLHttpOptions _options;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly GraphQLHttpRequestReader _reader;
    private readonly ILogger<GraphQLHttpMiddleware> _logger;

    public GraphQLHttpMiddleware(
        RequestDelegate next,
        PathString path,
        IOptions<GraphQLHttpOptions> options,
        IGraphQLTextSerializer serializer,
        ILogger<GraphQLHttpMiddleware> logger)
    {
        _next = next;
        _path = path;
        _options = options.Value;
        _serializer = serializer;
        _reader = new GraphQLHttpRequestReader(serializer, _options);
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.Equals(_path, StringComparison.OrdinalIgnoreCase))
        {
            await _next(context);
            return;
        }

        try
        {
            await HandleAsync(context);
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody is left to answer, and it is not a server fault.
            LogClientAborted(ex);
        }
        catch (Exception ex)
        {
            LogTransportFailure(ex);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                var error = new UnhandledError("An unexpected error occurred while processing the request.", ex)
                {
                    Code = GraphQLHttpErrorCodes.InternalServerError,
                };
                await WriteJsonAsync(context, StatusCodes.Status500InternalServerError, GraphQLMediaTypes.Json, new ExecutionResult(error));
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        var mediaType = GraphQLMediaTypes.SelectResponseMediaType(request.Headers.Accept);
        context.Response.Headers.Vary = HeaderNames.Accept;

        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, mediaType, new HttpRequestError(StatusCodes.Status405MethodNotAllowed,
                GraphQLHttpErrorCodes.MethodNotAllowed, $"The method {request.Method} is not allowed; use GET or POST."));
            return;
        }

        if (isGet && !request.Query.ContainsKey("query"))
        {
            if (request.Query.ContainsKey("sdl"))
            {
                await WriteSdlAsync(context);
                return;
            }

            if (GraphQLMediaTypes.AcceptsHtml(request.Headers.Accept))
            {
                await HandleBrowserNavigationAsync(context);
                return;
            }
        }

        if (mediaType is null)
        {
            await WriteErrorAsync(context, null, new HttpRequestError(StatusCodes.Status406NotAcceptable, GraphQLHttpErrorCodes.NotAcceptable,
                $"The Accept header allows none of the media types this endpoint produces: {GraphQLMediaTypes.GraphQLResponseJson}, {GraphQLMediaTypes.Json}."));
            return;
        }

        IReadOnlyList<GraphQLRequest> requests;
        bool isBatch;
        try
        {
            (requests, isBatch) = isGet
                ? ([_reader.ReadGet(request.Query)], false)
                : await _reader.ReadPostAsync(request, context.RequestAborted);
        }
        catch (HttpRequestError error)
        {
            await WriteErrorAsync(context, mediaType, error);
            return;
        }

        var results = await ExecuteAsync(context, requests, isGet);

        if (isBatch)
        {
            // Each result of a batch carries its own errors; the status speaks for the batch as a whole.
            await WriteJsonAsync(context, StatusCodes.Status200OK, mediaType, results);
            return;
        }

        var result = results[0];
        var status = StatusOf(result, mediaType);
        if (status == StatusCodes.Status405MethodNotAllowed)
            context.Response.Headers.Allow = "POST";
        await WriteJsonAsync(context, status, mediaType, result);
    }

    private async Task<ExecutionResult[]> ExecuteAsync(HttpContext context, IReadOnlyList<GraphQLRequest> requests, bool isGet)
    {
        var executer = context.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>();
        var timeout = _options.ExecutionTimeout;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        if (timeout > TimeSpan.Zero)
            cancellation.CancelAfter(timeout);

        // One after the other: the request's scoped services (a DbContext above all) are not thread-safe.
        var results = new ExecutionResult[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var options = new ExecutionOptions
            {
                Query = request.Query,
                DocumentId = request.DocumentId,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                User = context.User,
                RequestServices = context.RequestServices,
                CancellationToken = cancellation.Token,
                ValidationRules = isGet ? GetRules : PostRules,
                CachedDocumentValidationRules = isGet ? GetCachedRules : PostCachedRules,
            };

            try
            {
                results[i] = await executer.ExecuteAsync(options);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
            {
                LogTimeout(timeout);
                results[i] = new ExecutionResult(new ExecutionTimeoutError(timeout));
            }

            EnsureErrorCodes(results[i]);
        }

        return results;
    }

    // GraphQL.NET derives an unexpected error's code from the exception type, which leaves a bare
    // System.Exception with an empty code; every unexpected error should carry one.
    private static void EnsureErrorCodes(ExecutionResult result)
    {
        foreach (var error in result.Errors ?? [])
        {
            if (error is UnhandledError && string.IsNullOrEmpty(error.Code))
                error.Code = GraphQLHttpErrorCodes.InternalServerError;
        }
    }

    /// <summary>
    /// Under application/json every well-formed request is answered 200 (the legacy contract); under
    /// application/graphql-response+json a response without data is a 4xx or, for our own faults, 5xx.
    /// </summary>
    private static int StatusOf(ExecutionResult result, string mediaType)
    {
        var errors = result.Errors ?? [];
        if (errors.Any(e => e is OperationNotAllowedError { Code: GraphQLHttpErrorCodes.MethodNotAllowed }))
            return StatusCodes.Status405MethodNotAllowed;
        if (result.Executed || mediaType == GraphQLMediaTypes.Json)
            return StatusCodes.Status200OK;
        if (errors.Any(e => e is ExecutionTimeoutError or TimeoutError))
            return StatusCodes.Status504GatewayTimeout;
        if (errors.Any(e => e is UnhandledError))
            return StatusCodes.Status500InternalServerError;
        return StatusCodes.Status400BadRequest;
    }

    private async Task HandleBrowserNavigationAsync(HttpContext context)
    {
        if (_options.IdePath is { } idePath)
        {
            var request = context.Request;
            context.Response.Redirect(request.PathBase.Add(idePath) + request.QueryString);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status406NotAcceptable;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(
            "This is a GraphQL endpoint. Send a query with POST (application/json) or GET ?query=...; GET ?sdl returns the schema.\n",
            context.RequestAborted);
    }

    private static async Task WriteSdlAsync(HttpContext context)
    {
        var schema = context.RequestServices.GetRequiredService<ISchema>();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(GraphQLSchemaSdl.Print(schema), context.RequestAborted);
    }

    // Without an acceptable media type (406) the error still goes out, as plain application/json.
    private Task WriteErrorAsync(HttpContext context, string? mediaType, HttpRequestError error)
        => WriteJsonAsync(context, error.StatusCode, mediaType ?? GraphQLMediaTypes.Json, new ExecutionResult(error));

    private async Task WriteJsonAsync<T>(HttpContext context, int status, string mediaType, T value)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        await _serializer.WriteAsync(context.Response.Body, value, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GraphQL request cancelled after the execution timeout of {Timeout}.")]
    private partial void LogTimeout(TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Debug, Message = "GraphQL request abandoned: the client went away.")]
    private partial void LogClientAborted(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL HTTP transport failed.")]
    private partial void LogTransportFailure(Exception exception);
}
