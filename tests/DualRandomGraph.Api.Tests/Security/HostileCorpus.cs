using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DualRandomGraph.Api.Tests.Infrastructure;

namespace DualRandomGraph.Api.Tests.Security;

/// <summary>
/// The hostile-input corpus: every <c>tests/data/hostile/*.json</c> file, one category each. A case is one HTTP
/// request and what must come back. Later features add cases by adding entries or files; the format:
/// <list type="bullet">
/// <item><c>name</c>, <c>why</c> (optional), <c>role</c> (a token for that role; none for anonymous)</item>
/// <item><c>method</c> (POST), <c>path</c> (/graphql), <c>get</c> { query, operationName, variables } for a GET request</item>
/// <item>the body, one of: <c>request</c> (JSON, sent as is), <c>body</c> (text), <c>bodyBase64</c> (bytes)</item>
/// <item><c>contentType</c> (application/json when there is a body; null for none), <c>headers</c></item>
/// <item><c>expect</c>: <c>status</c>, and <c>codes</c> (each must appear among the error codes, top-level or in a
/// mutation payload's <c>errors</c>) or, for a request that must simply be answered, <c>data</c> (dotted paths and values)</item>
/// </list>
/// Any text may be given as a list of parts, where <c>{ "repeat": "x", "times": 1000 }</c> stands for x a thousand
/// times; inside <c>request</c>, <c>{ "$text": [parts] }</c> is such a string and <c>{ "$repeat": value, "times": n }</c>
/// a list of n copies of the value.
/// </summary>
internal static class HostileCorpus
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IReadOnlyList<HostileCase> Load()
    {
        var cases = new List<HostileCase>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.File("tests", "data", "hostile"), "*.json").Order(StringComparer.Ordinal))
        {
            var category = JsonSerializer.Deserialize<HostileCategory>(File.ReadAllText(file), Options)
                ?? throw new InvalidDataException(file + " is empty.");
            foreach (var hostileCase in category.Cases)
            {
                hostileCase.Category = category.Category;
                hostileCase.Validate();
                cases.Add(hostileCase);
            }
        }

        var duplicates = cases.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        return duplicates.Count == 0 ? cases : throw new InvalidDataException("Duplicate case names: " + string.Join(", ", duplicates));
    }

    /// <summary>Text given as a string, or as a list of strings and <c>{ "repeat": ..., "times": ... }</c> parts.</summary>
    public static string Text(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!;
        }

        var text = new StringBuilder();
        foreach (var part in value.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.String)
            {
                text.Append(part.GetString());
            }
            else
            {
                var repeat = part.GetProperty("repeat").GetString();
                text.Insert(text.Length, repeat, part.GetProperty("times").GetInt32());
            }
        }

        return text.ToString();
    }

    /// <summary>The <c>request</c> JSON with <c>$text</c> and <c>$repeat</c> expanded.</summary>
    public static JsonNode? Expand(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count == 1 && obj.ContainsKey("$text"):
                return JsonValue.Create(Text(JsonSerializer.SerializeToElement(obj["$text"])));
            case JsonObject obj when obj.ContainsKey("$repeat"):
                var times = (int)obj["times"]!;
                return new JsonArray([.. Enumerable.Range(0, times).Select(_ => Expand(obj["$repeat"]?.DeepClone()))]);
            case JsonObject obj:
                return new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Expand(p.Value?.DeepClone()))));
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Expand(item?.DeepClone()))]);
            default:
                return node?.DeepClone();
        }
    }

    private sealed record HostileCategory(string Category, string About, List<HostileCase> Cases);
}

internal sealed class HostileCase
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public required string Name { get; init; }

    public string? Why { get; init; }

    public string? Role { get; init; }

    public string Method { get; init; } = "POST";

    public string Path { get; init; } = "/graphql";

    public GetRequest? Get { get; init; }

    public JsonElement Request { get; init; }

    public JsonElement Body { get; init; }

    public string? BodyBase64 { get; init; }

    /// <summary>Undefined: application/json when there is a body. Null: no Content-Type at all.</summary>
    public JsonElement ContentType { get; init; }

    public Dictionary<string, JsonElement> Headers { get; init; } = [];

    public required Expectation Expect { get; init; }

    [JsonIgnore]
    public string Category { get; set; } = "";

    [JsonIgnore]
    public string Id => $"{Category}/{Name}";

    public bool HasBody => Request.ValueKind != JsonValueKind.Undefined || Body.ValueKind != JsonValueKind.Undefined || BodyBase64 is not null;

    public byte[]? BodyBytes()
    {
        if (Request.ValueKind != JsonValueKind.Undefined)
        {
            // Unescaped, so that non-ASCII text travels as UTF-8 the way clients send it.
            return Encoding.UTF8.GetBytes(HostileCorpus.Expand(JsonNode.Parse(Request.GetRawText()))?.ToJsonString(Unescaped) ?? "null");
        }

        if (Body.ValueKind != JsonValueKind.Undefined)
        {
            return Encoding.UTF8.GetBytes(HostileCorpus.Text(Body));
        }

        return BodyBase64 is null ? null : Convert.FromBase64String(BodyBase64);
    }

    public string Target()
    {
        if (Get is null)
        {
            return Path;
        }

        var parameters = new List<string> { "query=" + Uri.EscapeDataString(HostileCorpus.Text(Get.Query)) };
        if (Get.OperationName is not null)
        {
            parameters.Add("operationName=" + Uri.EscapeDataString(Get.OperationName));
        }

        if (Get.Variables is not null)
        {
            parameters.Add("variables=" + Uri.EscapeDataString(Get.Variables));
        }

        return Path + "?" + string.Join('&', parameters);
    }

    public void Validate()
    {
        var bodies = new[] { Request.ValueKind != JsonValueKind.Undefined, Body.ValueKind != JsonValueKind.Undefined, BodyBase64 is not null }.Count(b => b);
        if (bodies > 1 || (bodies == 1 && Get is not null))
        {
            throw new InvalidDataException($"{Id}: give one of request, body, bodyBase64 or get.");
        }

        if (Expect.Status >= 400 && Expect.Codes.Length == 0)
        {
            throw new InvalidDataException($"{Id}: a refused request must name the error codes it expects.");
        }

        if (Expect.Codes.Length == 0 && Expect.Data is not { Count: > 0 })
        {
            throw new InvalidDataException($"{Id}: expect codes, or the data that proves the request was answered as it should be.");
        }
    }
}

internal sealed record GetRequest(JsonElement Query, string? OperationName, string? Variables);

internal sealed record Expectation
{
    public required int Status { get; init; }

    public string[] Codes { get; init; } = [];

    public Dictionary<string, JsonElement>? Data { get; init; }

    /// <summary>Response headers and the text each must start with.</summary>
    public Dictionary<string, string>? Headers { get; init; }
}
