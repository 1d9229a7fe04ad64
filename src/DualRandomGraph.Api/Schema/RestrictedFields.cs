using DualRandomGraph.GraphQL.Data;
using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.Api.Schema;

/// <summary>
/// Fields only some of the callers of their type may read. Such a field is nullable: a denied field resolves to null
/// with its error, and a non-null one would take its parent object down with it (an inspector asking for the draw
/// behind their task would lose the task). And it is neither filterable nor sortable, since <c>where:</c> and
/// <c>order:</c> would let everyone who reads the type probe what the field hides. A generic helper; it could move
/// beside <c>MarkNonNull</c> one day.
/// </summary>
internal static class RestrictedFields
{
    public static FieldType RestrictTo(this FieldType field, params string[] roles)
    {
        if (field.Type is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(NonNullGraphType<>))
        {
            field.Type = type.GetGenericArguments()[0];
        }

        return field.NotFilterable().NotSortable().AuthorizeWithRoles(roles);
    }
}
