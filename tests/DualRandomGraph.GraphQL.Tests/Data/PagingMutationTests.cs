using DualRandomGraph.GraphQL.Tests.Data.TestModel;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.GraphQL.Tests.Data;

/// <summary>
/// Keyset cursors survive changes between requests: a row inserted behind the reader is not seen, one
/// inserted ahead is, a deleted row is simply gone — nothing is skipped or repeated, even when the row a
/// cursor points at is deleted. (Offset cursors, HotChocolate's default, shift on every such change.)
/// Each test has its own database, as it changes the rows.
/// </summary>
public sealed class PagingMutationTests : IDisposable
{
    private readonly DataFixture _fixture = new();

    public static TheoryData<string> Orders => [.. OrderKeys.Keys];

    private static readonly Dictionary<string, (Func<Company, object?>, bool)[]> OrderKeys = new()
    {
        ["[{ name: ASC }]"] = [(c => c.Name, false)],
        ["[{ score: DESC }, { name: ASC }]"] = [(c => c.Score, true), (c => c.Name, false)],
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Walking_forward_while_rows_are_inserted_and_deleted_neither_skips_nor_repeats(string order)
    {
        var keys = OrderKeys[order];
        Company? cursorRow = null;
        string? deletedAhead = null;
        var walked = await PagingWalk.ForwardAsync(_fixture, order, pageSize: 4, betweenPages: async page =>
        {
            if (page != 0)
            {
                return;
            }

            // Delete the row the cursor points at and one ahead; insert one behind and one ahead.
            var before = ExpectedOrder.AllCompanies(_fixture);
            var cursorCode = ExpectedOrder.Codes(before, keys)[3];
            deletedAhead = ExpectedOrder.Codes(before, keys)[8];
            cursorRow = before.Single(c => c.Code == cursorCode);
            await using var db = _fixture.CreateDbContext();
            db.Companies.AddRange(NewCompany(100, "AAA inserted", 70), NewCompany(101, "zzz inserted", null));
            await db.Companies.Where(c => c.Code == cursorCode || c.Code == deletedAhead).ExecuteDeleteAsync();
            await db.SaveChangesAsync();
        });

        // Expected: the first page as it was, then every row now present that sorts after the cursor row.
        var firstPage = walked.Take(4).ToList();
        var now = ExpectedOrder.AllCompanies(_fixture);
        var withCursorRow = ExpectedOrder.Codes([.. now, cursorRow!], keys);
        var after = withCursorRow.Skip(withCursorRow.IndexOf(cursorRow!.Code) + 1);
        Assert.Equal([.. firstPage, .. after], walked);
        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Contains("N101", walked);
        Assert.DoesNotContain(deletedAhead, walked);
    }

    [Fact]
    public async Task Walking_backward_while_rows_are_inserted_and_deleted_neither_skips_nor_repeats()
    {
        var walked = await PagingWalk.BackwardAsync(_fixture, "[{ code: ASC }]", pageSize: 4, betweenPages: async page =>
        {
            if (page != 0)
            {
                return;
            }

            await using var db = _fixture.CreateDbContext();
            db.Companies.AddRange(NewCompany(100, "before everything", 1), NewCompany(101, "after everything", 2));
            await db.Companies.Where(c => c.Code == "C012" || c.Code == "C003").ExecuteDeleteAsync();
            await db.SaveChangesAsync();
        });

        // Codes: C001..C015 then N100, N101. Page 1 (from the end) was read before the change: C012..C015.
        List<string> expected = [.. Enumerable.Range(1, 11).Where(i => i != 3).Select(i => $"C{i:D3}"), "C012", "C013", "C014", "C015"];
        Assert.Equal(expected, walked);
    }

    private static Company NewCompany(int id, string name, int? score) => new()
    {
        Id = id,
        Name = name,
        Code = $"N{id}",
        Score = score,
        RegionId = 1,
        CreatedAt = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    public void Dispose() => _fixture.Dispose();
}
