using DualRandomGraph.Tests.Shared;

namespace DualRandomGraph.GraphQL.Tests.Http;

/// <summary>
/// Runs the graphql-http conformance audit (tests/graphql-http-audit) against the endpoint on a real
/// Kestrel host, installing the audit's npm packages first on a machine that lacks them.
/// </summary>
public sealed class GraphQLHttpAuditTests
{
    // Two SHOULDs stay open by design: with Accept */* or no Accept at all we answer
    // application/graphql-response+json (DESIGN.md §4; allowed by the spec since the watershed),
    // where this version of the audit still expects application/json (47DE, 80D8).
    private const string ExpectedSummary = "graphql-http audit: MUST 13/13, SHOULD 21/23, MAY 25/25";

    [Fact]
    public async Task Endpoint_passes_every_MUST_of_the_graphql_http_audit()
    {
        var auditDirectory = Path.Combine(ExternalProcess.RepositoryRoot, "tests", "graphql-http-audit");
        await ExternalProcess.EnsureNpmPackagesAsync(auditDirectory, TimeSpan.FromMinutes(5));

        await using var host = await GraphQLTestHost.StartAsync(kestrel: true);
        var url = new Uri(host.Client.BaseAddress!, "/graphql").ToString();

        var audit = await ExternalProcess.RunAsync("node", ["audit.mjs", url], auditDirectory, TimeSpan.FromMinutes(2));

        Assert.True(audit.ExitCode == 0, $"audit failed:\n{audit.Output}");
        Assert.True(audit.Output.Contains(ExpectedSummary, StringComparison.Ordinal), $"unexpected audit result:\n{audit.Output}");
        Assert.Contains("warn   47DE", audit.Output, StringComparison.Ordinal);
        Assert.Contains("warn   80D8", audit.Output, StringComparison.Ordinal);
    }

}
