using System.Linq.Expressions;

namespace DualRandomGraph.GraphQL.Data.Filtering;

internal static class FilterBuilder
{
    public static LambdaExpression? Build(DataModel model, Type entityType, object? where, IServiceProvider? services)
    {
        _ = (model, entityType, where, services);
        return null;
    }
}
