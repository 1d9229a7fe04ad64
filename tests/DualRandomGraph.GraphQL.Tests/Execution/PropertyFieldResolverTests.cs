using System.Collections.ObjectModel;
using DualRandomGraph.GraphQL.Execution;
using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Tests.Execution;

// Cases where reading a property in place could part from GraphQL.NET's MemberResolver (each found as a bug and
// fixed): each asserts what plain GraphQL.NET answers.

public sealed class Pending
{
    private int _flakyReads;

    public Task<string> Later => Task.FromResult("later");

    public ValueTask<int> Soon => ValueTask.FromResult(3);

    /// <summary>Fails on its first read only (a lazily loaded value, say).</summary>
    public string? Flaky => Interlocked.Increment(ref _flakyReads) == 1 ? throw new InvalidOperationException("first read fails") : "second read";

    public int FlakyReads => _flakyReads;

    /// <summary>Something below the getter gave up (a timeout of its own): not the request's cancellation.</summary>
    public string? GaveUp => throw new OperationCanceledException("the getter's own operation was cancelled");
}

public sealed class RootQuery
{
    public string? Greeting { get; init; } = "hello";
}

public sealed class PendingSchema : Schema
{
    public PendingSchema(IServiceProvider services)
        : base(services)
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<AutoRegisteringObjectGraphType<Pending>>("pending").Resolve(_ => new Pending());
        Query = query;
    }
}

public sealed class RootSchema : Schema
{
    public RootSchema(IServiceProvider services)
        : base(services)
    {
        Query = new AutoRegisteringObjectGraphType<RootQuery> { Name = "Query" };
    }
}

public sealed class PropertyFieldResolverTests
{
    [Fact]
    public async Task Auto_registered_property_fields_get_a_PropertyFieldResolver_although_GraphQL_NET_records_no_member_name()
    {
        await using var harness = InlineExecutionHarness.Create();

        var row = (IObjectGraphType)harness.InlineSchema.AllTypes["Row"]!;

        Assert.Null(row.GetField("name")!.GetMetadata<string>("ORIGINAL_EXPRESSION_PROPERTY_NAME"));
        Assert.IsType<PropertyFieldResolver>(row.GetField("name")!.Resolver);
    }

    [Fact]
    public async Task A_Task_or_ValueTask_property_is_awaited()
    {
        await using var harness = InlineExecutionHarness<PendingSchema>.Create();

        var (plain, inline) = await harness.RunBothAsync("{ pending { later soon } }");

        Assert.Equal("""{"data":{"pending":{"later":"later","soon":3}}}""", plain);
        Assert.Equal(plain, inline);
    }

    [Fact]
    public async Task A_property_of_an_auto_registered_root_type_without_a_root_value_is_an_error()
    {
        await using var harness = InlineExecutionHarness<RootSchema>.Create();

        var (plain, inline) = await harness.RunBothAsync("{ greeting }");

        Assert.StartsWith("{\"errors\":[{\"message\":\"Error trying to resolve field \\u0027greeting\\u0027.\"", plain);
        Assert.Equal(plain, inline);
    }

    [Fact]
    public async Task A_getter_that_throws_OperationCanceledException_is_a_field_error_when_the_request_is_not_cancelled()
    {
        await using var harness = InlineExecutionHarness<PendingSchema>.Create();

        var (plain, inline) = await harness.RunBothAsync("{ pending { later gaveUp } }");

        Assert.Contains("\"path\":[\"pending\",\"gaveUp\"]", plain);
        Assert.Contains("\"data\":{\"pending\":{\"later\":\"later\",\"gaveUp\":null}}", plain);
        Assert.Equal(plain, inline);
    }

    [Fact]
    public async Task A_throwing_getter_is_read_once()
    {
        await using var harness = InlineExecutionHarness<PendingSchema>.Create();

        var (plain, inline) = await harness.RunBothAsync("{ pending { flaky flakyReads } }");

        // Plain GraphQL.NET: the first read fails, and that is the answer.
        Assert.Contains("\"data\":{\"pending\":{\"flaky\":null,\"flakyReads\":1}}", plain);
        Assert.Equal(plain, inline);
    }

    [Fact]
    public async Task A_read_only_user_context_is_no_error()
    {
        await using var harness = InlineExecutionHarness.Create();

        var (plain, inline) = await harness.RunBothAsync(
            "{ row(id: 1) { name } }",
            configure: o => o.UserContext = new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?>()));

        Assert.Equal("""{"data":{"row":{"name":"row-1"}}}""", plain);
        Assert.Equal(plain, inline);
    }
}
