using System.Collections.Concurrent;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Domain.Calendar;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.Api.Tests.Draws;

/// <summary>
/// The real server with a clock the test sets, so a draw can be made inside or outside its window (R4), and setup
/// the tests of a class share.
/// </summary>
public sealed class DrawsApiFactory : ApiFactory
{
    private readonly ConcurrentDictionary<Type, Task<object>> _shared = new();

    public TestClock Clock { get; } = new();

    /// <summary>Setup the tests of one class share: made by the first test that asks for it, reused by the others.</summary>
    public async Task<T> SharedAsync<T>(Func<Task<T>> create)
        where T : class
        => (T)await _shared.GetOrAdd(typeof(T), async _ => await create());

    /// <summary>Sets the clock to 10:00 in China on the first day of the draw window of <paramref name="year"/>Q<paramref name="quarter"/>.</summary>
    public void InsideWindowOf(int year, int quarter)
        => Clock.SetChinaDay(WorkingDayCalendar.LoadOfficial().DrawWindowFor(year, quarter).First);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>A clock standing still at <see cref="Now"/> until a test moves it.</summary>
public sealed class TestClock : TimeProvider
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public DateTimeOffset Now { get; set; } = new(2022, 6, 27, 10, 0, 0, China);

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public void SetChinaDay(DateOnly day) => Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), China);
}
