using DualRandomGraph.Api.Tests.Draws;
using DualRandomGraph.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.Api.Tests.Publications;

/// <summary>The real server over an empty database (no demo data), with a clock the test sets.</summary>
public sealed class EmptyDatabaseApiFactory : ApiFactory
{
    public TestClock Clock { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Database:LoadDemoData", "false")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
