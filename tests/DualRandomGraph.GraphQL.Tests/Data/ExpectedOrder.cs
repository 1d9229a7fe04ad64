using DualRandomGraph.GraphQL.Tests.Data.TestModel;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.GraphQL.Tests.Data;

/// <summary>
/// The order a query must return, computed in memory from the rows, independently of the middleware:
/// nulls are the smallest value (first ascending, last descending), strings compare ordinally as SQLite's
/// BINARY collation does, and the id breaks ties.
/// </summary>
public static class ExpectedOrder
{
    public static List<Company> AllCompanies(DataFixture fixture)
    {
        using var db = fixture.CreateDbContext();
        return [.. db.Companies.AsNoTracking().Include(c => c.Region).Include(c => c.AuditRegion)];
    }

    public static List<string> Codes(IEnumerable<Company> companies, params (Func<Company, object?> Key, bool Descending)[] keys)
    {
        IOrderedEnumerable<Company>? ordered = null;
        foreach (var (key, descending) in keys)
        {
            ordered = ordered == null
                ? descending ? companies.OrderByDescending(key, NullsFirst) : companies.OrderBy(key, NullsFirst)
                : descending ? ordered.ThenByDescending(key, NullsFirst) : ordered.ThenBy(key, NullsFirst);
        }

        ordered = ordered == null ? companies.OrderBy(c => c.Id) : ordered.ThenBy(c => c.Id);
        return [.. ordered.Select(c => c.Code)];
    }

    private static readonly Comparer<object?> NullsFirst = Comparer<object?>.Create((a, b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => Comparer<object>.Default.Compare(a, b),
    });
}
