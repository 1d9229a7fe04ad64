using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Conversion;
using GraphQL.Utilities;

namespace DualRandomGraph.GraphQL.Execution;

/// <summary>
/// The resolver of a field that only reads a property of its source object. It does what GraphQL.NET's
/// <see cref="MemberResolver"/> does, and also offers <see cref="Read"/>, which needs no resolver context:
/// <see cref="InlineExecutionStrategy"/> calls it directly (HotChocolate calls such resolvers "pure").
/// </summary>
public sealed class PropertyFieldResolver : IFieldResolver
{
    private readonly Func<object, object?> _read;

    public PropertyFieldResolver(PropertyInfo property)
    {
        var source = Expression.Parameter(typeof(object), "source");
        var value = Expression.Property(Expression.Convert(source, property.DeclaringType!), property);
        _read = Expression.Lambda<Func<object, object?>>(Expression.Convert(value, typeof(object)), source).Compile();
        Property = property;
    }

    public PropertyInfo Property { get; }

    public object? Read(object source) => _read(source);

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        => new(_read(context.Source ?? throw new InvalidOperationException(
            $"IResolveFieldContext.Source is null: field '{context.FieldDefinition.Name}' reads property {Property.Name} of its source object.")));

    /// <summary>
    /// Whether a field reading <paramref name="property"/> may have this resolver: a task, or anything else a
    /// resolver's value is awaited or subscribed to, must go through the resolver pipeline.
    /// </summary>
    internal static bool CanRead(PropertyInfo property)
        => property.GetMethod is { IsStatic: false }
            && property.GetIndexParameters().Length == 0
            && !typeof(Task).IsAssignableFrom(property.PropertyType)
            && !(property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(ValueTask<>))
            && property.PropertyType != typeof(ValueTask)
            && !property.PropertyType.GetInterfaces().Append(property.PropertyType)
                .Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>) || i.GetGenericTypeDefinition() == typeof(IObservable<>)));
}

/// <summary>
/// Gives the property fields of <see cref="AutoRegisteringObjectGraphType{TSourceType}"/> types a
/// <see cref="PropertyFieldResolver"/> in place of GraphQL.NET's <see cref="MemberResolver"/>. A field whose resolver was
/// set or wrapped by anything else (authorization, the data middleware, a hand-written resolver) keeps it, and so
/// keeps its full treatment.
/// </summary>
public sealed class PropertyFieldResolverVisitor : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        if (field.Resolver?.GetType() != typeof(MemberResolver)
            || field.Arguments is { Count: > 0 }
            || SourceTypeOf(type) is not { } sourceType
            || PropertyNamed(sourceType, field.Name, type, schema) is not { } property
            || !PropertyFieldResolver.CanRead(property))
        {
            return;
        }

        field.Resolver = new PropertyFieldResolver(property);
    }

    /// <summary>
    /// The one property the auto-registered field is named after. GraphQL.NET records the member of an output field
    /// nowhere, so this names each property the way it does (a <see cref="NameAttribute"/>, then the schema's name
    /// converter) and gives up unless exactly one property matches.
    /// </summary>
    private static PropertyInfo? PropertyNamed(Type sourceType, string fieldName, IObjectGraphType type, ISchema schema)
    {
        var converter = schema.NameConverter ?? CamelCaseNameConverter.Instance;
        var matches = sourceType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => converter.NameForField(p.GetCustomAttribute<NameAttribute>()?.Name ?? p.Name, type) == fieldName)
            .Take(2)
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>
    /// The source type of an auto-registering type whose member resolvers read <c>context.Source</c>, which is what
    /// <see cref="AutoRegisteringObjectGraphType{TSourceType}"/> does unless a subclass builds the instance otherwise.
    /// </summary>
    private static Type? SourceTypeOf(IObjectGraphType type)
    {
        for (var t = type.GetType(); t != null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AutoRegisteringObjectGraphType<>))
            {
                var instance = type.GetType().GetMethod("BuildMemberInstanceExpression", BindingFlags.Instance | BindingFlags.NonPublic, [typeof(MemberInfo)]);
                return instance?.DeclaringType == t ? t.GetGenericArguments()[0] : null;
            }
        }

        return null;
    }
}
