using DualRandomGraph.GraphQL.Data.Filtering;
using DualRandomGraph.GraphQL.Data.Paging;
using DualRandomGraph.GraphQL.Data.Sorting;
using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Data;

/// <summary>
/// Turns a list field into a data field: records the definition, sets the arguments in HotChocolate's order
/// (<c>first after last before</c> / <c>skip take</c>, then <c>where</c>, then <c>order</c>), sets the
/// connection or segment type, and wraps the resolver once. Safe to call again for each data attribute.
/// </summary>
internal static class DataFieldConfigurator
{
    private static readonly string[] ArgumentNames = ["first", "after", "last", "before", "skip", "take", "where", "order"];

    public static void Configure(FieldType field, Type? returnType, Action<DataFieldDefinition> configure)
    {
        var definition = field.GetMetadata<DataFieldDefinition?>(DataFieldDefinition.MetadataKey);
        if (definition == null)
        {
            definition = CreateDefinition(field, returnType);
            field.WithMetadata(DataFieldDefinition.MetadataKey, definition);
        }

        configure(definition);
        if (definition.MaxPageSize < definition.DefaultPageSize || definition.DefaultPageSize < 0)
        {
            throw new InvalidOperationException($"Field '{field.Name}': page sizes must satisfy 0 <= DefaultPageSize <= MaxPageSize.");
        }

        SetArguments(field, definition);
        SetType(field, definition);
        if (field.Resolver is not null and not DataResolver)
        {
            field.Resolver = new DataResolver(field.Resolver, definition);
        }
    }

    private static DataFieldDefinition CreateDefinition(FieldType field, Type? returnType)
    {
        var nodeGraphType = field.Type is { } declared
            ? UnwrapListAndNonNull(declared)
            : throw new InvalidOperationException($"Field '{field.Name}' must declare its type as a Type (not only a ResolvedType instance) to be a data field.");
        var entityType = EntityTypeOf(returnType) ?? EntityTypeOf(nodeGraphType)
            ?? throw new InvalidOperationException($"Cannot tell the element type of field '{field.Name}'; return an IQueryable<T> or a collection of T.");
        return new DataFieldDefinition { EntityType = entityType, NodeGraphType = nodeGraphType };
    }

    private static Type UnwrapListAndNonNull(Type graphType)
    {
        while (graphType.IsGenericType
            && (graphType.GetGenericTypeDefinition() == typeof(NonNullGraphType<>) || graphType.GetGenericTypeDefinition() == typeof(ListGraphType<>)))
        {
            graphType = graphType.GetGenericArguments()[0];
        }

        // GraphQL.NET does not see IQueryable<T> as a list and references it as a CLR type: reference T instead.
        if (graphType.IsGenericType && graphType.GetGenericTypeDefinition() == typeof(GraphQLClrOutputTypeReference<>)
            && EntityDescriptor.ElementType(graphType.GetGenericArguments()[0]) is { } element)
        {
            graphType = typeof(GraphQLClrOutputTypeReference<>).MakeGenericType(element);
        }

        return graphType;
    }

    private static Type? EntityTypeOf(Type? type)
    {
        if (type == null)
        {
            return null;
        }

        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            type = type.GetGenericArguments()[0];
        }

        if (typeof(IGraphType).IsAssignableFrom(type))
        {
            // GraphQLClrOutputTypeReference<T> or ObjectGraphType<T>: T is the entity.
            for (var current = type; current != null; current = current.BaseType)
            {
                if (current.IsGenericType
                    && (current.GetGenericTypeDefinition() == typeof(GraphQLClrOutputTypeReference<>) || current.GetGenericTypeDefinition() == typeof(ComplexGraphType<>)))
                {
                    return current.GetGenericArguments()[0];
                }
            }

            return null;
        }

        return EntityDescriptor.ElementType(type);
    }

    private static void SetArguments(FieldType field, DataFieldDefinition definition)
    {
        var kept = field.Arguments?.Where(a => !ArgumentNames.Contains(a.Name)).ToList() ?? [];
        var arguments = new QueryArguments(kept);
        if (definition.Paging == PagingKind.Cursor)
        {
            arguments.Add(Argument<IntGraphType>("first", "Returns the first _n_ elements from the list."));
            arguments.Add(Argument<StringGraphType>("after", "Returns the elements in the list that come after the specified cursor."));
            arguments.Add(Argument<IntGraphType>("last", "Returns the last _n_ elements from the list."));
            arguments.Add(Argument<StringGraphType>("before", "Returns the elements in the list that come before the specified cursor."));
        }
        else if (definition.Paging == PagingKind.Offset)
        {
            arguments.Add(Argument<IntGraphType>("skip", null));
            arguments.Add(Argument<IntGraphType>("take", null));
        }

        if (definition.Filtering)
        {
            arguments.Add(new QueryArgument(typeof(FilterInputGraphType<>).MakeGenericType(definition.EntityType)) { Name = "where" });
        }

        if (definition.Sorting)
        {
            var sortInput = typeof(SortInputGraphType<>).MakeGenericType(definition.EntityType);
            arguments.Add(new QueryArgument(typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(sortInput))) { Name = "order" });
        }

        field.Arguments = arguments;
    }

    private static QueryArgument Argument<TGraphType>(string name, string? description)
        where TGraphType : IGraphType
        => new(typeof(TGraphType)) { Name = name, Description = description };

    private static void SetType(FieldType field, DataFieldDefinition definition)
    {
        if (definition.Paging == PagingKind.None)
        {
            // [Node!]! as HotChocolate declares a filtered or sorted list.
            field.Type = typeof(NonNullGraphType<>).MakeGenericType(
                typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(definition.NodeGraphType)));
            field.ResolvedType = null;
            return;
        }

        var prefix = definition.TypeNamePrefix ?? char.ToUpperInvariant(field.Name[0]) + field.Name[1..];
        var generic = definition.Paging == PagingKind.Cursor ? typeof(ConnectionGraphType<,>) : typeof(CollectionSegmentGraphType<,>);
        field.Type = generic.MakeGenericType(TypeNameTag.For(prefix), definition.NodeGraphType);
        field.ResolvedType = null;
    }
}
