using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DualRandomGraph.Api.Tests.Infrastructure;
using Snapshooter;
using Snapshooter.Xunit;

namespace DualRandomGraph.Api.Tests;

/// <summary>
/// Runs every example operation of <c>schema/operations/</c> (the ones the README shows) through the endpoint, in file
/// order (later ones may read what earlier ones wrote), with the role, token subject and variables its header
/// comments name, and snapshots each response.
/// </summary>
public sealed partial class OperationsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_example_operation_runs_without_errors()
    {
        var files = Directory.GetFiles(RepositoryPaths.File("schema", "operations"), "*.graphql").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file);
            var role = RoleLine().Match(text).Groups[1].Value;
            var variables = VariablesLine().Match(text) is { Success: true } match ? JsonNode.Parse(match.Groups[1].Value) : null;
            var client = role == "anonymous" ? factory.CreateGraphQLClient()
                : SubjectLine().Match(text) is { Success: true } subject ? factory.CreateGraphQLClientAs(subject.Groups[1].Value, role)
                : factory.CreateGraphQLClient(role);

            var response = await client.PostAsync(text, variables);

            Assert.True(response.Errors is null, $"{Path.GetFileName(file)}: {response.Pretty}");
            Assert.DoesNotContain("\"errors\": [", response.Pretty, StringComparison.Ordinal);
            Snapshot.Match(response.ForSnapshot(), SnapshotNameExtension.Create(Path.GetFileNameWithoutExtension(file)));
        }
    }

    [GeneratedRegex(@"^# role: (\w+)$", RegexOptions.Multiline)]
    private static partial Regex RoleLine();

    [GeneratedRegex(@"^# subject: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex SubjectLine();

    [GeneratedRegex(@"^# variables: (.+)$", RegexOptions.Multiline)]
    private static partial Regex VariablesLine();
}
