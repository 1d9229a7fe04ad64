using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
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
        => new(context.Source is { } source ? _read(source) : null);
}

/// <summary>
/// Gives the property fields of <see cref="AutoRegisteringObjectGraphType{TSourceType}"/> types a
/// <see cref="PropertyFieldResolver"/> in place of GraphQL.NET's <see cref="MemberResolver"/>. A field whose resolver was
/// set or wrapped by anything else (authorization, the data middleware, a hand-written resolver) keeps it, and so
/// keeps its full treatment.
/// </summary>
public sealed class PropertyFieldResolverVisitor : BaseSchemaNodeVisitor
{
    /// <summary>GraphQL.NET's metadata key for the CLR member an auto-registered field was made from.</summary>
    private const string MemberNameKey = "ORIGINAL_EXPRESSION_PROPERTY_NAME";

    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        if (field.Resolver?.GetType() != typeof(MemberResolver)
            || field.Arguments is { Count: > 0 }
            || field.GetMetadata<string?>(MemberNameKey) is not { } memberName
            || SourceTypeOf(type) is not { } sourceType
            || sourceType.GetProperty(memberName, BindingFlags.Public | BindingFlags.Instance) is not { GetMethod: not null } property
            || property.GetIndexParameters().Length > 0)
        {
            return;
        }

        field.Resolver = new PropertyFieldResolver(property);
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
