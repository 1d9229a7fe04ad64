using System.Reflection;

namespace DualRandomGraph.GraphQL.Data.Sorting;

/// <summary>Turns the parsed <c>order:</c> argument into sort keys, and appends the key as the last tie-breaker.</summary>
internal static class SortParser
{
    public static List<SortKey> Parse(DataModel model, Type entityType, object? order)
    {
        var keys = new List<SortKey>();
        if (order is IEnumerable<object?> items)
        {
            foreach (var item in items)
            {
                if (item is IDictionary<string, object?> fields)
                {
                    AddKeys(model, entityType, entityType, [], false, fields, keys);
                }
            }
        }

        var key = model.Describe(entityType).Key;
        if (!keys.Any(k => k.Members.Count == 1 && k.Members[0] == key.Property))
        {
            keys.Add(new SortKey(entityType, [key.Property], descending: false, nullable: false));
        }

        return keys;
    }

    private static void AddKeys(
        DataModel model, Type rootType, Type entityType, List<PropertyInfo> path, bool pathNullable,
        IDictionary<string, object?> fields, List<SortKey> keys)
    {
        var entity = model.Describe(entityType);
        foreach (var (name, value) in fields)
        {
            var member = entity.FindByFieldName(name);
            if (member == null || value == null)
            {
                continue;
            }

            List<PropertyInfo> memberPath = [.. path, member.Property];
            if (value is SortDirection direction)
            {
                keys.Add(new SortKey(rootType, memberPath, direction == SortDirection.Desc, pathNullable || member.IsNullable));
            }
            else if (value is IDictionary<string, object?> nested)
            {
                AddKeys(model, rootType, member.ValueType, memberPath, pathNullable || member.IsNullable, nested, keys);
            }
        }
    }
}
