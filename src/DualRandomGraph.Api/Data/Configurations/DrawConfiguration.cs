using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualRandomGraph.Api.Data.Configurations;

internal sealed class DrawConfiguration : IEntityTypeConfiguration<Draw>
{
    public void Configure(EntityTypeBuilder<Draw> builder)
    {
        // Two concurrent draws of a plan cannot both become attempt n: one insert fails.
        builder.HasIndex(d => new { d.PlanId, d.Attempt }).IsUnique();

        // At most one committed draw per plan, whatever the application does: the second of two concurrent
        // commits fails here even if both passed every check before.
        builder.HasIndex(d => d.PlanId, "IX_Draws_PlanId_Committed").IsUnique().HasFilter("\"Status\" = 'Committed'");

        builder.Property(d => d.Algorithm).HasMaxLength(16);
        builder.Property(d => d.Seed).HasMaxLength(500);
        builder.Property(d => d.AgencyCode).HasMaxLength(32);
        builder.Property(d => d.TargetPoolDigest).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.InspectorPoolDigest).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.DrawnBy).HasMaxLength(200);
        builder.Property(d => d.CommittedBy).HasMaxLength(200);
        builder.Property(d => d.Reason).HasMaxLength(500);
        builder.Property(d => d.OutsideWindowReason).HasMaxLength(500);
        builder.HasOne(d => d.Policy).WithMany().HasForeignKey(d => d.PolicyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Quotas).WithOne().HasForeignKey(q => q.DrawId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.TargetPool).WithOne().HasForeignKey(t => t.DrawId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.InspectorPool).WithOne().HasForeignKey(i => i.DrawId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Selections).WithOne(s => s.Draw).HasForeignKey(s => s.DrawId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Skipped).WithOne().HasForeignKey(s => s.DrawId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DrawQuotaConfiguration : IEntityTypeConfiguration<DrawQuota>
{
    public void Configure(EntityTypeBuilder<DrawQuota> builder)
    {
        builder.ToTable("DrawQuotas");
        builder.HasIndex(q => new { q.DrawId, q.Category }).IsUnique();
        builder.Property(q => q.Rule).HasMaxLength(300);
    }
}

internal sealed class DrawPoolTargetConfiguration : IEntityTypeConfiguration<DrawPoolTarget>
{
    public void Configure(EntityTypeBuilder<DrawPoolTarget> builder)
    {
        builder.ToTable("DrawTargetPool");
        builder.HasIndex(t => new { t.DrawId, t.TargetKey }).IsUnique();
        builder.Property(t => t.TargetKey).HasMaxLength(18);
        builder.HasOne<InspectionTarget>().WithMany().HasForeignKey(t => t.TargetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DrawPoolInspectorConfiguration : IEntityTypeConfiguration<DrawPoolInspector>
{
    public void Configure(EntityTypeBuilder<DrawPoolInspector> builder)
    {
        builder.ToTable("DrawInspectorPool");
        builder.HasIndex(i => new { i.DrawId, i.InspectorKey }).IsUnique();
        builder.Property(i => i.InspectorKey).HasMaxLength(64);
        builder.HasOne<Inspector>().WithMany().HasForeignKey(i => i.InspectorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Exclusions).WithOne().HasForeignKey(e => e.PoolInspectorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DrawExclusionConfiguration : IEntityTypeConfiguration<DrawExclusion>
{
    public void Configure(EntityTypeBuilder<DrawExclusion> builder)
    {
        builder.ToTable("DrawExclusions");
        builder.Property(e => e.TargetKey).HasMaxLength(18);
        builder.Property(e => e.Rule).HasMaxLength(32);
    }
}

internal sealed class DrawSelectionConfiguration : IEntityTypeConfiguration<DrawSelection>
{
    public void Configure(EntityTypeBuilder<DrawSelection> builder)
    {
        builder.ToTable("DrawSelections");
        builder.HasIndex(s => new { s.DrawId, s.Category, s.Rank }).IsUnique();
        builder.Property(s => s.Ticket).HasMaxLength(64).IsFixedLength();
        builder.Property(s => s.TargetKey).HasMaxLength(18);
        builder.HasOne(s => s.Target).WithMany().HasForeignKey(s => s.TargetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Team).WithOne().HasForeignKey(m => m.SelectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Skipped).WithOne().HasForeignKey(c => c.SelectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Task).WithOne(t => t.Selection).HasForeignKey<InspectionTask>(t => t.SelectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.ToTable("DrawTeamMembers");
        builder.HasIndex(m => new { m.SelectionId, m.Position }).IsUnique();
        builder.Property(m => m.InspectorKey).HasMaxLength(64);
        builder.Property(m => m.Ticket).HasMaxLength(64).IsFixedLength();
        builder.HasOne(m => m.Inspector).WithMany().HasForeignKey(m => m.InspectorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SkippedCandidateConfiguration : IEntityTypeConfiguration<SkippedCandidate>
{
    public void Configure(EntityTypeBuilder<SkippedCandidate> builder)
    {
        builder.ToTable("DrawSkippedCandidates");
        builder.HasIndex(c => new { c.SelectionId, c.Position }).IsUnique();
        builder.Property(c => c.TargetKey).HasMaxLength(18);
        builder.Property(c => c.InspectorKey).HasMaxLength(64);
        builder.Property(c => c.Ticket).HasMaxLength(64).IsFixedLength();
        builder.Property(c => c.Rule).HasMaxLength(32);
        builder.HasOne(c => c.Inspector).WithMany().HasForeignKey(c => c.InspectorId).OnDelete(DeleteBehavior.Restrict);
    }
}
