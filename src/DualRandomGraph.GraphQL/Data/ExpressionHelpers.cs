using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>Small expression-tree utilities shared by filtering, sorting, paging and projection.</summary>
internal static class ExpressionHelpers
{
    private static readonly MethodInfo[] QueryableMethods = typeof(Queryable).GetMethods();
    private static readonly MethodInfo[] EnumerableMethods = typeof(Enumerable).GetMethods();
    private static readonly ConcurrentDictionary<(bool, string, int, string), MethodInfo> Operators = new();

    // Closed operators by element type(s): MakeGenericMethod on every call showed in the profile.
    private static readonly ConcurrentDictionary<(MethodInfo, Type, Type?), MethodInfo> ClosedOperators = new();

    /// <summary>
    /// Calls a LINQ operator on <paramref name="source"/>: Queryable's (lambdas quoted) for a root query,
    /// Enumerable's for a collection navigation inside a projection, which EF translates as a subquery.
    /// </summary>
    public static Expression CallLinq(bool queryable, string name, Type[] typeArguments, Expression source, params Expression[] arguments)
    {
        // Overloads differ by lambda arity and argument count only, so that is the cache key.
        var shape = string.Join(',', arguments.Select(a => a is LambdaExpression lambda ? $"λ{lambda.Parameters.Count}" : a.Type.Name));
        var definition = Operators.GetOrAdd((queryable, name, typeArguments.Length, shape), _ =>
            (queryable ? QueryableMethods : EnumerableMethods).First(m => m.Name == name
                && m.GetGenericArguments().Length == typeArguments.Length
                && m.GetParameters().Length == arguments.Length + 1
                && ParametersFit(m, arguments, queryable)));
        var method = typeArguments.Length is 1 or 2
            ? ClosedOperators.GetOrAdd((definition, typeArguments[0], typeArguments.Length == 2 ? typeArguments[1] : null), _ => definition.MakeGenericMethod(typeArguments))
            : definition.MakeGenericMethod(typeArguments);
        var args = arguments.Select(a => queryable && a is LambdaExpression ? Expression.Quote(a) : a);
        return Expression.Call(method, [source, .. args]);
    }

    // Tells Where(source, Func<T, bool>) from Where(source, Func<T, int, bool>) and Take(int) from Take(Range).
    private static bool ParametersFit(MethodInfo method, Expression[] arguments, bool queryable)
    {
        var parameters = method.GetParameters();
        for (var i = 0; i < arguments.Length; i++)
        {
            var parameterType = parameters[i + 1].ParameterType;
            if (queryable && parameterType.IsGenericType && parameterType.GetGenericTypeDefinition() == typeof(Expression<>))
            {
                parameterType = parameterType.GetGenericArguments()[0];
            }

            if (arguments[i] is LambdaExpression lambda)
            {
                if (!parameterType.IsGenericType || parameterType.GetGenericArguments().Length != lambda.Parameters.Count + 1)
                {
                    return false;
                }
            }
            else if (parameterType != arguments[i].Type && !parameterType.ContainsGenericParameters)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Rewrites <paramref name="lambda"/>'s body onto another parameter (to combine lambdas into one).</summary>
    public static Expression Inline(LambdaExpression lambda, Expression argument)
        => new ParameterReplacer(lambda.Parameters[0], argument).Visit(lambda.Body);

    /// <summary>The tree with every use of <paramref name="parameter"/> replaced by <paramref name="replacement"/>.</summary>
    public static Expression Replace(Expression tree, ParameterExpression parameter, Expression replacement)
        => new ParameterReplacer(parameter, replacement).Visit(tree);

    /// <summary>x.A.B over a property path.</summary>
    public static Expression Path(Expression source, IEnumerable<PropertyInfo> members)
        => members.Aggregate(source, Expression.Property);

    public static bool CanBeNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) != null;

    /// <summary>Makes a value-type expression nullable, so that it can be compared with null.</summary>
    public static Expression AsNullable(Expression expression)
        => CanBeNull(expression.Type) ? expression : Expression.Convert(expression, typeof(Nullable<>).MakeGenericType(expression.Type));

    /// <summary>
    /// Prepares a tree for LINQ to Objects: <c>EF.Parameter(v)</c>, which only EF Core understands, becomes <c>v</c>.
    /// </summary>
    public static Expression ForMemory(Expression expression) => EfParameterRemover.Instance.Visit(expression);

    private sealed class EfParameterRemover : ExpressionVisitor
    {
        public static readonly EfParameterRemover Instance = new();

        protected override Expression VisitMethodCall(MethodCallExpression node)
            => node.Method.DeclaringType == typeof(EF) && node.Method.Name == nameof(EF.Parameter)
                ? Visit(node.Arguments[0])
                : base.VisitMethodCall(node);
    }

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
