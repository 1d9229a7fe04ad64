using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace DualRandomGraph.GraphQL.Http;

/// <summary>The media types of the GraphQL-over-HTTP spec, and the content negotiation over them.</summary>
public static class GraphQLMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    // In order of preference when the client rates both alike (no Accept, */*, application/*).
    private static readonly string[] Produced = [GraphQLResponseJson, Json];

    /// <summary>
    /// Picks the response media type the Accept header rates highest (RFC 9110: the most specific
    /// matching range gives a type its quality), or <c>null</c> when the client accepts neither.
    /// A missing or unparsable header accepts anything.
    /// </summary>
    public static string? SelectResponseMediaType(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept)
            || !MediaTypeHeaderValue.TryParseList(accept, out var ranges)
            || ranges.Count == 0)
        {
            return GraphQLResponseJson;
        }

        string? best = null;
        var bestQuality = 0.0;
        foreach (var candidate in Produced)
        {
            var quality = QualityOf(candidate, ranges);
            if (quality > bestQuality)
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        return best;
    }

    /// <summary>Whether the client names <c>text/html</c> itself, as a browser navigating does (a bare */* does not count).</summary>
    public static bool AcceptsHtml(StringValues accept)
        => MediaTypeHeaderValue.TryParseList(accept, out var ranges)
           && ranges.Any(r => r.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (r.Quality ?? 1) > 0);

    /// <summary>Whether a request Content-Type is JSON in UTF-8 (the spec's only required request encoding).</summary>
    public static bool IsJsonUtf8(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !parsed.Charset.HasValue || IsUtf8(parsed.Charset);
    }

    private static double QualityOf(string candidate, IList<MediaTypeHeaderValue> ranges)
    {
        var slash = candidate.IndexOf('/', StringComparison.Ordinal);
        var type = candidate.AsSpan(0, slash);
        var subtype = candidate.AsSpan(slash + 1);

        var bestSpecificity = -1;
        var quality = 0.0;
        foreach (var range in ranges)
        {
            if (range.Charset.HasValue && !IsUtf8(range.Charset))
                continue;

            int specificity;
            if (range.MatchesAllTypes)
                specificity = 0;
            else if (!range.Type.AsSpan().Equals(type, StringComparison.OrdinalIgnoreCase))
                continue;
            else if (range.MatchesAllSubTypes)
                specificity = 1;
            else if (range.SubType.AsSpan().Equals(subtype, StringComparison.OrdinalIgnoreCase))
                specificity = 2;
            else
                continue;

            if (specificity > bestSpecificity)
            {
                bestSpecificity = specificity;
                quality = range.Quality ?? 1.0;
            }
        }

        return quality;
    }

    private static bool IsUtf8(StringSegment charset)
        => charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
           || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
