using GraphQL;
using GraphQL.Types;

namespace DualRandomGraph.GraphQL.Data.Filtering;

/// <summary><c>{Type}FilterInput</c> with <c>and</c>, <c>or</c> and one field per filterable member.</summary>
public sealed class FilterInputGraphType<TEntity> : InputObjectGraphType
    where TEntity : class
{
    public FilterInputGraphType(DataModel model)
    {
        _ = model;
        Name = typeof(TEntity).GraphQLName() + "FilterInput";
        Field<ListGraphType<NonNullGraphType<FilterInputGraphType<TEntity>>>>("and");
        Field<ListGraphType<NonNullGraphType<FilterInputGraphType<TEntity>>>>("or");
    }
}
