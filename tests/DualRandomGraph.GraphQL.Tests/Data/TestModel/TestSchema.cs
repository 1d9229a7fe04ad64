using DualRandomGraph.GraphQL.Data;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.GraphQL.Tests.Data.TestModel;

/// <summary>Root fields written the way the API host writes them: static methods returning IQueryable.</summary>
public sealed class TestQueries
{
    [UsePaging(MaxPageSize = 50)]
    [UseProjection]
    [UseFiltering]
    [UseSorting]
    public static IQueryable<Company> Companies([FromDbContext] TestDbContext db) => db.Companies.AsNoTracking();

    // Attributes deliberately in another order: the pipeline order does not depend on it.
    [UseSorting]
    [UseFiltering]
    [UseProjection]
    [UseOffsetPaging(DefaultPageSize = 5, MaxPageSize = 20)]
    public static IQueryable<Company> CompanyTable([FromDbContext] TestDbContext db) => db.Companies.AsNoTracking();

    [UseProjection]
    [UseFiltering]
    [UseSorting]
    public static IQueryable<Region> Regions([FromDbContext] TestDbContext db) => db.Regions.AsNoTracking();

    // A list the host loaded itself, navigations included: filtered, sorted and paged in memory, nested lists too.
    [UsePaging]
    [UseFiltering]
    [UseSorting]
    public static async Task<List<Company>> LoadedCompanies([FromDbContext] TestDbContext db)
        => await db.Companies.AsNoTracking().Include(c => c.Region).Include(c => c.Visits).ToListAsync();

    // Paged without projection: whole entities are read.
    [UsePaging(DefaultPageSize = 3, MaxPageSize = 5)]
    [UseFiltering]
    [UseSorting]
    public static IQueryable<Visit> Visits([FromDbContext] TestDbContext db) => db.Visits.AsNoTracking();
}

public sealed class TestQueryType : AutoRegisteringObjectGraphType<TestQueries>
{
    public TestQueryType() => Name = "Query";
}

public sealed class CompanyType : AutoRegisteringObjectGraphType<Company>
{
    // Notes are internal: hidden from the type, and therefore from where: and order: too.
    public CompanyType()
        : base(x => x.Id, x => x.Notes)
    {
        Field<NonNullGraphType<IdGraphType>>("id")
            .Resolve(context => context.RequestServices!.GetRequiredService<IGlobalIdCodec>().Encode("Company", context.Source.Id))
            .Requires(x => x.Id)
            .FilterAsGlobalId("Company");
        Field<NonNullGraphType<StringGraphType>>("displayName")
            .Resolve(context => $"{context.Source.Name} ({context.Source.Code})")
            .Requires(x => x.Name, x => x.Code);
        GetField("Visits")!.UsePaging(defaultPageSize: 2, maxPageSize: 10).UseFiltering().UseSorting();
        GetField("Rating")!.NotSortable();
    }
}

public sealed class RegionType : AutoRegisteringObjectGraphType<Region>
{
    public RegionType() => GetField("Companies")!.UseFiltering().UseSorting();
}

public sealed class VisitType : AutoRegisteringObjectGraphType<Visit>;

public sealed class TestSchema : Schema
{
    public TestSchema(IServiceProvider services)
        : base(services) => Query = services.GetRequiredService<TestQueryType>();
}
