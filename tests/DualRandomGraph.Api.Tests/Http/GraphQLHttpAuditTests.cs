using System.Net;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.Tests.Shared;
using Xunit.Abstractions;

namespace DualRandomGraph.Api.Tests.Http;

/// <summary>
/// Runs the graphql-http conformance audit (tests/graphql-http-audit) against the real API served by Kestrel on
/// 127.0.0.1 and a free port, installing the audit's npm packages first on a machine that lacks them.
/// </summary>
public sealed class GraphQLHttpAuditTests(ITestOutputHelper output)
{
    // As on the test schema (tests/DualRandomGraph.GraphQL.Tests): two SHOULDs stay open by design. With Accept */*
    // or no Accept we answer application/graphql-response+json (DESIGN.md §4), where this version of the audit
    // still expects application/json (47DE, 80D8).
    private const string ExpectedSummary = "graphql-http audit: MUST 13/13, SHOULD 21/23, MAY 25/25";

    [Fact]
    public async Task The_API_passes_every_MUST_of_the_graphql_http_audit()
    {
        var auditDirectory = RepositoryPaths.File("tests", "graphql-http-audit");
        await ExternalProcess.EnsureNpmPackagesAsync(auditDirectory, TimeSpan.FromMinutes(5));

        await using var factory = new KestrelApiFactory();
        var url = factory.GraphQLUri;

        var audit = await ExternalProcess.RunAsync("node", ["audit.mjs", url.ToString()], auditDirectory, TimeSpan.FromMinutes(2));
        output.WriteLine(audit.Output);

        Assert.Equal(IPAddress.Loopback.ToString(), url.Host);
        Assert.NotEqual(0, url.Port);
        Assert.True(audit.ExitCode == 0, $"audit failed:\n{audit.Output}");
        Assert.True(audit.Output.Contains(ExpectedSummary, StringComparison.Ordinal), $"unexpected audit result:\n{audit.Output}");
        Assert.Contains("warn   47DE", audit.Output, StringComparison.Ordinal);
        Assert.Contains("warn   80D8", audit.Output, StringComparison.Ordinal);
    }
}
