using DualRandomGraph.Domain.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualRandomGraph.Api.Data.Configurations;

internal sealed class HolidayCalendarYearConfiguration : IEntityTypeConfiguration<HolidayCalendarYear>
{
    public void Configure(EntityTypeBuilder<HolidayCalendarYear> builder)
    {
        builder.ToTable("HolidayCalendarYears");
        builder.HasIndex(y => y.Year).IsUnique();
        builder.Property(y => y.Source).HasMaxLength(200);
        builder.Property(y => y.AddedBy).HasMaxLength(200);
        builder.HasMany(y => y.Holidays).WithOne().HasForeignKey(h => h.CalendarYearId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CalendarHolidayConfiguration : IEntityTypeConfiguration<CalendarHoliday>
{
    public void Configure(EntityTypeBuilder<CalendarHoliday> builder)
    {
        builder.ToTable("CalendarHolidays");
        builder.Property(h => h.Name).HasMaxLength(50);
    }
}
