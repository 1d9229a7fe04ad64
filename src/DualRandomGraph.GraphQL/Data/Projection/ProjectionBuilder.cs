using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace DualRandomGraph.GraphQL.Data.Projection;

/// <summary>
/// Builds <c>x =&gt; new T { A = x.A, Nav = x.Nav == null ? null : new Nav { ... }, Items = x.Items.Where(..)
/// .OrderBy(..).Take(n).Select(..).ToList() }</c> from the selection set, so that EF Core reads only the
/// selected columns, in one statement. Also reads every entity's key, the members sort keys need for
/// cursors, and what computed fields declare with <see cref="DataFieldExtensions.Requires{TEntity}"/>.
/// </summary>
internal sealed class ProjectionBuilder(SelectionCollector selections, DataModel model, IServiceProvider? services)
{
    /// <summary>The projection for the rows of <paramref name="request"/>, or null when its elements are not an object type.</summary>
    public RowProjection? Build(DataRequest request)
    {
        if (request.NodeType == null)
        {
            return null;
        }

        var root = NodeFor(request);
        var parameter = Expression.Parameter(request.EntityType, "x");
        // An unpaged list's range is its whole table, which restricts nothing.
        var page = request.Definition.Paging != PagingKind.None && model.NestedCollectionsRestrictedToPage && root.HasCollections
            ? Expression.Parameter(typeof(IQueryable<>).MakeGenericType(request.EntityType), "page")
            : null;
        return new RowProjection(Expression.Lambda(Emit(parameter, root, page), parameter), page);
    }

    private ProjectionNode NodeFor(DataRequest request)
    {
        var node = new ProjectionNode(request.EntityType);
        if (request.NodeType != null)
        {
            AddSelections(node, request.NodeType, request.NodeSelections);
        }

        foreach (var key in request.Order)
        {
            node.AddPath(key.Members);
        }

        return node;
    }

    private void AddSelections(ProjectionNode node, IObjectGraphType graphType, IEnumerable<GraphQLSelectionSet?> selectionSets)
    {
        var entity = model.Describe(node.EntityType);
        node.AddPath([entity.Key.Property]);
        var nestedDataFields = new Dictionary<MemberDescriptor, List<SelectedField>>();
        foreach (var field in selections.Collect(graphType, selectionSets))
        {
            foreach (var required in field.Definition.GetMetadata<LambdaExpression[]?>(DataFieldExtensions.RequiresKey) ?? [])
            {
                node.AddPath(MemberPath(required));
            }

            var propertyName = field.Definition.GetMetadata<string?>(DataFieldExtensions.MemberKey);
            var member = propertyName != null
                ? entity.Members.FirstOrDefault(m => m.Property.Name == propertyName)
                : entity.FindByFieldName(field.Definition.Name);
            if (member == null || member.Property.SetMethod == null)
            {
                continue;
            }

            var childType = field.Definition.ResolvedType?.GetNamedType() as IObjectGraphType;
            var isDataField = field.Definition.GetMetadata<DataFieldDefinition?>(DataFieldDefinition.MetadataKey) != null;
            switch (member.Kind)
            {
                case MemberKind.EntityCollection when isDataField:
                    nestedDataFields.TryAdd(member, []);
                    nestedDataFields[member].Add(field);
                    break;
                case MemberKind.EntityCollection when childType != null:
                    AddSelections(node.Collection(member.Property, member.ValueType), childType, [field.Ast.SelectionSet]);
                    break;
                case MemberKind.Reference when childType != null:
                    AddSelections(node.Reference(member.Property, member.ValueType, member.IsNullable), childType, [field.Ast.SelectionSet]);
                    break;
                default:
                    node.AddPath([member.Property]);
                    break;
            }
        }

        foreach (var (member, occurrences) in nestedDataFields)
        {
            node.Set(member.Property, NestedDataCollection(graphType, occurrences));
        }
    }

    /// <summary>
    /// A nested filtered/sorted/paged collection. The property can hold only one page, so aliases of the field
    /// must ask for the same page; their selections are merged.
    /// </summary>
    private CollectionMember NestedDataCollection(IObjectGraphType graphType, List<SelectedField> occurrences)
    {
        var first = occurrences[0];
        var coordinate = $"{graphType.Name}.{first.Definition.Name}";
        if (occurrences.Skip(1).Any(o => !SameArguments(o.Arguments, first.Arguments)))
        {
            throw DataErrors.Create(
                DataErrors.NestedArgumentsDiffer,
                $"`{coordinate}` is selected more than once with different arguments; a nested list can be read only one way per parent. Select it once, or query the other page from a root field.",
                ("field", coordinate));
        }

        var definition = first.Definition.GetMetadata<DataFieldDefinition>(DataFieldDefinition.MetadataKey);
        var request = DataRequest.Create(selections, model, services, coordinate, first.Definition, definition, occurrences.Select(o => o.Ast), first.Arguments);
        return new CollectionMember(NodeFor(request), request);
    }

    private static bool SameArguments(IDictionary<string, ArgumentValue>? left, IDictionary<string, ArgumentValue>? right)
    {
        static string Text(IDictionary<string, ArgumentValue>? arguments)
            => JsonSerializer.Serialize(arguments?.Where(a => a.Value.Source != ArgumentSource.FieldDefault).ToDictionary(a => a.Key, a => a.Value.Value));
        return Text(left) == Text(right);
    }

    private static List<PropertyInfo> MemberPath(LambdaExpression lambda)
    {
        var path = new List<PropertyInfo>();
        var body = lambda.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : lambda.Body;
        while (body is MemberExpression { Member: PropertyInfo property } access)
        {
            path.Insert(0, property);
            body = access.Expression;
        }

        return body is ParameterExpression
            ? path
            : throw new InvalidOperationException($"Requires({lambda}) must be a member path such as x => x.Region.Name.");
    }

    // With DataModel.RestrictNestedCollectionsToPage, each level knows the rows it can range over ("range"): the page
    // for the root, then the children of those rows, and so on; a nested collection is read only for the rows of its
    // parent's range. That never changes the answer: a child of a row is always among the children of that row's
    // range, and whole partitions drop out before a nested page's ROW_NUMBER.
    private Expression Emit(Expression source, ProjectionNode node, Expression? range)
    {
        var bindings = new List<MemberBinding>();
        foreach (var (property, member) in node.Members)
        {
            bindings.Add(Expression.Bind(property, EmitMember(Expression.Property(source, property), property, member, range)));
        }

        return Expression.MemberInit(Expression.New(node.EntityType), bindings);
    }

    private Expression EmitMember(Expression access, PropertyInfo property, ProjectionMember member, Expression? range)
    {
        switch (member)
        {
            case ReferenceMember reference:
                var projected = Emit(access, reference.Node, range == null ? null : Across(range, property, reference.Node.EntityType, collection: false));
                return reference.IsNullable
                    ? Expression.Condition(Expression.Equal(access, Expression.Constant(null, access.Type)), Expression.Constant(null, access.Type), projected, access.Type)
                    : projected;
            case CollectionMember collection:
                return EmitCollection(access, property, collection, range);
            default:
                return access;
        }
    }

    private Expression EmitCollection(Expression access, PropertyInfo property, CollectionMember collection, Expression? range)
    {
        var elementType = collection.Node.EntityType;
        var children = range == null ? null : Across(range, property, elementType, collection: true);
        var restricted = children == null ? access : WithinRange(access, elementType, children);

        var source = collection.Request == null ? restricted : QueryShaper.Shape(restricted, collection.Request, queryable: false);
        var element = Expression.Parameter(elementType, "e");
        var selected = ExpressionHelpers.CallLinq(false, nameof(Enumerable.Select), [elementType, elementType], source, Expression.Lambda(Emit(element, collection.Node, children), element));
        Expression list = ExpressionHelpers.CallLinq(false, nameof(Enumerable.ToList), [elementType], selected);
        if (collection.Request != null)
        {
            var count = collection.Request.CountSelected
                ? Expression.Convert(QueryShaper.Count(access, collection.Request, queryable: false), typeof(int?)) // correlated: reads only its row's children
                : (Expression)Expression.Constant(null, typeof(int?));
            var create = typeof(ProjectedList<>).MakeGenericType(elementType).GetMethod(nameof(ProjectedList<object>.Create))!;
            list = Expression.Call(create, list, count);
        }

        return access.Type.IsAssignableFrom(list.Type)
            ? Expression.Convert(list, access.Type)
            : throw new InvalidOperationException($"A projected collection is a List<{elementType.Name}>, which cannot be assigned to {access}; declare it as ICollection<T>, IList<T>, IEnumerable<T> or List<T>.");
    }

    /// <summary>The rows a member of the rows of <paramref name="range"/> can be: <c>range.Select(p =&gt; p.M)</c> or <c>range.SelectMany(p =&gt; p.M)</c>.</summary>
    private static Expression Across(Expression range, PropertyInfo member, Type targetType, bool collection)
    {
        var rowType = range.Type.GetGenericArguments()[0];
        var row = Expression.Parameter(rowType, "p");
        var body = Expression.Property(row, member);
        return collection
            ? ExpressionHelpers.CallLinq(true, nameof(Queryable.SelectMany), [rowType, targetType], range,
                Expression.Lambda(typeof(Func<,>).MakeGenericType(rowType, typeof(IEnumerable<>).MakeGenericType(targetType)), body, row))
            : ExpressionHelpers.CallLinq(true, nameof(Queryable.Select), [rowType, targetType], range, Expression.Lambda(body, row));
    }

    /// <summary><c>access.Where(c =&gt; range.Select(k =&gt; k.Key).Contains(c.Key))</c>.</summary>
    private Expression WithinRange(Expression access, Type elementType, Expression range)
    {
        var key = model.Describe(elementType).Key.Property;
        var candidate = Expression.Parameter(elementType, "k");
        var keys = ExpressionHelpers.CallLinq(true, nameof(Queryable.Select), [elementType, key.PropertyType], range, Expression.Lambda(Expression.Property(candidate, key), candidate));
        var child = Expression.Parameter(elementType, "c");
        var contains = ExpressionHelpers.CallLinq(true, nameof(Queryable.Contains), [key.PropertyType], keys, Expression.Property(child, key));
        return ExpressionHelpers.CallLinq(false, nameof(Enumerable.Where), [elementType], access, Expression.Lambda(contains, child));
    }
}

/// <summary>
/// A projection of rows, with the placeholder for the page it projects (<see cref="Page"/>, null when no nested
/// collection needs it), which <see cref="For"/> fills in with the page query of one request.
/// </summary>
internal sealed record RowProjection(LambdaExpression Lambda, ParameterExpression? Page)
{
    public LambdaExpression For(Expression page)
        => Page == null ? Lambda : (LambdaExpression)ExpressionHelpers.Replace(Lambda, Page, page);
}
