using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Tests.Draws;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.Api.Tests.Compliance;

/// <summary>
/// The real server with the demo data, a clock the test sets (first at 2022-08-01 in China, so the demo publishes the
/// seed's 2022 Q2 table nine working days after its 2022-07-19 deadline), and a recorder of its SQL statements.
/// </summary>
public sealed class ComplianceApiFactory : ApiFactory
{
    public ComplianceApiFactory() => Clock.SetChinaDay(new DateOnly(2022, 8, 1));

    public TestClock Clock { get; } = new();

    public SqlRecorder Sql { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // Whichever provider the test database is: the other context is not registered, so its line does nothing.
            services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(Sql));
            services.ConfigureDbContext<PostgresAppDbContext>(options => options.AddInterceptors(Sql));
        });
    }
}
