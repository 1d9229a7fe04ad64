using DualRandomGraph.Domain.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualRandomGraph.Api.Data.Configurations;

internal sealed class SamplingPlanConfiguration : IEntityTypeConfiguration<SamplingPlan>
{
    public void Configure(EntityTypeBuilder<SamplingPlan> builder)
    {
        builder.HasIndex(p => new { p.AgencyId, p.Year, p.Quarter }).IsUnique();
        builder.Property(p => p.CreatedBy).HasMaxLength(200);
        builder.Property(p => p.PublishedBy).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Agency).WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Policy).WithMany().HasForeignKey(p => p.PolicyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.CheckItems).WithMany().UsingEntity("SamplingPlanCheckItems");
        builder.HasMany(p => p.Draws).WithOne(d => d.Plan).HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}
