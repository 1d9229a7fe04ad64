using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>
/// Puts a request value into an expression tree the way a C# closure would. EF Core turns a member read
/// on a captured object into a SQL parameter, whereas <see cref="Expression.Constant(object)"/> of the value
/// itself would be inlined into the SQL text and defeat the query cache (one cache entry per value).
/// </summary>
internal static class QueryParameter
{
    private static readonly MethodInfo ForValueMethod = typeof(QueryParameter).GetMethod(nameof(ForValue), BindingFlags.NonPublic | BindingFlags.Static)!;

    // One factory per value type, made once: MakeGenericType + Activator + GetField per filter value showed in the profile.
    private static readonly ConcurrentDictionary<Type, Func<object?, Expression>> Factories = new();

    public static Expression For(object? value, Type type)
        => Factories.GetOrAdd(type, t => ForValueMethod.MakeGenericMethod(t).CreateDelegate<Func<object?, Expression>>())(value);

    public static Expression For<T>(T value) => Expression.Field(Expression.Constant(new Holder<T>(value)), Holder<T>.ValueField);

    private static Expression ForValue<T>(object? value) => For(value is null ? default! : (T)value);

    // EF names the SQL parameter after this field (@Value, @Value0, ...).
    private sealed class Holder<T>(T value)
    {
        public static readonly FieldInfo ValueField = typeof(Holder<T>).GetField(nameof(Value))!;

        public readonly T Value = value;
    }
}
