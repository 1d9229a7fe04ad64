using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Data.Sorting;

public enum SortDirection
{
    Asc,
    Desc,
}

/// <summary>HotChocolate's <c>enum SortEnumType { ASC DESC }</c>.</summary>
public sealed class SortEnumGraphType : EnumerationGraphType<SortDirection>
{
    public SortEnumGraphType()
    {
        Name = "SortEnumType";
        Description = null;
    }
}

/// <summary>
/// <c>{Type}SortInput</c>: one <see cref="SortEnumGraphType"/> field per sortable scalar member and one nested
/// <c>{Other}SortInput</c> per single navigation. Collections cannot be sorted on (as in HotChocolate).
/// </summary>
public sealed class SortInputGraphType<TEntity> : InputObjectGraphType
    where TEntity : class
{
    public SortInputGraphType(DataModel model, IServiceProvider services)
    {
        var entity = model.Describe(typeof(TEntity));
        var shown = EntityGraphTypeFields.Find(services, typeof(TEntity));
        Name = typeof(TEntity).GraphQLName() + "SortInput";
        foreach (var member in entity.Members.Where(m => m.Sortable && IsSortableValue(m)
            && EntityGraphTypeFields.Allows(shown, m, DataFieldExtensions.NotSortableKey)))
        {
            var type = member.Kind == MemberKind.Scalar
                ? typeof(SortEnumGraphType)
                : typeof(SortInputGraphType<>).MakeGenericType(member.ValueType);
            Field(member.FieldName, type);
        }
    }

    // Guid has no ordering operators to build keyset predicates with, and sorting by a random id is no use.
    private static bool IsSortableValue(MemberDescriptor member)
        => member.Kind switch
        {
            MemberKind.Scalar => member.ValueType != typeof(Guid) && member.ValueType != typeof(Uri),
            MemberKind.Reference => member.ValueType.IsClass && member.ValueType != typeof(string),
            _ => false,
        };
}
