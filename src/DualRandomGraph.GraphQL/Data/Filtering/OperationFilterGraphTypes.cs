using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Data.Filtering;

// The operation inputs of HotChocolate v14, with its names and operators. Every input also takes `and` and
// `or` lists of itself. Values are typed with the scalar GraphQL.NET maps the CLR type to, so that they
// parse to the member's type.

/// <summary>Which operation input filters a scalar CLR type, and the names HotChocolate gives them.</summary>
internal static class OperationFilterTypes
{
    /// <summary>The CLR type the input's values parse to: float shares double's input, DateTimeOffset DateTime's, as in HotChocolate.</summary>
    public static Type? ValueTypeOf(Type type) => type switch
    {
        _ when type == typeof(float) => typeof(double),
        _ when type == typeof(DateTimeOffset) => typeof(DateTime),
        _ when ComparableNames.ContainsKey(type) || type == typeof(string) || type == typeof(bool) || type == typeof(Guid) || type.IsEnum => type,
        _ => null,
    };

    /// <summary>The operation input graph type for a scalar member type, or null when it cannot be filtered.</summary>
    public static Type? GraphTypeFor(Type type)
    {
        var value = ValueTypeOf(Nullable.GetUnderlyingType(type) ?? type);
        return value switch
        {
            null => null,
            _ when value == typeof(string) => typeof(StringOperationFilterInputGraphType),
            _ when value == typeof(bool) => typeof(BooleanOperationFilterInputGraphType),
            _ when value == typeof(Guid) => typeof(UuidOperationFilterInputGraphType),
            _ when value.IsEnum => typeof(EnumOperationFilterInputGraphType<>).MakeGenericType(value),
            _ => typeof(ComparableOperationFilterInputGraphType<>).MakeGenericType(value),
        };
    }

    public static readonly Dictionary<Type, string> ComparableNames = new()
    {
        [typeof(int)] = "Int",
        [typeof(long)] = "Long",
        [typeof(short)] = "Short",
        [typeof(byte)] = "Byte",
        [typeof(double)] = "Float",
        [typeof(decimal)] = "Decimal",
        [typeof(DateTime)] = "DateTime",
        [typeof(DateOnly)] = "Date",
        [typeof(TimeOnly)] = "LocalTime",
        [typeof(TimeSpan)] = "TimeSpan",
    };

    public static string NameOf(Type valueType) => valueType switch
    {
        _ when valueType == typeof(string) => "String",
        _ when valueType == typeof(bool) => "Boolean",
        _ when valueType == typeof(Guid) => "Uuid",
        // GraphQLName() reads attributes; filters ask for the name on every request.
        _ when valueType.IsEnum => EnumNames.GetOrAdd(valueType, type => type.GraphQLName()),
        _ => ComparableNames[valueType],
    };

    private static readonly ConcurrentDictionary<Type, string> EnumNames = new();
}

/// <summary>
/// <c>StringOperationFilterInput</c>. Beyond HotChocolate, each matching operator has an <c>…IgnoreCase</c>
/// twin (<c>eqIgnoreCase</c>, <c>containsIgnoreCase</c>, <c>nstartsWithIgnoreCase</c>, …): the base name
/// a HotChocolate user already types, so the twin appears right beside it in autocompletion, and the suffix
/// reads like .NET's <c>StringComparison.OrdinalIgnoreCase</c>. They compare <c>lower(column)</c> with
/// <c>lower(@value)</c>, which runs on SQLite and PostgreSQL alike; SQLite's <c>lower()</c> folds ASCII only,
/// so there it ignores the case of Latin letters and leaves others (Chinese has no case) as they are.
/// </summary>
public sealed class StringOperationFilterInputGraphType : InputObjectGraphType
{
    internal static readonly string[] MatchOperators = ["eq", "neq", "contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith"];

    public StringOperationFilterInputGraphType()
    {
        Name = "StringOperationFilterInput";
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputGraphType>>>("and");
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputGraphType>>>("or");
        Field<StringGraphType>("eq");
        Field<StringGraphType>("neq");
        Field<StringGraphType>("contains");
        Field<StringGraphType>("ncontains");
        Field<ListGraphType<StringGraphType>>("in");
        Field<ListGraphType<StringGraphType>>("nin");
        Field<StringGraphType>("startsWith");
        Field<StringGraphType>("nstartsWith");
        Field<StringGraphType>("endsWith");
        Field<StringGraphType>("nendsWith");
        foreach (var name in MatchOperators)
        {
            Field<StringGraphType>(name + "IgnoreCase");
        }
    }
}

/// <summary><c>{Scalar}OperationFilterInput</c> for ordered scalars: Int, Long, Float, Decimal, DateTime, Date, ...</summary>
public sealed class ComparableOperationFilterInputGraphType<TValue> : InputObjectGraphType
    where TValue : struct
{
    public ComparableOperationFilterInputGraphType()
    {
        Name = OperationFilterTypes.NameOf(typeof(TValue)) + "OperationFilterInput";
        Field<ListGraphType<NonNullGraphType<ComparableOperationFilterInputGraphType<TValue>>>>("and");
        Field<ListGraphType<NonNullGraphType<ComparableOperationFilterInputGraphType<TValue>>>>("or");
        Field<GraphQLClrInputTypeReference<TValue>>("eq");
        Field<GraphQLClrInputTypeReference<TValue>>("neq");
        Field<ListGraphType<GraphQLClrInputTypeReference<TValue>>>("in");
        Field<ListGraphType<GraphQLClrInputTypeReference<TValue>>>("nin");
        foreach (var name in new[] { "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte" })
        {
            Field<GraphQLClrInputTypeReference<TValue>>(name);
        }
    }
}

/// <summary><c>BooleanOperationFilterInput</c>.</summary>
public sealed class BooleanOperationFilterInputGraphType : InputObjectGraphType
{
    public BooleanOperationFilterInputGraphType()
    {
        Name = "BooleanOperationFilterInput";
        Field<ListGraphType<NonNullGraphType<BooleanOperationFilterInputGraphType>>>("and");
        Field<ListGraphType<NonNullGraphType<BooleanOperationFilterInputGraphType>>>("or");
        Field<BooleanGraphType>("eq");
        Field<BooleanGraphType>("neq");
    }
}

/// <summary><c>UuidOperationFilterInput</c>; equality only, as Guids have no useful order.</summary>
public sealed class UuidOperationFilterInputGraphType : InputObjectGraphType
{
    public UuidOperationFilterInputGraphType()
    {
        Name = "UuidOperationFilterInput";
        Field<ListGraphType<NonNullGraphType<UuidOperationFilterInputGraphType>>>("and");
        Field<ListGraphType<NonNullGraphType<UuidOperationFilterInputGraphType>>>("or");
        Field<GraphQLClrInputTypeReference<Guid>>("eq");
        Field<GraphQLClrInputTypeReference<Guid>>("neq");
        Field<ListGraphType<GraphQLClrInputTypeReference<Guid>>>("in");
        Field<ListGraphType<GraphQLClrInputTypeReference<Guid>>>("nin");
    }
}

/// <summary><c>{Enum}OperationFilterInput</c>, e.g. <c>CategoryOperationFilterInput</c>.</summary>
public sealed class EnumOperationFilterInputGraphType<TEnum> : InputObjectGraphType
    where TEnum : struct, Enum
{
    public EnumOperationFilterInputGraphType()
    {
        Name = typeof(TEnum).GraphQLName() + "OperationFilterInput";
        Field<ListGraphType<NonNullGraphType<EnumOperationFilterInputGraphType<TEnum>>>>("and");
        Field<ListGraphType<NonNullGraphType<EnumOperationFilterInputGraphType<TEnum>>>>("or");
        Field<GraphQLClrInputTypeReference<TEnum>>("eq");
        Field<GraphQLClrInputTypeReference<TEnum>>("neq");
        Field<ListGraphType<NonNullGraphType<GraphQLClrInputTypeReference<TEnum>>>>("in");
        Field<ListGraphType<NonNullGraphType<GraphQLClrInputTypeReference<TEnum>>>>("nin");
    }
}

/// <summary>
/// HotChocolate's <c>IdOperationFilterInput</c>: global ids, decoded with the registered
/// <see cref="IGlobalIdCodec"/> and compared with the entity key.
/// </summary>
public sealed class IdOperationFilterInputGraphType : InputObjectGraphType
{
    public IdOperationFilterInputGraphType()
    {
        Name = "IdOperationFilterInput";
        Field<ListGraphType<NonNullGraphType<IdOperationFilterInputGraphType>>>("and");
        Field<ListGraphType<NonNullGraphType<IdOperationFilterInputGraphType>>>("or");
        Field<IdGraphType>("eq");
        Field<IdGraphType>("neq");
        Field<ListGraphType<IdGraphType>>("in");
        Field<ListGraphType<IdGraphType>>("nin");
    }
}

/// <summary><c>List{Scalar}OperationFilterInput</c>, e.g. <c>ListStringOperationFilterInput</c>, for primitive collections.</summary>
public sealed class ListOperationFilterInputGraphType<TElement> : InputObjectGraphType
{
    public ListOperationFilterInputGraphType()
    {
        var element = OperationFilterTypes.GraphTypeFor(typeof(TElement))
            ?? throw new InvalidOperationException($"{typeof(TElement).Name} elements cannot be filtered.");
        var valueType = OperationFilterTypes.ValueTypeOf(Nullable.GetUnderlyingType(typeof(TElement)) ?? typeof(TElement))!;
        Name = "List" + OperationFilterTypes.NameOf(valueType) + "OperationFilterInput";
        Field("all", element);
        Field("none", element);
        Field("some", element);
        Field<BooleanGraphType>("any");
    }
}

/// <summary><c>ListFilterInputTypeOf{Type}FilterInput</c> for collection navigations.</summary>
public sealed class ListFilterInputGraphType<TEntity> : InputObjectGraphType
    where TEntity : class
{
    public ListFilterInputGraphType()
    {
        Name = "ListFilterInputTypeOf" + typeof(TEntity).GraphQLName() + "FilterInput";
        Field<FilterInputGraphType<TEntity>>("all");
        Field<FilterInputGraphType<TEntity>>("none");
        Field<FilterInputGraphType<TEntity>>("some");
        Field<BooleanGraphType>("any");
    }
}
