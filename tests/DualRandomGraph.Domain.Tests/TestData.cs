namespace DualRandomGraph.Domain.Tests;

/// <summary>Locates files of the repository from the test's output folder.</summary>
internal static class TestData
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([RepositoryRoot, "tests", "data", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DualRandomGraph.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DualRandomGraph.sln not found above " + AppContext.BaseDirectory);
    }
}
