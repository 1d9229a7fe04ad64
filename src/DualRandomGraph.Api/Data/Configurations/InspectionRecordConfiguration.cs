using DualRandomGraph.Domain.Inspections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualRandomGraph.Api.Data.Configurations;

internal sealed class InspectionRecordConfiguration : IEntityTypeConfiguration<InspectionRecord>
{
    public void Configure(EntityTypeBuilder<InspectionRecord> builder)
    {
        builder.ToTable("InspectionRecords");

        // One record per visit of a task: two inspectors recording the same visit at once cannot both win.
        builder.HasIndex(r => new { r.TaskId, r.Visit }).IsUnique();
        builder.HasIndex(r => new { r.AgencyId, r.InspectedOn });
        builder.HasIndex(r => r.TargetId);
        builder.Property(r => r.Basis).HasMaxLength(500);
        builder.Property(r => r.Description).HasMaxLength(2000);
        builder.Property(r => r.CaseReference).HasMaxLength(100);
        builder.Property(r => r.OnSiteApprovedBy).HasMaxLength(100);
        builder.Property(r => r.RecordedBy).HasMaxLength(200);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Target).WithMany().HasForeignKey(r => r.TargetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Task).WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.CheckItems).WithMany().UsingEntity("InspectionRecordCheckItems");
        builder.HasMany(r => r.Amendments).WithOne().HasForeignKey(a => a.RecordId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionAmendmentConfiguration : IEntityTypeConfiguration<InspectionAmendment>
{
    public void Configure(EntityTypeBuilder<InspectionAmendment> builder)
    {
        builder.ToTable("InspectionAmendments");
        builder.Property(a => a.Reason).HasMaxLength(500);
        builder.Property(a => a.AmendedBy).HasMaxLength(200);
        builder.Property(a => a.PreviousDescription).HasMaxLength(2000);
        builder.Property(a => a.Description).HasMaxLength(2000);
        builder.Property(a => a.PreviousCaseReference).HasMaxLength(100);
        builder.Property(a => a.CaseReference).HasMaxLength(100);
    }
}
