namespace DualRandomGraph.Api.Tests.Infrastructure;

internal static class RepositoryPaths
{
    /// <summary>The folder that holds DualRandomGraph.sln, found from the test assembly's location.</summary>
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "DualRandomGraph.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DualRandomGraph.sln not found above " + AppContext.BaseDirectory);
    }
}
