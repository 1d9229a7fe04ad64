using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace DualRandomGraph.GraphQL.Http;

/// <summary>
/// Turns an HTTP request into GraphQL requests, or throws <see cref="HttpRequestError"/> for one
/// that is not a well-formed GraphQL-over-HTTP request.
/// </summary>
internal sealed class GraphQLHttpRequestReader(IGraphQLTextSerializer serializer, GraphQLHttpOptions options)
{
    /// <summary>Reads a POST body: one request object, or with batching an array of them.</summary>
    public async Task<(IReadOnlyList<GraphQLRequest> Requests, bool IsBatch)> ReadPostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!GraphQLMediaTypes.IsJsonUtf8(request.ContentType))
        {
            throw new HttpRequestError(StatusCodes.Status415UnsupportedMediaType, GraphQLHttpErrorCodes.UnsupportedMediaType,
                $"The request body must be sent as '{GraphQLMediaTypes.Json}' in UTF-8.");
        }

        if (request.ContentLength > options.MaxRequestBodySize)
            throw TooLarge();

        // Make our limit the server's too, so that Kestrel's own (30 MB by default) neither undercuts nor outlasts it.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
            serverLimit.MaxRequestBodySize = options.MaxRequestBodySize;

        IList<GraphQLRequest?>? body;
        try
        {
            // GraphQL.NET reads a single object as an array and a JSON array as a list: that is how a batch shows.
            body = await serializer.ReadAsync<IList<GraphQLRequest?>>(
                new SizeLimitedReadStream(request.Body, options.MaxRequestBodySize), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestTooLargeException)
        {
            throw TooLarge();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }
        catch (JsonException ex)
        {
            throw new HttpRequestError(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.InvalidJson,
                $"The request body is not a valid GraphQL request: {Describe(ex)}");
        }

        if (body is null || body.Count == 0 || body.Any(r => r is null))
        {
            throw new HttpRequestError(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.InvalidJson,
                "The request body must be a JSON object, or a non-empty array of objects.");
        }

        var isBatch = body is not GraphQLRequest[];
        if (isBatch && !options.EnableBatching)
        {
            throw new HttpRequestError(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.BatchingDisabled,
                "Batched requests are not enabled on this endpoint.");
        }

        if (isBatch && body.Count > options.MaxBatchSize)
        {
            throw new HttpRequestError(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.BatchTooLarge,
                $"A batch may hold at most {options.MaxBatchSize} requests; this one holds {body.Count}.");
        }

        var requests = body.Select(r => r!).ToArray();
        foreach (var graphQLRequest in requests)
            EnsureQuery(graphQLRequest);

        return (requests, isBatch);
    }

    /// <summary>Reads the query-string form of a request: variables and extensions are JSON-encoded.</summary>
    public GraphQLRequest ReadGet(IQueryCollection query)
    {
        var request = new GraphQLRequest
        {
            Query = Single(query, "query"),
            OperationName = Single(query, "operationName"),
            DocumentId = Single(query, "documentId"),
            Variables = ReadInputs(query, "variables"),
            Extensions = ReadInputs(query, "extensions"),
        };
        EnsureQuery(request);
        return request;
    }

    private Inputs? ReadInputs(IQueryCollection query, string name)
    {
        var json = Single(query, name);
        if (string.IsNullOrEmpty(json))
            return null;

        try
        {
            return serializer.Deserialize<Inputs>(json);
        }
        catch (JsonException)
        {
            throw new HttpRequestError(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.InvalidParameter,
                $"The '{name}' parameter must be a JSON-encoded object.");
        }
    }

    private static string? Single(IQueryCollection query, string name)
    {
        var values = query.TryGetValue(name, out var found) ? found : StringValues.Empty;
        if (values.Count > 1)
        {
            throw new HttpRequestError(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.InvalidParameter,
                $"The '{name}' parameter may be given only once.");
        }

        return values.Count == 0 ? null : values[0];
    }

    private static void EnsureQuery(GraphQLRequest request)
    {
        if (request.Query is null && request.DocumentId is null)
        {
            throw new HttpRequestError(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.QueryMissing,
                "The request has no 'query'.");
        }
    }

    private HttpRequestError TooLarge() => new(StatusCodes.Status413PayloadTooLarge, GraphQLHttpErrorCodes.RequestTooLarge,
        $"The request body exceeds the limit of {options.MaxRequestBodySize} bytes.");

    /// <summary>
    /// System.Text.Json names the CLR type it could not fill when a value has the wrong JSON type; the client needs
    /// the place in its body, not our types.
    /// </summary>
    private static string Describe(JsonException ex)
        => ex.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? $"the value at {ex.Path ?? "$"} has the wrong type (a request is an object whose query and operationName are strings and whose variables and extensions are objects)."
            : ex.Message;
}
