using DualRandomGraph.Domain.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualRandomGraph.Api.Data.Configurations;

internal sealed class SamplingPolicyConfiguration : IEntityTypeConfiguration<SamplingPolicy>
{
    public void Configure(EntityTypeBuilder<SamplingPolicy> builder)
    {
        builder.HasIndex(p => new { p.AgencyId, p.EffectiveFrom }).IsUnique();
        builder.Property(p => p.Reason).HasMaxLength(500);
        builder.Property(p => p.CreatedBy).HasMaxLength(200);
        builder.HasOne(p => p.Agency).WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
