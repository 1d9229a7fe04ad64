using DualRandomGraph.Api.Data;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Relay;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.CheckItems;

/// <summary>Public: the spot-check item list is published beforehand (事前公开).</summary>
public sealed class CheckItemType : NodeGraphType<CheckItem>
{
    public CheckItemType() : base(c => c.Id)
    {
        Name = nameof(CheckItem);
        Description = "抽查事项: one entry of the spot-check item list (随机抽查事项清单).";
    }

    protected override async Task<IReadOnlyList<CheckItem>> LoadAsync(IResolveFieldContext context, IReadOnlyCollection<int> keys)
    {
        await using var db = context.CreateDbContext();
        return await db.CheckItems.AsNoTracking().Where(c => keys.Contains(c.Id)).ToListAsync(context.CancellationToken);
    }
}
