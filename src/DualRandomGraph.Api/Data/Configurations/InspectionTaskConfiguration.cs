using DualRandomGraph.Domain.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualRandomGraph.Api.Data.Configurations;

internal sealed class InspectionTaskConfiguration : IEntityTypeConfiguration<InspectionTask>
{
    public void Configure(EntityTypeBuilder<InspectionTask> builder)
    {
        builder.ToTable("InspectionTasks");
        builder.HasIndex(t => t.SelectionId).IsUnique();
        builder.HasIndex(t => new { t.TargetId, t.PlanId });
        builder.HasOne(t => t.Plan).WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Target).WithMany().HasForeignKey(t => t.TargetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.CheckItems).WithMany().UsingEntity("InspectionTaskCheckItems");
        builder.Property(t => t.Visits).IsConcurrencyToken();
        builder.HasMany(t => t.FollowUps).WithOne().HasForeignKey(f => f.TaskId).OnDelete(DeleteBehavior.Restrict);
    }
}
