using DualRandomGraph.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualRandomGraph.Api.Data.Configurations;

internal sealed class InspectionTargetConfiguration : IEntityTypeConfiguration<InspectionTarget>
{
    public void Configure(EntityTypeBuilder<InspectionTarget> builder)
    {
        builder.Property(t => t.CreditCode).HasMaxLength(18).IsFixedLength();
        builder.HasIndex(t => t.CreditCode).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => t.Name);
        builder.HasIndex(t => new { t.AgencyId, t.Category, t.Status });
        builder.Property(t => t.Address).HasMaxLength(500);
        builder.Property(t => t.Industry).HasMaxLength(100);
        builder.Property(t => t.PermitNumber).HasMaxLength(64);
        builder.Property(t => t.ProductionScale).HasMaxLength(200);
        builder.Property(t => t.ProductionCycle).HasMaxLength(200);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne(t => t.Region).WithMany().HasForeignKey(t => t.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Agency).WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.CategoryHistory).WithOne().HasForeignKey(c => c.TargetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.StatusHistory).WithOne().HasForeignKey(c => c.TargetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TargetCategoryChangeConfiguration : IEntityTypeConfiguration<TargetCategoryChange>
{
    public void Configure(EntityTypeBuilder<TargetCategoryChange> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.HasIndex(c => new { c.TargetId, c.EffectiveFrom });
    }
}

internal sealed class TargetStatusChangeConfiguration : IEntityTypeConfiguration<TargetStatusChange>
{
    public void Configure(EntityTypeBuilder<TargetStatusChange> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.HasIndex(c => new { c.TargetId, c.EffectiveFrom });
    }
}
