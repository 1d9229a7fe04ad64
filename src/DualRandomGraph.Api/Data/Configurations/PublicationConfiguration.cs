using DualRandomGraph.Domain.Publications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualRandomGraph.Api.Data.Configurations;

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> builder)
    {
        // Two coordinators publishing the same quarter at once cannot make two revisions with one number.
        builder.HasIndex(p => new { p.AgencyId, p.Year, p.Quarter, p.Revision }).IsUnique();
        builder.Property(p => p.AgencyCode).HasMaxLength(64);
        builder.Property(p => p.AgencyName).HasMaxLength(200);
        builder.Property(p => p.RevisionReason).HasMaxLength(500);
        builder.Property(p => p.Title).HasMaxLength(500);
        builder.Property(p => p.Summary).HasMaxLength(500);
        builder.Property(p => p.Announcement).HasMaxLength(2000);
        builder.Property(p => p.PublishedBy).HasMaxLength(200);
        builder.HasOne(p => p.Agency).WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Plan).WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Rows).WithOne(r => r.Publication).HasForeignKey(r => r.PublicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PublishedResultConfiguration : IEntityTypeConfiguration<PublishedResult>
{
    public void Configure(EntityTypeBuilder<PublishedResult> builder)
    {
        builder.ToTable("PublishedResults");
        builder.HasIndex(r => new { r.PublicationId, r.Number }).IsUnique();
        builder.Property(r => r.RegionName).HasMaxLength(200);
        builder.Property(r => r.TargetName).HasMaxLength(200);
        builder.Property(r => r.CreditCode).HasMaxLength(18);
        builder.Property(r => r.CategoryLabel).HasMaxLength(32);
        builder.Property(r => r.OutcomeLabel).HasMaxLength(32);
        builder.Property(r => r.Description).HasMaxLength(2000);
    }
}
