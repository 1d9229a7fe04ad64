using System.Linq.Expressions;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>
/// Puts a request value into an expression tree the way a C# closure would. EF Core turns a member read
/// on a captured object into a SQL parameter, whereas <see cref="Expression.Constant(object)"/> of the value
/// itself would be inlined into the SQL text and defeat the query cache (one cache entry per value).
/// </summary>
internal static class QueryParameter
{
    public static Expression For(object? value, Type type)
    {
        var holderType = typeof(Holder<>).MakeGenericType(type);
        var holder = Activator.CreateInstance(holderType, value)!;
        return Expression.Field(Expression.Constant(holder), holderType.GetField(nameof(Holder<object>.Value))!);
    }

    public static Expression For<T>(T value) => For(value, typeof(T));

    // EF names the SQL parameter after this field (@Value, @Value0, ...).
    private sealed class Holder<T>(T value)
    {
        public readonly T Value = value;
    }
}
