using DualRandomGraph.Domain.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualRandomGraph.Api.Data.Configurations;

internal sealed class RecusalConfiguration : IEntityTypeConfiguration<Recusal>
{
    public void Configure(EntityTypeBuilder<Recusal> builder)
    {
        builder.HasIndex(r => new { r.InspectorId, r.TargetId });
        builder.HasIndex(r => r.TargetId);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.EndReason).HasMaxLength(500);
        builder.Property(r => r.DeclaredBy).HasMaxLength(200);
        builder.Property(r => r.EndedBy).HasMaxLength(200);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Inspector).WithMany().HasForeignKey(r => r.InspectorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Target).WithMany().HasForeignKey(r => r.TargetId).OnDelete(DeleteBehavior.Restrict);
    }
}
