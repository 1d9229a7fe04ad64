using DualRandomGraph.Domain.Audit;
using DualRandomGraph.Domain.Inspections;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Publications;
using DualRandomGraph.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DualRandomGraph.Api.Data;

/// <summary>
/// The product's database. Each provider has a subclass that owns its migrations, so SQLite's and PostgreSQL's
/// sit side by side; a model change needs a migration for both (tool: <c>dotnet tool restore</c>):
/// <code>
/// dotnet ef migrations add NAME --project src/DualRandomGraph.Api --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite
/// dotnet ef migrations add NAME --project src/DualRandomGraph.Api --context PostgresAppDbContext --output-dir Data/Migrations/Postgres
/// </code>
/// Triggers and other hand-written SQL are added to each provider's migration in that provider's dialect.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<InspectionTarget> Targets => Set<InspectionTarget>();

    public DbSet<Inspector> Inspectors => Set<Inspector>();

    public DbSet<CheckItem> CheckItems => Set<CheckItem>();

    public DbSet<SamplingPolicy> Policies => Set<SamplingPolicy>();

    public DbSet<SamplingPlan> Plans => Set<SamplingPlan>();

    public DbSet<Draw> Draws => Set<Draw>();

    public DbSet<DrawSelection> Selections => Set<DrawSelection>();

    public DbSet<InspectionTask> Tasks => Set<InspectionTask>();

    public DbSet<InspectionRecord> InspectionRecords => Set<InspectionRecord>();

    public DbSet<Publication> Publications => Set<Publication>();

    public DbSet<PublishedResult> PublishedResults => Set<PublishedResult>();

    public DbSet<Recusal> Recusals => Set<Recusal>();

    public DbSet<HolidayCalendarYear> CalendarYears => Set<HolidayCalendarYear>();

    /// <summary>Append-only (triggers refuse UPDATE and DELETE); written only by <see cref="Audit.AuditTrail"/>.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Idempotency.IdempotencyRecord> IdempotencyRecords => Set<Idempotency.IdempotencyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: the database stays readable, and reordering an enum cannot corrupt data.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);

        // Timestamps are UTC. SQLite keeps no kind, so reading one back says so again; a DateTime (not a
        // DateTimeOffset) because SQLite can compare and sort it, as where: and order: need.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>The embedded default: one SQLite file.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>
/// PostgreSQL, for several API instances over one database. Text compares and sorts by code point (collation
/// <c>C</c>), as SQLite's BINARY does, so <c>order:</c>, keyset cursors and <c>lower()</c> (ASCII only) behave the
/// same on both providers whatever locale the cluster was created with.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<string>().UseCollation("C");
        configurationBuilder.Properties<Enum>().UseCollation("C");
    }
}
