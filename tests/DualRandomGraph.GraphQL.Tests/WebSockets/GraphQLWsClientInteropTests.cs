using DualRandomGraph.Tests.Shared;

namespace DualRandomGraph.GraphQL.Tests.WebSockets;

/// <summary>
/// Runs the reference graphql-transport-ws client, the npm package graphql-ws (tests/graphql-ws-client), against the
/// endpoint on a real Kestrel host, installing its npm packages first on a machine that lacks them.
/// </summary>
public sealed class GraphQLWsClientInteropTests
{
    [Fact]
    public async Task The_reference_graphql_ws_client_queries_mutates_and_subscribes()
    {
        var clientDirectory = Path.Combine(ExternalProcess.RepositoryRoot, "tests", "graphql-ws-client");
        await ExternalProcess.EnsureNpmPackagesAsync(clientDirectory, TimeSpan.FromMinutes(5));

        await using var host = await WebSocketTestHost.StartAsync();
        var token = WebSocketTestHost.Token("interop-user", "staff");

        var run = await ExternalProcess.RunAsync("node", ["client.mjs", host.WebSocketUri.ToString(), token, "interop-user"], clientDirectory, TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 0, $"graphql-ws client failed:\n{run.Output}");
        Assert.Contains("graphql-ws client: 5/5 passed", run.Output, StringComparison.Ordinal);
        Assert.Empty(host.TransportProblems());
    }

}
