using DualRandomGraph.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualRandomGraph.Api.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // Two writers that both read entry n as the last cannot both store entry n + 1: the chain never forks.
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.HasIndex(e => e.At);
        builder.Property(e => e.Actor).HasMaxLength(200);
        builder.Property(e => e.ActorRoles).HasMaxLength(200);
        builder.Property(e => e.Operation).HasMaxLength(100);
        builder.Property(e => e.OperationName).HasMaxLength(200);
        builder.Property(e => e.InputDigest).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Outcome).HasMaxLength(500);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
    }
}
