using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.GraphQL.Tests.Data.TestModel;

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Visit> Visits => Set<Visit>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Company>().HasOne(c => c.Region).WithMany(r => r.Companies).HasForeignKey(c => c.RegionId);
        modelBuilder.Entity<Company>().HasOne(c => c.AuditRegion).WithMany().HasForeignKey(c => c.AuditRegionId);
        modelBuilder.Entity<Region>().HasOne(r => r.Parent).WithMany().HasForeignKey(r => r.ParentId);
    }
}
