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
        string?[]? keys = null;
        var idempotency = isGet ? null : context.RequestServices.GetService<IdempotentExecution>();
        try
        {
            (requests, isBatch) = isGet
                ? ([_reader.ReadGet(request.Query)], false)
                : await _reader.ReadPostAsync(request, context.RequestAborted);
            if (idempotency is not null)
            {
                keys = IdempotencyKeys.Read(request, requests, isBatch, idempotency.Options.MaxKeyLength);
                if (!idempotency.Options.Enabled || keys.All(k => k is null))
                    keys = null;
            }
        }
        catch (HttpRequestError error)
        {
            await WriteErrorAsync(context, mediaType, error);
            return;
        }

        var answers = await ExecuteAsync(context, requests, isGet, keys, idempotency);

        if (isBatch)
        {
            // Each result of a batch carries its own errors; the status speaks for the batch as a whole.
            if (answers.All(a => a.Json is null))
                await WriteJsonAsync(context, StatusCodes.Status200OK, mediaType, answers.Select(a => a.Result).ToArray());
            else
                await WriteTextAsync(context, StatusCodes.Status200OK, mediaType, "[" + string.Join(',', answers.Select(a => a.Json ?? _serializer.Serialize(a.Result))) + "]");
            return;
        }

        var answer = answers[0];
        var status = answer.Replayed is { } replayed
            ? mediaType == GraphQLMediaTypes.Json ? StatusCodes.Status200OK : replayed.StatusCode
            : StatusOf(answer.Result, mediaType);
        if (status == StatusCodes.Status405MethodNotAllowed)
            context.Response.Headers.Allow = "POST";
        if (answer.Replayed is not null)
            context.Response.Headers[IdempotencyKeys.ReplayedHeaderName] = "true";

        if (answer.Json is { } json)
            await WriteTextAsync(context, status, mediaType, json);
        else
            await WriteJsonAsync(context, status, mediaType, answer.Result);
    }

    private async Task<Answer[]> ExecuteAsync(
        HttpContext context, IReadOnlyList<GraphQLRequest> requests, bool isGet, string?[]? keys, IdempotentExecution? idempotency)
    {
        var executer = context.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>();
        var timeout = _options.ExecutionTimeout;

        // A request with an idempotency key runs to the end even when its client goes away: the client's retry is
        // then answered with the stored response, instead of finding an execution that may or may not have saved.
        using var cancellation = keys is null ? CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted) : new CancellationTokenSource();
        if (timeout > TimeSpan.Zero)
            cancellation.CancelAfter(timeout);

        // One after the other: the request's scoped services (a DbContext above all) are not thread-safe.
        var answers = new Answer[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var idempotent = keys?[i] is { } key ? new IdempotentRequest(key) : null;
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
            if (idempotent is not null)
                options.UserContext[IdempotentRequest.ContextKey] = idempotent;

            ExecutionResult result;
            try
            {
                result = await executer.ExecuteAsync(options);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
            {
                LogTimeout(timeout);
                result = new ExecutionResult(new ExecutionTimeoutError(timeout));
            }
            catch (OperationCanceledException) when (idempotent is not null && cancellation.IsCancellationRequested)
            {
                // Timed out after the client left: still the answer its retry will get.
                LogTimeout(timeout);
                result = new ExecutionResult(new ExecutionTimeoutError(timeout));
            }

            EnsureErrorCodes(result);
            answers[i] = await AnswerAsync(result, idempotent, idempotency);
        }

        return answers;
    }

    /// <summary>A replay answers with the stored body; a keyed execution stores what it answers, before answering.</summary>
    private async Task<Answer> AnswerAsync(ExecutionResult result, IdempotentRequest? idempotent, IdempotentExecution? idempotency)
    {
        if (idempotent?.Replay is { } replay)
            return new Answer(result, IdempotentExecution.ReplayBody(replay), replay);

        if (idempotent?.Claim is null || idempotency is null)
            return new Answer(result, null, null);

        var json = _serializer.Serialize(result);
        await idempotency.CompleteAsync(idempotent, new IdempotentResponse(StatusOf(result, GraphQLMediaTypes.GraphQLResponseJson), json));
        return new Answer(result, json, null);
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
        if (errors.OfType<HttpRequestError>().FirstOrDefault() is { } refused)
            return refused.StatusCode;
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

    private static async Task WriteTextAsync(HttpContext context, int status, string mediaType, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    /// <summary>One request's result and, when it was serialised already (stored or replayed), its JSON.</summary>
    private readonly record struct Answer(ExecutionResult Result, string? Json, IdempotentResponse? Replayed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GraphQL request cancelled after the execution timeout of {Timeout}.")]
    private partial void LogTimeout(TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Debug, Message = "GraphQL request abandoned: the client went away.")]
    private partial void LogClientAborted(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL HTTP transport failed.")]
    private partial void LogTransportFailure(Exception exception);
}
