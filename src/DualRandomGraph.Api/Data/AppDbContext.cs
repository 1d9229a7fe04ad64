using DualRandomGraph.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Data;

/// <summary>
/// The product's database. Each provider has a subclass that owns its migrations, so SQLite's and PostgreSQL's
/// can sit side by side. To add a migration (tool: <c>dotnet tool restore</c>):
/// <code>dotnet ef migrations add NAME --project src/DualRandomGraph.Api --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite</code>
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<InspectionTarget> Targets => Set<InspectionTarget>();

    public DbSet<Inspector> Inspectors => Set<Inspector>();

    public DbSet<CheckItem> CheckItems => Set<CheckItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: the database stays readable, and reordering an enum cannot corrupt data.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}

/// <summary>The embedded default: one SQLite file.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);
