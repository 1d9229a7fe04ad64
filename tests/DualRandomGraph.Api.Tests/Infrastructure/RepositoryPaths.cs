using DualRandomGraph.Tests.Shared;

namespace DualRandomGraph.Api.Tests.Infrastructure;

internal static class RepositoryPaths
{
    /// <summary>The folder that holds DualRandomGraph.sln.</summary>
    public static string Root => ExternalProcess.RepositoryRoot;

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);
}
