using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace DualRandomGraph.GraphQL.Ide;

/// <summary>
/// The IDE's files, listed once from its folder. Requests are answered only by looking a path up in
/// this list, never by combining a request path with a folder, so no request can reach a file
/// outside the folder whatever its encoding.
/// </summary>
internal sealed partial class BananaCakePopFileSet
{
    public const string IndexFile = "index.html";

    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    private readonly Dictionary<string, BananaCakePopFile> _files;

    private BananaCakePopFileSet(string root, Dictionary<string, BananaCakePopFile> files)
    {
        Root = root;
        _files = files;
    }

    public string Root { get; }

    public int Count => _files.Count;

    public bool HasIndex => _files.ContainsKey(IndexFile);

    public static BananaCakePopFileSet Load(string root)
    {
        // Ordinal: the IDE names its files exactly, and case-folding would let two spellings of one
        // URL be cached separately.
        var files = new Dictionary<string, BananaCakePopFile>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            return new BananaCakePopFileSet(root, files);
        }

        var enumeration = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            // Links could point anywhere on the machine, and hidden files (the build's stamp,
            // editor droppings) are not part of the IDE.
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden | FileAttributes.System,
        };

        foreach (var path in Directory.EnumerateFiles(root, "*", enumeration))
        {
            var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            var info = new FileInfo(path);
            files[relative] = new BananaCakePopFile(
                relative,
                info.FullName,
                info.Length,
                info.LastWriteTimeUtc,
                GetContentType(relative),
                IsContentHashed(info.Name),
                new EntityTagHeaderValue(string.Create(
                    CultureInfo.InvariantCulture,
                    $"\"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}\"")));
        }

        return new BananaCakePopFileSet(root, files);
    }

    public bool TryGetFile(string relativePath, [NotNullWhen(true)] out BananaCakePopFile? file) =>
        _files.TryGetValue(relativePath, out file);

    /// <summary>
    /// Webpack names long-lived assets <c>name.[8+ hex digits].ext</c> (and <c>….chunk.js</c>); a new
    /// release gets new names, so such files can be cached for good.
    /// </summary>
    internal static bool IsContentHashed(string fileName) => ContentHashPattern().IsMatch(fileName);

    private static string GetContentType(string relativePath)
    {
        if (!ContentTypes.TryGetContentType(relativePath, out var contentType))
        {
            // The package's LICENSE has no extension; anything else unknown is served as opaque
            // bytes, which nosniff keeps the browser from executing.
            contentType = Path.HasExtension(relativePath) ? "application/octet-stream" : "text/plain";
        }

        return contentType.StartsWith("text/", StringComparison.Ordinal)
            || contentType is "application/json" or "application/manifest+json" or "image/svg+xml"
            ? contentType + "; charset=utf-8"
            : contentType;
    }

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        // The registered type (RFC 8081) rather than the framework's legacy x- type.
        provider.Mappings[".ttf"] = "font/ttf";
        return provider;
    }

    [GeneratedRegex(@"\.[0-9a-f]{8,}\.", RegexOptions.CultureInvariant)]
    private static partial Regex ContentHashPattern();
}

/// <summary>One file of the IDE, with what its responses need.</summary>
internal sealed record BananaCakePopFile(
    string RelativePath,
    string FullPath,
    long Length,
    DateTimeOffset LastModified,
    string ContentType,
    bool IsContentHashed,
    EntityTagHeaderValue ETag);
