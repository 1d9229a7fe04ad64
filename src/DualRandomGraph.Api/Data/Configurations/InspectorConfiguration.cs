using DualRandomGraph.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualRandomGraph.Api.Data.Configurations;

internal sealed class InspectorConfiguration : IEntityTypeConfiguration<Inspector>
{
    public void Configure(EntityTypeBuilder<Inspector> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(100);
        builder.Property(i => i.CertificateNumber).HasMaxLength(64);
        builder.HasIndex(i => i.CertificateNumber).IsUnique();
        builder.Property(i => i.RegistryCode).HasMaxLength(64);
        builder.HasIndex(i => i.RegistryCode).IsUnique();
        builder.Property(i => i.Department).HasMaxLength(200);
        builder.Property(i => i.Position).HasMaxLength(100);
        builder.Property(i => i.DeactivationReason).HasMaxLength(500);
        builder.Property(i => i.AccountSubject).HasMaxLength(200);
        builder.HasIndex(i => i.AccountSubject).IsUnique();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne(i => i.Agency).WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
