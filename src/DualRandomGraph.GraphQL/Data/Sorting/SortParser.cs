using System.Reflection;
using GraphQL;

namespace DualRandomGraph.GraphQL.Data.Sorting;

/// <summary>
/// Turns the parsed <c>order:</c> argument into sort keys, and appends the key as the last tie-breaker.
/// Each sort object must set exactly one field (<c>[{ category: DESC }, { code: ASC }]</c>): GraphQL.NET
/// coerces an input object into its type's field order, so the order of several fields written in one
/// object (and in variables) is lost, and guessing it would sort silently wrong.
/// </summary>
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
        var set = fields.Where(f => f.Value != null).ToList();
        if (set.Count != 1)
        {
            throw DataErrors.Create(
                DataErrors.SortInvalidInput,
                $"Each `{entityType.GraphQLName()}SortInput` must set exactly one field; give several keys as a list, in order: order: [{{ a: ASC }}, {{ b: DESC }}].",
                ("inputType", entityType.GraphQLName() + "SortInput"), ("fields", set.Select(f => f.Key).ToArray()));
        }

        foreach (var (name, value) in set)
        {
            var member = entity.FindByFieldName(name);
            if (member == null)
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
