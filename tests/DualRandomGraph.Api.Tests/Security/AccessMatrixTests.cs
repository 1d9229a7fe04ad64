using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.GraphQL.Authorization;
using Snapshooter.Xunit;

namespace DualRandomGraph.Api.Tests.Security;

/// <summary>The server with the rate limiter off: the matrix sends a few hundred requests as one caller per role.</summary>
public sealed class AccessMatrixApiFactory() : SecurityApiFactory("Testing", ("RateLimiting:Enabled", "false"));

/// <summary>
/// Who can see what, found by walking the schema rather than written by hand: for every Query root field (and, for
/// <c>node</c>/<c>nodes</c>, every node type the demo data has an id of) and every scalar or enum field one level under
/// it, the outcome for each role. The matrix is a committed snapshot, so any change to access shows up in review.
/// Outcomes: <c>ok</c> (read without error), <c>denied:CODE</c>, <c>error:CODE</c>, and <c>-</c> for a field that was
/// not reached because its parent was denied, null or an empty list (the demo data has no draws, for instance).
/// Mutations are not executed (they change data) and so are not in the matrix; their access is tested beside each one.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixApiFactory factory) : IClassFixture<AccessMatrixApiFactory>
{
    private const string TypeRef = "fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }";

    private const string IntrospectionQuery =
        "{ __schema { queryType { name } types { name kind possibleTypes { name } enumValues { name } "
        + "fields { name args { name type { ...T } } type { ...T } } } } } " + TypeRef;

    private const string NotReached = "-";

    private static readonly string[] _roleNames = ["anonymous", Roles.Admin, Roles.Coordinator, Roles.Inspector, Roles.Auditor];

    [Fact]
    public async Task Every_role_against_every_query_field_matches_the_snapshot()
    {
        var clients = new Dictionary<string, GraphQLClient>
        {
            ["anonymous"] = factory.CreateGraphQLClient(),
            [Roles.Admin] = factory.CreateGraphQLClient(Roles.Admin),
            [Roles.Coordinator] = factory.CreateGraphQLClient(Roles.Coordinator),
            [Roles.Inspector] = factory.CreateGraphQLClientAs("DEMO-XJ-0001", Roles.Inspector),
            [Roles.Auditor] = factory.CreateGraphQLClient(Roles.Auditor),
        };
        var schema = await SchemaModel.ReadAsync(clients[Roles.Admin]);
        var samples = await SamplesAsync(schema, clients[Roles.Auditor]);

        var lines = new List<(string Row, string Outcomes)>();
        foreach (var field in schema.QueryFields)
        {
            foreach (var probe in Probes(schema, field, samples))
            {
                if (probe.Query is null)
                {
                    lines.Add((probe.Row, "skipped: needs input"));
                    continue;
                }

                var outcomes = new Dictionary<string, Dictionary<string, string>>();
                foreach (var role in _roleNames)
                {
                    var response = await clients[role].PostAsync(probe.Query);
                    outcomes[role] = Outcomes(probe, response.Body);
                }

                lines.AddRange(probe.Cells.Select(cell =>
                    (cell, string.Join(' ', _roleNames.Select(role => $"{role}={outcomes[role][cell]}")))));
            }
        }

        var width = lines.Max(l => l.Row.Length) + 2;
        var matrix = lines.OrderBy(l => l.Row, StringComparer.Ordinal).Select(l => l.Row.PadRight(width) + l.Outcomes).ToList();
        Snapshot.Match(matrix);
    }

    /// <summary>One request: its matrix rows, and for each the response path of the value it reads.</summary>
    private sealed record Probe(string Row, string? Query, IReadOnlyDictionary<string, string[]> Paths)
    {
        public IEnumerable<string> Cells => Paths.Keys;
    }

    private static IEnumerable<Probe> Probes(SchemaModel schema, JsonNode field, IReadOnlyDictionary<string, JsonObject> samples)
    {
        var name = (string)field["name"]!;
        var returned = SchemaModel.Named(field["type"]!);
        var returnedType = schema.Type((string)returned["name"]!);
        if ((string?)returned["kind"] is "INTERFACE" or "UNION")
        {
            // node/nodes: one probe per type with a real id, selecting that type's leaves through a fragment.
            foreach (var possible in returnedType["possibleTypes"]!.AsArray().Select(t => (string)t!["name"]!).Where(samples.ContainsKey).Order(StringComparer.Ordinal))
            {
                var arguments = Arguments(schema, field, samples, possible);
                var row = $"{name}<{possible}>";
                if (arguments is null)
                {
                    yield return new Probe(row, null, new Dictionary<string, string[]>());
                    continue;
                }

                var leaves = schema.Leaves(possible);
                var paths = new Dictionary<string, string[]> { [row] = [name] };
                foreach (var leaf in leaves)
                {
                    paths[$"{row}.{leaf}"] = [name, leaf];
                }

                yield return new Probe(row, $"{{ {name}{arguments} {{ __typename ... on {possible} {{ {string.Join(' ', leaves)} }} }} }}", paths);
            }

            yield break;
        }

        var args = Arguments(schema, field, samples, (string)returned["name"]!);
        if (args is null)
        {
            yield return new Probe(name, null, new Dictionary<string, string[]>());
            yield break;
        }

        var cells = new Dictionary<string, string[]> { [name] = [name] };
        string selection;
        if ((string?)returned["kind"] != "OBJECT")
        {
            selection = "";
        }
        else if (SchemaModel.ConnectionNodeType(returnedType) is { } nodeType)
        {
            var leaves = schema.Leaves(nodeType);
            var hasTotal = returnedType["fields"]!.AsArray().Any(f => (string?)f!["name"] == "totalCount");
            if (hasTotal)
            {
                cells[$"{name}.totalCount"] = [name, "totalCount"];
            }

            foreach (var leaf in leaves)
            {
                cells[$"{name}.nodes.{leaf}"] = [name, "nodes", leaf];
            }

            selection = $" {{ {(hasTotal ? "totalCount " : "")}nodes {{ __typename {string.Join(' ', leaves)} }} }}";
        }
        else
        {
            var leaves = schema.Leaves((string)returned["name"]!);
            foreach (var leaf in leaves)
            {
                cells[$"{name}.{leaf}"] = [name, leaf];
            }

            selection = $" {{ __typename {string.Join(' ', leaves)} }}";
        }

        yield return new Probe(name, $"{{ {name}{args}{selection} }}", cells);
    }

    /// <summary>
    /// The argument list: required ones filled with harmless values (a real id of the type the field reads where there
    /// is one, and a string argument named after one of its fields that field's real value, e.g. <c>creditCode</c>),
    /// <c>first: 5</c> on connections; null when a required argument is an input object.
    /// </summary>
    private static string? Arguments(SchemaModel schema, JsonNode field, IReadOnlyDictionary<string, JsonObject> samples, string returnedType)
    {
        var parts = new List<string>();
        foreach (var arg in field["args"]!.AsArray())
        {
            var argName = (string)arg!["name"]!;
            var type = arg["type"]!;
            if (argName == "first")
            {
                parts.Add("first: 5");
                continue;
            }

            if ((string?)type["kind"] != "NON_NULL")
            {
                continue;
            }

            var isList = (string?)type["ofType"]!["kind"] == "LIST";
            var named = SchemaModel.Named(type);
            string? value = ((string?)named["kind"], (string?)named["name"]) switch
            {
                ("INPUT_OBJECT", _) => null,
                ("ENUM", var enumName) => (string)schema.Type(enumName!)["enumValues"]![0]!["name"]!,
                (_, "ID") => Quote(IdFor(samples, argName, returnedType)),
                (_, "Int") => "2022",
                (_, "Float") => "1",
                (_, "Boolean") => "false",
                (_, "Date") => Quote("2022-07-01"),
                (_, "DateTime") => Quote("2022-07-01T00:00:00Z"),
                _ => Quote(samples.GetValueOrDefault(returnedType)?[argName] is JsonValue real && real.GetValueKind() == JsonValueKind.String ? (string)real! : "x"),
            };
            if (value is null)
            {
                return null;
            }

            parts.Add($"{argName}: {(isList ? $"[{value}]" : value)}");
        }

        return parts.Count == 0 ? "" : $"({string.Join(", ", parts)})";
    }

    /// <summary><c>planId</c> → an id of the type named …Plan; <c>id</c> → one of the type the field returns.</summary>
    private static string IdFor(IReadOnlyDictionary<string, JsonObject> samples, string argName, string returnedType)
    {
        var wanted = argName.EndsWith("Id", StringComparison.Ordinal) ? char.ToUpperInvariant(argName[0]) + argName[1..^2] : returnedType;
        var match = samples.Keys.Order(StringComparer.Ordinal).FirstOrDefault(t => t == wanted)
            ?? samples.Keys.Order(StringComparer.Ordinal).FirstOrDefault(t => t.EndsWith(wanted, StringComparison.Ordinal));
        return match is null ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"{wanted}:1")).TrimEnd('=') : (string)samples[match]["id"]!;
    }

    private static string Quote(string value) => $"\"{value}\"";

    /// <summary>
    /// The first item of each root connection of a node type, with its scalar and enum fields, read by the auditor (who
    /// reads everything): where the real ids and lookup keys come from.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, JsonObject>> SamplesAsync(SchemaModel schema, GraphQLClient reader)
    {
        var samples = new Dictionary<string, JsonObject>();
        foreach (var field in schema.QueryFields)
        {
            var returned = SchemaModel.Named(field["type"]!);
            if ((string?)returned["kind"] != "OBJECT"
                || SchemaModel.ConnectionNodeType(schema.Type((string)returned["name"]!)) is not { } nodeType
                || !schema.Leaves(nodeType).Contains("id"))
            {
                continue;
            }

            var name = (string)field["name"]!;
            var response = await reader.PostAsync($"{{ {name}(first: 1) {{ nodes {{ __typename {string.Join(' ', schema.Leaves(nodeType))} }} }} }}");
            if (response.Data?[name]?["nodes"]?.AsArray().FirstOrDefault() is JsonObject node && node["id"] is not null)
            {
                samples.TryAdd((string)node["__typename"]!, node);
            }
        }

        return samples;
    }

    /// <summary>
    /// Each cell's outcome from one response: by the errors whose path (list indexes left out) is the cell's, an error
    /// at no cell's path counting for the probe's root cell and one without a path for every cell; else by <c>data</c>.
    /// </summary>
    private static Dictionary<string, string> Outcomes(Probe probe, JsonObject body)
    {
        var codes = probe.Paths.Keys.ToDictionary(cell => cell, _ => new SortedSet<string>(StringComparer.Ordinal));
        foreach (var error in body["errors"] as JsonArray ?? [])
        {
            var code = (string?)error!["extensions"]?["code"] ?? "NO_CODE";
            var outcome = code is AuthorizationErrorCodes.NotAuthenticated or AuthorizationErrorCodes.NotAuthorized ? $"denied:{code}" : $"error:{code}";
            if (error["path"] is not JsonArray path)
            {
                foreach (var set in codes.Values)
                {
                    set.Add(outcome);
                }

                continue;
            }

            var segments = path.Where(p => p!.GetValueKind() == JsonValueKind.String).Select(p => (string)p!).ToList();
            var cell = probe.Paths.FirstOrDefault(c => c.Value.SequenceEqual(segments)).Key ?? probe.Row;
            codes[cell].Add(outcome);
        }

        return probe.Paths.ToDictionary(
            cell => cell.Key,
            cell => codes[cell.Key].Count > 0 ? string.Join('|', codes[cell.Key])
                // A leaf counts as read when an object holding it was there, whatever its value; the root field always is.
                : cell.Value.Length == 1 || Parents(body["data"], cell.Value).Any() ? "ok" : NotReached);
    }

    /// <summary>The objects that hold the last segment of <paramref name="path"/>, through any lists on the way.</summary>
    private static IEnumerable<JsonObject> Parents(JsonNode? data, string[] path)
    {
        IEnumerable<JsonNode?> current = Enumerable.Repeat(data, 1);
        foreach (var segment in path[..^1])
        {
            current = current.SelectMany(Flatten).Select(n => n is JsonObject o ? o[segment] : null);
        }

        return current.SelectMany(Flatten).OfType<JsonObject>();
    }

    private static IEnumerable<JsonNode?> Flatten(JsonNode? node) => node is JsonArray list ? list : Enumerable.Repeat(node, 1);

    /// <summary>The introspected schema: the Query fields and every type by name.</summary>
    private sealed class SchemaModel(JsonArray queryFields, Dictionary<string, JsonNode> types)
    {
        public IEnumerable<JsonNode> QueryFields => queryFields.Select(f => f!);

        public JsonNode Type(string name) => types[name];

        public static async Task<SchemaModel> ReadAsync(GraphQLClient client)
        {
            var schema = (await client.QueryAsync(IntrospectionQuery))["__schema"]!;
            var types = schema["types"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => t!);
            return new SchemaModel(types[(string)schema["queryType"]!["name"]!]["fields"]!.AsArray(), types);
        }

        /// <summary>The named type under NON_NULL and LIST wrappers.</summary>
        public static JsonNode Named(JsonNode type) => type["ofType"] is JsonObject inner && (string?)type["kind"] is "NON_NULL" or "LIST" ? Named(inner) : type;

        /// <summary>The item type of a connection (an object with <c>nodes</c> and <c>pageInfo</c>); null for anything else.</summary>
        public static string? ConnectionNodeType(JsonNode type)
        {
            var fields = type["fields"] as JsonArray ?? [];
            return fields.Any(f => (string?)f!["name"] == "pageInfo") && fields.FirstOrDefault(f => (string?)f!["name"] == "nodes") is { } nodes
                ? (string?)Named(nodes["type"]!)["name"]
                : null;
        }

        /// <summary>The scalar and enum fields of a type that need no argument, in schema order.</summary>
        public List<string> Leaves(string typeName)
            => (types[typeName]["fields"] as JsonArray ?? [])
                .Where(f => (string?)Named(f!["type"]!)["kind"] is "SCALAR" or "ENUM")
                .Where(f => f!["args"]!.AsArray().All(a => (string?)a!["type"]!["kind"] != "NON_NULL"))
                .Select(f => (string)f!["name"]!)
                .ToList();
    }
}
