using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using DualRandomGraph.GraphQL.Execution;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Execution;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Tests.Execution;

// The small schema the differential tests run on twice: once on plain GraphQL.NET, once with AddInlineExecution().
// Public properties and methods of the model classes become fields (Row.Greet is the one method), so the models keep
// everything else private.

public enum Colour
{
    Red,
    Green,
    Blue,
}

/// <summary>Which rows misbehave, and how; the same for both executers of a test.</summary>
public sealed record Faults(int? FragileAt = null, int? StrictAt = null, int? DeepAt = null, int? NullLabelAt = null);

/// <summary>Records, for every read of <see cref="Row.Traced"/>, whether it came through a resolver context.</summary>
public sealed class ReadTrace
{
    private int _inPlace;
    private int _throughResolver;

    public int InPlace => _inPlace;

    public int ThroughResolver => _throughResolver;

    public void Record()
    {
        // GraphQL.NET's own path runs a resolver from inside ExecutionStrategy.ExecuteNodeAsync's state machine; a read
        // in place is made by InlineExecutionStrategy itself (while completing the parent, or in its ExecuteNodeAsync).
        // Whichever of the two is nearest the getter on the stack tells how it was read.
        var nearest = new StackTrace().GetFrames().Select(frame => frame.GetMethod()).FirstOrDefault(method =>
            (method is { Name: "MoveNext", DeclaringType: { } stateMachine }
                && stateMachine.DeclaringType == typeof(ExecutionStrategy)
                && stateMachine.Name.Contains("ExecuteNodeAsync", StringComparison.Ordinal))
            || method?.DeclaringType == typeof(InlineExecutionStrategy));
        var throughResolver = nearest?.DeclaringType != typeof(InlineExecutionStrategy);
        if (throughResolver)
            Interlocked.Increment(ref _throughResolver);
        else
            Interlocked.Increment(ref _inPlace);
    }
}

/// <summary>A data loader result that is ready at once (GraphQL.DataLoader's DataLoaderResult, without the package).</summary>
public sealed class ReadyResult<T>(T value) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
}

public sealed class Detail
{
    private readonly bool _throwDeep;

    public Detail(int x, string y, bool throwDeep = false)
    {
        X = x;
        Y = y;
        _throwDeep = throwDeep;
    }

    public int X { get; }

    public string Y { get; }

    /// <summary>Non-null; throws for the row the faults name, so the error propagates through Detail! to the row.</summary>
    public string Deep => _throwDeep ? throw new InvalidOperationException($"deep {X} failed") : $"deep-{X}";
}

public abstract class RowBase
{
    /// <summary>Declared on a base class: read through the derived type all the same.</summary>
    public string Kind { get; init; } = "row";
}

public sealed class Row : RowBase
{
    private readonly Faults _faults;
    private readonly ReadTrace? _trace;
    private readonly int _traced;

    public Row(int id, Faults faults, ReadTrace? trace)
    {
        _faults = faults;
        _trace = trace;
        _traced = id * 10;
        Id = id;
        Name = $"row-{id}";
        Note = id % 3 == 0 ? null : $"note {id}";
        Colour = (Colour)(id % 3);
        Score = id % 4 == 0 ? null : id * 1.5;
        Detail = new Detail(id, $"y{id}", throwDeep: faults.DeepAt == id);
        Extra = id % 2 == 1 ? null : new Detail(id + 100, $"extra{id}");
        Tags = [.. Enumerable.Range(0, id % 3).Select(i => $"t{id}.{i}")];
        Children = [.. Enumerable.Range(0, id % 2 + 1).Select(i => new Detail(id * 100 + i, $"child{i}"))];
        Label = faults.NullLabelAt == id ? null! : $"label-{id}";
    }

    public int Id { get; }

    public string Name { get; }

    public string? Note { get; }

    public Colour Colour { get; }

    public double? Score { get; }

    public bool Even => Id % 2 == 0;

    public Detail Detail { get; }

    public Detail? Extra { get; }

    public List<string> Tags { get; }

    public List<Detail> Children { get; }

    /// <summary>Non-null, but null on the row the faults name.</summary>
    public string Label { get; }

    /// <summary>Nullable; throws on the row the faults name.</summary>
    public string? Fragile => _faults.FragileAt == Id ? throw new InvalidOperationException($"fragile {Id} failed") : $"fragile-{Id}";

    /// <summary>Non-null; throws on the row the faults name.</summary>
    public string Strict => _faults.StrictAt == Id ? throw new InvalidOperationException($"strict {Id} failed") : $"strict-{Id}";

    /// <summary>Tells <see cref="ReadTrace"/> which way it was read.</summary>
    public int Traced
    {
        get
        {
            _trace?.Record();
            return _traced;
        }
    }

    /// <summary>A value the strategy completes after the other fields, as it does a data loader's.</summary>
    public IDataLoaderResult<string> Later => new ReadyResult<string>($"later-{Id}");

    /// <summary>A field with an argument: keeps GraphQL.NET's resolver.</summary>
    public string Greet(string greeting) => $"{greeting}, {Name}";
}

public interface IPet
{
    string Name { get; }
}

public sealed class Dog : IPet
{
    public string Name { get; init; } = "";

    public bool Barks { get; init; }

    public Detail? Toy { get; init; }
}

public sealed class Cat : IPet
{
    public string Name { get; init; } = "";

    public int Lives { get; init; }

    public Colour Colour { get; init; }
}

public sealed class PetInterface : AutoRegisteringInterfaceGraphType<IPet>
{
    public PetInterface()
    {
        Name = "Pet";
    }
}

public sealed class DogType : AutoRegisteringObjectGraphType<Dog>
{
    public DogType()
    {
        Interface<PetInterface>();
    }
}

public sealed class CatType : AutoRegisteringObjectGraphType<Cat>
{
    public CatType()
    {
        Interface<PetInterface>();
    }
}

public sealed class PetUnion : UnionGraphType
{
    public PetUnion()
    {
        Name = "PetUnion";
        Type<DogType>();
        Type<CatType>();
    }
}

/// <summary>Auto-registered, with one field added by hand and one property field's resolver replaced by hand.</summary>
public sealed class HandRowType : AutoRegisteringObjectGraphType<Row>
{
    public HandRowType()
    {
        Name = "HandRow";
        ShoutResolver = Field<NonNullGraphType<StringGraphType>>("shout").Resolve(ctx => ctx.Source.Name.ToUpperInvariant()).FieldType.Resolver!;
        NoteResolver = new FuncFieldResolver<Row, string>(ctx => $"hand: {ctx.Source.Note ?? "none"}");
        GetField(nameof(Row.Note))!.Resolver = NoteResolver;
    }

    public IFieldResolver ShoutResolver { get; }

    public IFieldResolver NoteResolver { get; }
}

/// <summary>A row the query hands out inside a box: the type reads its members from the box's row.</summary>
public sealed class RowBox(Row row)
{
    public Row Row { get; } = row;
}

/// <summary>Builds its members' instance from something other than the source: must keep GraphQL.NET's resolvers.</summary>
public sealed class BoxedRowType : AutoRegisteringObjectGraphType<Row>
{
    private static readonly Expression<Func<IResolveFieldContext, Row>> FromBox = ctx => ((RowBox)ctx.Source!).Row;

    public BoxedRowType()
    {
        Name = "BoxedRow";
        IsTypeOf = value => value is RowBox;
    }

    protected override LambdaExpression BuildMemberInstanceExpression(MemberInfo memberInfo) => FromBox;
}

public sealed class Entry
{
    public string Value { get; init; } = "";

    public int Position { get; init; }
}

/// <summary>What a test's two executers share: the same rows, pets and mutation log.</summary>
public sealed class InlineTestData
{
    public InlineTestData(Faults? faults = null, ReadTrace? trace = null, int count = 50)
    {
        var f = faults ?? new Faults();
        Rows = [.. Enumerable.Range(0, count).Select(i => new Row(i, f, trace))];
        Pets =
        [
            new Dog { Name = "Rex", Barks = true, Toy = new Detail(1, "ball") },
            new Cat { Name = "Tom", Lives = 9, Colour = Colour.Blue },
            new Dog { Name = "Fido", Barks = false },
            new Cat { Name = "Kitty", Lives = 7, Colour = Colour.Green },
            new Dog { Name = "Spot", Barks = true, Toy = new Detail(2, "bone") },
        ];
    }

    public IReadOnlyList<Row> Rows { get; }

    public IReadOnlyList<IPet> Pets { get; }

    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>What the field resolvers saw of the execution's user context (for the mutation test).</summary>
    public ConcurrentQueue<string> Seen { get; } = new();
}

public sealed class InlineTestSchema : Schema
{
    public InlineTestSchema(IServiceProvider services, InlineTestData data)
        : base(services)
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<ListGraphType<AutoRegisteringObjectGraphType<Row>>>("rows").Resolve(_ => data.Rows);
        query.Field<AutoRegisteringObjectGraphType<Row>>("row")
            .Argument<NonNullGraphType<IntGraphType>>("id")
            .Resolve(ctx => data.Rows[ctx.GetArgument<int>("id")]);
        query.Field<NonNullGraphType<AutoRegisteringObjectGraphType<Row>>>("firstRow").Resolve(_ => data.Rows[0]);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<Row>>>>>("strictRows")
            .Resolve(_ => data.Rows);
        query.Field<ListGraphType<PetInterface>>("pets").Resolve(_ => data.Pets);
        query.Field<ListGraphType<PetUnion>>("petUnion").Resolve(_ => data.Pets);
        query.Field<ListGraphType<HandRowType>>("handRows").Resolve(_ => data.Rows.Take(5));
        query.Field<ListGraphType<BoxedRowType>>("boxedRows").Resolve(_ => data.Rows.Take(5).Select(r => new RowBox(r)).ToList());
        query.Field<ListGraphType<AutoRegisteringObjectGraphType<Row>>>("rowsThenCancel")
            .Resolve(ctx =>
            {
                ((CancellationTokenSource)ctx.UserContext["cts"]!).Cancel();
                return data.Rows;
            });
        query.Field<ListGraphType<AutoRegisteringObjectGraphType<Row>>>("gated")
            .Argument<NonNullGraphType<BooleanGraphType>>("wait")
            .ResolveAsync(async ctx =>
            {
                if (ctx.GetArgument<bool>("wait"))
                    await ((TaskCompletionSource)ctx.UserContext["gate"]!).Task;
                return data.Rows.Take(3).ToList();
            });
        Query = query;

        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.Field<NonNullGraphType<AutoRegisteringObjectGraphType<Entry>>>("append")
            .Argument<NonNullGraphType<StringGraphType>>("value")
            .Argument<NonNullGraphType<IntGraphType>>("delayMs")
            .ResolveAsync(async ctx =>
            {
                data.Seen.Enqueue(string.Join(",", ctx.UserContext.Keys.Order(StringComparer.Ordinal)));
                await Task.Delay(ctx.GetArgument<int>("delayMs"), ctx.CancellationToken);
                var value = ctx.GetArgument<string>("value");
                data.Log.Enqueue(value);
                return new Entry { Value = value, Position = data.Log.Count - 1 };
            });
        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("log").Resolve(_ => data.Log.ToList());
        Mutation = mutation;
    }
}
