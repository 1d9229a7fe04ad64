namespace DualRandomGraph.GraphQL.Tests.Ide;

/// <summary>
/// A stand-in for the npm package's files, laid out like it, in a temporary folder that also holds
/// files next to the IDE folder that must never be served.
/// </summary>
internal sealed class FakeIdeFolder : IDisposable
{
    public const string Secret = "TOP-SECRET-NOT-FOR-BROWSERS";

    public const string IndexHtml =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"/><title>Banana Cake Pop</title>"
        + "<script defer=\"defer\" src=\"static/js/main.0349187e.js\"></script>"
        + "<link href=\"static/css/styles.15b5693c.css\" rel=\"stylesheet\"></head><body><div id=\"root\"></div></body></html>";

    public FakeIdeFolder(bool withIndex = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "bcp-tests-" + Guid.NewGuid().ToString("N"));
        IdePath = Path.Combine(Root, "ide");
        Directory.CreateDirectory(IdePath);

        File.WriteAllText(Path.Combine(Root, "appsettings.json"), "{ \"ConnectionStrings\": { \"Db\": \"" + Secret + "\" } }");
        File.WriteAllText(Path.Combine(Root, "secret.txt"), Secret);

        if (withIndex)
        {
            Write("index.html", IndexHtml);
        }

        Write("static/js/main.0349187e.js", "console.log('main');");
        Write("static/js/main.0349187e.js.LICENSE.txt", "licence");
        Write("static/css/styles.15b5693c.css", "body{margin:0}");
        Write("static/media/FiraCode-Medium.1bc138a84f63b384c3f2.woff2", "woff2");
        Write("static/media/codicon.184be8c3aa435ca6c3f5.ttf", "ttf");
        Write("favicon.ico", "ico");
        Write("favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Write("apple-touch-icon.png", "png");
        Write("manifest.webmanifest", "{}");
        Write("service-worker.js", "self.addEventListener('fetch', () => {});");
        Write("asset-manifest.json", "{}");
        Write("LICENSE", "ChilliCream License 1.0");
        Write(".hidden-stamp", Secret);

        if (!OperatingSystem.IsWindows())
        {
            File.CreateSymbolicLink(Path.Combine(IdePath, "linked-secret.txt"), Path.Combine(Root, "secret.txt"));
            Directory.CreateSymbolicLink(Path.Combine(IdePath, "linked-root"), Root);
        }
    }

    /// <summary>The folder holding the IDE folder and the files beside it.</summary>
    public string Root { get; }

    /// <summary>The folder to serve.</summary>
    public string IdePath { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless; a test failing over it would not be.
        }
    }

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(IdePath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
