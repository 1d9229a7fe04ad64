using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Data.Filtering;

/// <summary>
/// <c>{Type}FilterInput</c>: <c>and</c>, <c>or</c>, and one field per filterable member of the entity
/// (see <see cref="DataModel"/>) that its graph type shows: scalars get their operation input, single navigations the other
/// entity's filter input, collections a list filter; global id fields an <c>IdOperationFilterInput</c>.
/// </summary>
public sealed class FilterInputGraphType<TEntity> : InputObjectGraphType
    where TEntity : class
{
    public FilterInputGraphType(DataModel model, IServiceProvider services)
    {
        var entity = model.Describe(typeof(TEntity));
        var shown = EntityGraphTypeFields.Find(services, typeof(TEntity));
        Name = typeof(TEntity).GraphQLName() + "FilterInput";
        Field<ListGraphType<NonNullGraphType<FilterInputGraphType<TEntity>>>>("and");
        Field<ListGraphType<NonNullGraphType<FilterInputGraphType<TEntity>>>>("or");
        var globalIds = GlobalIdFields(entity, shown);
        foreach (var (fieldName, typeName) in globalIds)
        {
            Field<IdOperationFilterInputGraphType>(fieldName).FieldType.WithMetadata(DataFieldExtensions.GlobalIdTypeKey, typeName);
        }

        foreach (var member in entity.Members.Where(m => m.Filterable
            && EntityGraphTypeFields.Allows(shown, m, DataFieldExtensions.NotFilterableKey)
            && !globalIds.ContainsKey(m.FieldName)))
        {
            var type = InputTypeFor(member);
            if (type != null)
            {
                Field(member.FieldName, type);
            }
        }
    }

    /// <summary>Global id filter fields: declared in the <see cref="DataModel"/> or with <c>FilterAsGlobalId</c> on the graph type.</summary>
    private static Dictionary<string, string> GlobalIdFields(EntityDescriptor entity, IReadOnlyList<FieldType>? shown)
    {
        var fields = entity.GlobalIds.ToDictionary(g => g.FieldName, g => g.TypeName);
        foreach (var field in shown ?? [])
        {
            if (field.GetMetadata<string?>(DataFieldExtensions.GlobalIdTypeKey) is { } typeName)
            {
                fields[char.ToLowerInvariant(field.Name[0]) + field.Name[1..]] = typeName;
            }
        }

        return fields;
    }

    private static Type? InputTypeFor(MemberDescriptor member) => member.Kind switch
    {
        MemberKind.Scalar => OperationFilterTypes.GraphTypeFor(member.ValueType),
        MemberKind.Reference when member.ValueType.IsClass => typeof(FilterInputGraphType<>).MakeGenericType(member.ValueType),
        MemberKind.EntityCollection when member.ValueType.IsClass => typeof(ListFilterInputGraphType<>).MakeGenericType(member.ValueType),
        MemberKind.ScalarCollection when OperationFilterTypes.GraphTypeFor(member.ValueType) != null
            => typeof(ListOperationFilterInputGraphType<>).MakeGenericType(member.ValueType),
        _ => null,
    };
}
