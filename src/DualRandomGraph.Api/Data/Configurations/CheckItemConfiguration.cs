using DualRandomGraph.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualRandomGraph.Api.Data.Configurations;

internal sealed class CheckItemConfiguration : IEntityTypeConfiguration<CheckItem>
{
    public void Configure(EntityTypeBuilder<CheckItem> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(32);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.LegalBasis).HasMaxLength(1000);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}
