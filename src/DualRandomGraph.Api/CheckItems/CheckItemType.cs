using DualRandomGraph.Api.Schema;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Api.CheckItems;

/// <summary>Public: the spot-check item list is published beforehand (事前公开).</summary>
public sealed class CheckItemType : AppNodeType<CheckItem>
{
    public CheckItemType() : base(c => c.Id)
    {
        Name = nameof(CheckItem);
        Description = "抽查事项: one entry of the spot-check item list (随机抽查事项清单).";
    }
}
