using System.Reflection;
using System.Text.Json;
using DualRandomGraph.GraphQL.Execution;
using DualRandomGraph.Tests.Shared;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Tests.Execution;

/// <summary>
/// InlineExecutionStrategy and PropertyFieldResolver against plain GraphQL.NET: the same schema and data run on both
/// executers, and the serialized results (data and errors) must be the same to the byte.
/// </summary>
public sealed class InlineExecutionStrategyTests
{
    private const string RowFields = "id name note colour score even kind traced tags detail { x y } extra { x y } children { x y deep }";

    private static readonly string[] RowProperties =
        ["id", "name", "note", "colour", "score", "even", "kind", "traced", "tags", "detail", "extra", "children", "label", "fragile", "strict"];

    private static readonly Faults SomeFaults = new(FragileAt: 7, StrictAt: 3, DeepAt: 5, NullLabelAt: 9);

    [Fact]
    public async Task A_list_of_50_rows_is_answered_alike()
    {
        var trace = new ReadTrace();
        await using var harness = InlineExecutionHarness.Create(new InlineTestData(trace: trace));
        var query = $"{{ rows {{ {RowFields} }} }}";
        var plainContext = new Dictionary<string, object?>();
        var inlineContext = new Dictionary<string, object?>();

        var plain = await InlineExecutionHarness<InlineTestSchema>.RunAsync(harness.Plain, query, configure: o => o.UserContext = plainContext);
        var plainReads = (trace.InPlace, trace.ThroughResolver);
        var inline = await InlineExecutionHarness<InlineTestSchema>.RunAsync(harness.Inline, query, configure: o => o.UserContext = inlineContext);
        var inlineReads = (trace.InPlace - plainReads.InPlace, trace.ThroughResolver - plainReads.ThroughResolver);

        Assert.Equal(plain, inline);
        var json = Parse(inline);
        Assert.False(json.TryGetProperty("errors", out _), inline);
        var rows = json.GetProperty("data").GetProperty("rows");
        Assert.Equal(50, rows.GetArrayLength());
        var row4 = rows[4];
        Assert.Equal(4, row4.GetProperty("id").GetInt32());
        Assert.Equal("row-4", row4.GetProperty("name").GetString());
        Assert.Equal("note 4", row4.GetProperty("note").GetString());
        Assert.Equal("GREEN", row4.GetProperty("colour").GetString());
        Assert.Equal(JsonValueKind.Null, row4.GetProperty("score").ValueKind);
        Assert.True(row4.GetProperty("even").GetBoolean());
        Assert.Equal("row", row4.GetProperty("kind").GetString());
        Assert.Equal(40, row4.GetProperty("traced").GetInt32());
        Assert.Equal(["t4.0"], row4.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("y4", row4.GetProperty("detail").GetProperty("y").GetString());
        Assert.Equal(104, row4.GetProperty("extra").GetProperty("x").GetInt32());
        Assert.Equal("deep-400", row4.GetProperty("children")[0].GetProperty("deep").GetString());
        Assert.Equal(JsonValueKind.Null, rows[3].GetProperty("note").ValueKind);
        Assert.Equal(JsonValueKind.Null, rows[3].GetProperty("extra").ValueKind);
        Assert.Equal(4.5, rows[3].GetProperty("score").GetDouble());
        Assert.Equal(2, rows[3].GetProperty("children").GetArrayLength());
        Assert.Equal("BLUE", rows[47].GetProperty("colour").GetString());

        // The query really ran on InlineExecutionStrategy (it keeps its collected fields in the user context).
        Assert.Contains(inlineContext.Keys, IsStrategyKey);
        Assert.DoesNotContain(plainContext.Keys, IsStrategyKey);

        // Plain GraphQL.NET reads every row's `traced` through a resolver.
        Assert.Equal((0, 50), plainReads);
        // The inline executer reads all 50 in place...
        Assert.Equal((50, 0), inlineReads);

        // ...because property fields of auto-registered types got a PropertyFieldResolver for their property;
        // plain GraphQL.NET keeps MemberResolver.
        var inlineRow = (IObjectGraphType)harness.InlineSchema.AllTypes["Row"]!;
        var plainRow = (IObjectGraphType)harness.PlainSchema.AllTypes["Row"]!;
        foreach (var name in RowProperties)
        {
            var resolver = Assert.IsType<PropertyFieldResolver>(inlineRow.GetField(name)!.Resolver);
            Assert.Equal(typeof(Row).GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase), resolver.Property);
            Assert.IsType<MemberResolver>(plainRow.GetField(name)!.Resolver);
        }

        // A method field with an argument keeps GraphQL.NET's resolver; the nested type's properties are read in place.
        Assert.IsType<MemberResolver>(inlineRow.GetField("greet")!.Resolver);
        Assert.All(((IObjectGraphType)harness.InlineSchema.AllTypes["Detail"]!).Fields, f => Assert.IsType<PropertyFieldResolver>(f.Resolver));
    }

    [Fact]
    public async Task A_throwing_getter_gives_the_same_error_and_null_propagation()
    {
        await using var harness = InlineExecutionHarness.Create(new InlineTestData(SomeFaults));
        var reported = new List<string>();
        Action<ExecutionOptions> configure = o => o.UnhandledExceptionDelegate = ctx =>
        {
            // The exception the getter threw reaches the handler, once per failing field, on both executers.
            lock (reported)
                reported.Add(ctx.OriginalException.Message);
            ctx.ErrorMessage = ctx.OriginalException.Message;
            return Task.CompletedTask;
        };

        // A nullable field: null in its place, the rest of the row is kept.
        const string Fragile = "{ rows { id fragile } }";
        var fragile = Parse(await harness.RunIdenticalAsync(Fragile, configure: configure));
        var rows = fragile.GetProperty("data").GetProperty("rows");
        Assert.Equal(JsonValueKind.Null, rows[7].GetProperty("fragile").ValueKind);
        Assert.Equal(7, rows[7].GetProperty("id").GetInt32());
        Assert.Equal("fragile-6", rows[6].GetProperty("fragile").GetString());
        AssertSingleError(fragile, "fragile 7 failed", """["rows",7,"fragile"]""", Column(Fragile, "fragile"));

        // A non-null field: the row (nullable list item) becomes null.
        const string Strict = "{ rows { id strict } }";
        var strict = Parse(await harness.RunIdenticalAsync(Strict, configure: configure));
        rows = strict.GetProperty("data").GetProperty("rows");
        Assert.Equal(JsonValueKind.Null, rows[3].ValueKind);
        Assert.Equal("strict-4", rows[4].GetProperty("strict").GetString());
        AssertSingleError(strict, "strict 3 failed", """["rows",3,"strict"]""", Column(Strict, "strict"));

        // Two levels: Detail.deep (non-null) nulls detail (non-null), which nulls the row.
        const string Deep = "{ rows { id detail { x deep } } }";
        var deep = Parse(await harness.RunIdenticalAsync(Deep, configure: configure));
        rows = deep.GetProperty("data").GetProperty("rows");
        Assert.Equal(JsonValueKind.Null, rows[5].ValueKind);
        Assert.Equal("deep-6", rows[6].GetProperty("detail").GetProperty("deep").GetString());
        AssertSingleError(deep, "deep 5 failed", """["rows",5,"detail","deep"]""", Column(Deep, "deep"));

        // A nullable root field becomes null.
        const string Single = "{ row(id: 3) { id strict } }";
        var single = Parse(await harness.RunIdenticalAsync(Single, configure: configure));
        Assert.Equal(JsonValueKind.Null, single.GetProperty("data").GetProperty("row").ValueKind);
        AssertSingleError(single, "strict 3 failed", """["row","strict"]""", Column(Single, "strict"));

        // [Row!]! all the way up: data itself is null.
        const string All = "{ strictRows { id strict } }";
        var all = Parse(await harness.RunIdenticalAsync(All, configure: configure));
        Assert.Equal(JsonValueKind.Null, all.GetProperty("data").ValueKind);
        AssertSingleError(all, "strict 3 failed", """["strictRows",3,"strict"]""", Column(All, "strict }"));

        // All of them in one query, errors in the same order.
        var together = Parse(await harness.RunIdenticalAsync("{ rows { id fragile strict detail { deep } } row(id: 7) { fragile } }", configure: configure));
        Assert.Equal(4, together.GetProperty("errors").GetArrayLength());

        // Each executer reported each failure once: 5 single queries + 4 in the last one, twice.
        Assert.Equal(18, reported.Count);
    }

    [Fact]
    public async Task A_throwing_getter_throws_alike_when_unhandled_exceptions_are_thrown()
    {
        await using var harness = InlineExecutionHarness.Create(new InlineTestData(SomeFaults));
        const string Query = "{ rows { id fragile } }";

        var plain = await Record.ExceptionAsync(() => InlineExecutionHarness<InlineTestSchema>.RunAsync(harness.Plain, Query, configure: o => o.ThrowOnUnhandledException = true));
        var inline = await Record.ExceptionAsync(() => InlineExecutionHarness<InlineTestSchema>.RunAsync(harness.Inline, Query, configure: o => o.ThrowOnUnhandledException = true));

        Assert.Equal("fragile 7 failed", Assert.IsType<InvalidOperationException>(plain).Message);
        Assert.Equal("fragile 7 failed", Assert.IsType<InvalidOperationException>(inline).Message);
    }

    [Fact]
    public async Task A_property_holding_a_data_loader_result_is_completed_alike()
    {
        await using var harness = InlineExecutionHarness.Create();

        var json = await harness.RunIdenticalAsync("{ rows { id later detail { x } } }");

        var rows = Parse(json).GetProperty("data").GetProperty("rows");
        Assert.Equal("""{"id":3,"later":"later-3","detail":{"x":3}}""", rows[3].GetRawText());
        Assert.Equal(50, rows.GetArrayLength());
        Assert.IsType<PropertyFieldResolver>(((IObjectGraphType)harness.InlineSchema.AllTypes["Row"]!).GetField("later")!.Resolver);
    }

    [Fact]
    public async Task A_non_null_property_that_is_null_gives_the_same_error_and_null_propagation()
    {
        await using var harness = InlineExecutionHarness.Create(new InlineTestData(SomeFaults));

        const string Rows = "{ rows { id label } }";
        var rows = Parse(await harness.RunIdenticalAsync(Rows));
        Assert.Equal(JsonValueKind.Null, rows.GetProperty("data").GetProperty("rows")[9].ValueKind);
        Assert.Equal("label-8", rows.GetProperty("data").GetProperty("rows")[8].GetProperty("label").GetString());
        AssertSingleError(rows, "Error trying to resolve field 'label'.", """["rows",9,"label"]""", Column(Rows, "label"));

        const string StrictRows = "{ strictRows { label } }";
        var strictRows = Parse(await harness.RunIdenticalAsync(StrictRows));
        Assert.Equal(JsonValueKind.Null, strictRows.GetProperty("data").ValueKind);
        AssertSingleError(strictRows, "Error trying to resolve field 'label'.", """["strictRows",9,"label"]""", Column(StrictRows, "label"));

        // With the exception's own message: the same InvalidOperationException on both.
        const string Detailed = "{ rows { label } }";
        var detailed = Parse(await harness.RunIdenticalAsync(Detailed, configure: o => o.UnhandledExceptionDelegate = ctx =>
        {
            ctx.ErrorMessage = ctx.OriginalException.Message;
            return Task.CompletedTask;
        }));
        AssertSingleError(detailed, "Cannot return null for a non-null type. Field: label, Type: String!.", """["rows",9,"label"]""", Column(Detailed, "label"));
    }

    [Fact]
    public async Task Interface_and_union_lists_select_by_object_type_alike()
    {
        await using var harness = InlineExecutionHarness.Create();
        const string Query = """
            query {
              pets {
                __typename
                name
                ... on Dog { barks toy { x y } }
                ...CatBits
              }
              petUnion {
                __typename
                ... on Pet { name }
                ... on Dog { name barks }
                ... on Cat { lives }
                ...CatBits
              }
            }
            fragment CatBits on Cat { lives colour name }
            """;

        var json = await harness.RunIdenticalAsync(Query);

        var data = Parse(json).GetProperty("data");
        Assert.Equal("""{"__typename":"Dog","name":"Rex","barks":true,"toy":{"x":1,"y":"ball"}}""", data.GetProperty("pets")[0].GetRawText());
        Assert.Equal("""{"__typename":"Cat","name":"Tom","lives":9,"colour":"BLUE"}""", data.GetProperty("pets")[1].GetRawText());
        Assert.Equal("""{"__typename":"Dog","name":"Fido","barks":false,"toy":null}""", data.GetProperty("pets")[2].GetRawText());
        Assert.Equal("""{"__typename":"Dog","name":"Spot","barks":true}""", data.GetProperty("petUnion")[4].GetRawText());
        Assert.Equal("""{"__typename":"Cat","name":"Kitty","lives":7,"colour":"GREEN"}""", data.GetProperty("petUnion")[3].GetRawText());
    }

    [Fact]
    public async Task Same_named_fields_are_merged_alike()
    {
        await using var harness = InlineExecutionHarness.Create();
        const string Query = """
            query ($g: String!) {
              rows {
                a: name
                a: name
                detail { x }
                detail { y }
                greet(greeting: "hi")
                ...Bits
                withVariable: greet(greeting: $g)
                withVariable: greet(greeting: $g)
              }
            }
            fragment Bits on Row {
              greet(greeting: "hi")
              detail { deep }
              other: greet(greeting: "hey")
            }
            """;

        var json = await harness.RunIdenticalAsync(Query, new Inputs(new Dictionary<string, object?> { ["g"] = "yo" }));

        var rows = Parse(json).GetProperty("data").GetProperty("rows");
        Assert.Equal(
            """{"a":"row-2","detail":{"x":2,"y":"y2","deep":"deep-2"},"greet":"hi, row-2","other":"hey, row-2","withVariable":"yo, row-2"}""",
            rows[2].GetRawText());
        Assert.Equal("hi, row-49", rows[49].GetProperty("greet").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Skip_and_include_with_variables_in_a_list_select_alike(bool flag)
    {
        await using var harness = InlineExecutionHarness.Create();
        const string Query = """
            query ($on: Boolean!, $off: Boolean!) {
              rows {
                id
                name @include(if: $on)
                note @skip(if: $on)
                detail @include(if: $off) { x }
                ... on Row @skip(if: $off) { colour }
                ...Score @include(if: $on)
                children { x @skip(if: $off) y }
              }
            }
            fragment Score on Row { score }
            """;

        var json = await harness.RunIdenticalAsync(Query, new Inputs(new Dictionary<string, object?> { ["on"] = flag, ["off"] = !flag }));

        var row1 = Parse(json).GetProperty("data").GetProperty("rows")[1];
        Assert.Equal(
            flag
                ? """{"id":1,"name":"row-1","colour":"GREEN","score":1.5,"children":[{"x":100,"y":"child0"},{"x":101,"y":"child1"}]}"""
                : """{"id":1,"note":"note 1","detail":{"x":1},"children":[{"y":"child0"},{"y":"child1"}]}""",
            row1.GetRawText());
    }

    [Fact]
    public async Task Resolvers_set_by_hand_and_members_read_from_elsewhere_are_kept()
    {
        await using var harness = InlineExecutionHarness.Create();

        var json = await harness.RunIdenticalAsync("{ handRows { id shout note } boxedRows { id name note detail { x } } }");

        var data = Parse(json).GetProperty("data");
        Assert.Equal("""{"id":1,"shout":"ROW-1","note":"hand: note 1"}""", data.GetProperty("handRows")[1].GetRawText());
        Assert.Equal("""{"id":0,"shout":"ROW-0","note":"hand: none"}""", data.GetProperty("handRows")[0].GetRawText());
        Assert.Equal("""{"id":4,"name":"row-4","note":"note 4","detail":{"x":4}}""", data.GetProperty("boxedRows")[4].GetRawText());

        var handRow = Assert.IsType<HandRowType>(harness.InlineSchema.AllTypes["HandRow"]);
        Assert.Same(handRow.ShoutResolver, handRow.GetField("shout")!.Resolver);
        Assert.Same(handRow.NoteResolver, handRow.GetField("note")!.Resolver);
        // The visitor did run on this type: the fields left to GraphQL.NET were changed, those set by hand were not.
        Assert.IsType<PropertyFieldResolver>(handRow.GetField("id")!.Resolver);

        // A subclass that builds the member's instance itself keeps MemberResolver for every field.
        var boxedRow = (IObjectGraphType)harness.InlineSchema.AllTypes["BoxedRow"]!;
        Assert.All(boxedRow.Fields, f => Assert.IsType<MemberResolver>(f.Resolver));
    }

    [Fact]
    public async Task A_cancelled_token_cancels_as_before()
    {
        await using var harness = InlineExecutionHarness.Create();

        // Cancelled before execution.
        using var before = new CancellationTokenSource();
        await before.CancelAsync();
        var plain = await Record.ExceptionAsync(() => InlineExecutionHarness<InlineTestSchema>.RunAsync(harness.Plain, $"{{ rows {{ {RowFields} }} }}", configure: o => o.CancellationToken = before.Token));
        var inline = await Record.ExceptionAsync(() => InlineExecutionHarness<InlineTestSchema>.RunAsync(harness.Inline, $"{{ rows {{ {RowFields} }} }}", configure: o => o.CancellationToken = before.Token));
        Assert.Equal(Assert.IsAssignableFrom<OperationCanceledException>(plain).GetType(), inline?.GetType());

        // Cancelled while the rows are being answered, by the field that returned them.
        var duringPlain = await CancelDuringAsync(harness.Plain);
        var duringInline = await CancelDuringAsync(harness.Inline);
        Assert.Equal(Assert.IsAssignableFrom<OperationCanceledException>(duringPlain).GetType(), duringInline?.GetType());

        static async Task<Exception?> CancelDuringAsync(ServiceProvider provider)
        {
            using var cts = new CancellationTokenSource();
            return await Record.ExceptionAsync(() => InlineExecutionHarness<InlineTestSchema>.RunAsync(
                provider,
                $"{{ rowsThenCancel {{ {RowFields} }} }}",
                configure: o =>
                {
                    o.CancellationToken = cts.Token;
                    o.UserContext["cts"] = cts;
                }));
        }
    }

    [Fact]
    public async Task Mutations_still_run_serially()
    {
        await using var harness = InlineExecutionHarness.Create();
        const string Mutation = """
            mutation {
              first: append(value: "first", delayMs: 50) { value position }
              second: append(value: "second", delayMs: 0) { value position }
              log
            }
            """;

        var plain = await InlineExecutionHarness<InlineTestSchema>.RunAsync(harness.Plain, Mutation);
        harness.Data.Log.Clear();
        harness.Data.Seen.Clear();
        var inline = await InlineExecutionHarness<InlineTestSchema>.RunAsync(harness.Inline, Mutation);

        Assert.Equal(plain, inline);
        Assert.Equal(
            """{"data":{"first":{"value":"first","position":0},"second":{"value":"second","position":1},"log":["first","second"]}}""",
            inline);

        // The mutation did not run on InlineExecutionStrategy, which would have left its key in the user context.
        Assert.Equal(2, harness.Data.Seen.Count);
        Assert.All(harness.Data.Seen, keys => Assert.DoesNotContain(keys.Split(','), IsStrategyKey));
    }

    [Fact]
    public async Task Two_executions_sharing_a_user_context_and_a_document_keep_their_own_variables()
    {
        await using var harness = InlineExecutionHarness.Create();
        var expected = (
            """{"data":{"gated":[{"id":0,"name":"row-0"},{"id":1,"name":"row-1"},{"id":2,"name":"row-2"}]}}""",
            """{"data":{"gated":[{"id":0},{"id":1},{"id":2}]}}""");

        Assert.Equal(expected, await RunInterleavedAsync(harness.Plain));
        Assert.Equal(expected, await RunInterleavedAsync(harness.Inline));

        // A starts and waits inside its root field; B, with other variables, runs from start to end meanwhile (and
        // puts its own collected fields in the shared user context); then A goes on.
        static async Task<(string A, string B)> RunInterleavedAsync(ServiceProvider provider)
        {
            var document = GraphQLParser.Parser.Parse("query ($wait: Boolean!, $on: Boolean!) { gated(wait: $wait) { id name @include(if: $on) } }");
            var executer = provider.GetRequiredService<IDocumentExecuter<InlineTestSchema>>();
            var serializer = provider.GetRequiredService<IGraphQLTextSerializer>();
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var shared = new System.Collections.Concurrent.ConcurrentDictionary<string, object?> { ["gate"] = gate };

            ExecutionOptions Options(bool wait, bool on) => new()
            {
                Document = document,
                Variables = new Inputs(new Dictionary<string, object?> { ["wait"] = wait, ["on"] = on }),
                UserContext = shared,
                RequestServices = provider,
            };

            var a = executer.ExecuteAsync(Options(wait: true, on: true));
            var b = serializer.Serialize(await executer.ExecuteAsync(Options(wait: false, on: false)));
            gate.SetResult();
            return (serializer.Serialize(await a), b);
        }
    }

    [Fact]
    public async Task Field_middleware_still_runs_for_every_field()
    {
        var counters = new List<int[]>();
        await using var harness = InlineExecutionHarness.Create(graphQL: b =>
        {
            var calls = new int[1];
            counters.Add(calls);
            b.ConfigureSchema(schema => schema.FieldMiddleware.Use(next => context =>
            {
                Interlocked.Increment(ref calls[0]);
                return next(context);
            }));
        });

        var json = await harness.RunIdenticalAsync("{ rows { id name detail { x } } }");

        Assert.Equal("row-12", Parse(json).GetProperty("data").GetProperty("rows")[12].GetProperty("name").GetString());
        Assert.Equal(2, counters.Count);
        Assert.Equal(1 + 50 * 4, counters[0][0]);
        Assert.Equal(counters[0][0], counters[1][0]);

        // Wrapped by the middleware, no field is left for PropertyFieldResolverVisitor.
        var inlineRow = (IObjectGraphType)harness.InlineSchema.AllTypes["Row"]!;
        Assert.DoesNotContain(inlineRow.Fields, f => f.Resolver is PropertyFieldResolver);
    }

    [Fact]
    public async Task Introspection_is_answered_alike()
    {
        await using var harness = InlineExecutionHarness.Create();

        var json = await harness.RunIdenticalAsync(Introspection.IdeQuery);

        var schema = Parse(json).GetProperty("data").GetProperty("__schema");
        Assert.Equal("Query", schema.GetProperty("queryType").GetProperty("name").GetString());
        Assert.Equal("Mutation", schema.GetProperty("mutationType").GetProperty("name").GetString());
        var types = schema.GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("Row", types);
        Assert.Contains("PetUnion", types);
    }


    private static bool IsStrategyKey(string key) => key.StartsWith("DualRandomGraph.Execution", StringComparison.Ordinal);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Where a field of a one-line query starts, as GraphQL locations count (from 1).</summary>
    private static int Column(string query, string field) => query.IndexOf(field, StringComparison.Ordinal) + 1;

    private static void AssertSingleError(JsonElement result, string message, string path, int column)
    {
        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal(path, error.GetProperty("path").GetRawText());
        Assert.Equal($$"""[{"line":1,"column":{{column}}}]""", error.GetProperty("locations").GetRawText());
    }
}
