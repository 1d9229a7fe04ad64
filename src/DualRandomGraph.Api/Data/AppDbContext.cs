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

    /// <summary>Append-only (SQLite triggers refuse UPDATE and DELETE); written only by <see cref="Audit.AuditTrail"/>.</summary>
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
