using DualRandomGraph.GraphQL.Data;

namespace DualRandomGraph.GraphQL.Tests.Data.TestModel;

// A small model with the shapes the data middleware must handle: optional and required single navigations,
// a self reference, collections, nullable scalars of each filter family, a primitive collection, and a
// member that must never be filtered or sorted on.

public enum Category
{
    Key,
    Special,
    General,
}

public enum Outcome
{
    Normal,
    ProblemFound,
}

public sealed class Region
{
    public int Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public int? ParentId { get; init; }
    public Region? Parent { get; init; }
    public ICollection<Company> Companies { get; init; } = [];
}

public sealed class Company
{
    public int Id { get; init; }
    public required string Name { get; set; }
    public required string Code { get; init; }
    public Category Category { get; init; }
    public int? Score { get; init; }
    public long Employees { get; init; }
    public double? Rating { get; init; }
    public bool Active { get; init; }
    public DateOnly? FoundedOn { get; init; }
    public DateTime CreatedAt { get; init; }
    public Guid ExternalId { get; init; }
    public string? Notes { get; init; }
    public List<string> Tags { get; init; } = [];
    public int RegionId { get; init; }
    public Region Region { get; init; } = null!;
    public int? AuditRegionId { get; init; }
    public Region? AuditRegion { get; init; }
    public ICollection<Visit> Visits { get; init; } = [];
}

public sealed class Visit
{
    public int Id { get; init; }
    public int CompanyId { get; init; }
    public Company Company { get; init; } = null!;
    public DateOnly Date { get; init; }
    public Outcome Outcome { get; init; }
    [NotSortable]
    public required string Description { get; init; }
    public bool Transferred { get; init; }
    public string? CaseReference { get; init; }
}
