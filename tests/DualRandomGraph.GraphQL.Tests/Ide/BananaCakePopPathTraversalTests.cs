using System.Net;
using Microsoft.AspNetCore.Http;

namespace DualRandomGraph.GraphQL.Tests.Ide;

/// <summary>
/// Requests that try to leave the IDE folder. The fake folder has an appsettings.json and a
/// secret.txt beside it, links to them inside it, and a hidden file in it.
/// </summary>
public sealed class BananaCakePopPathTraversalTests : IDisposable
{
    private readonly FakeIdeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Attempts() =>
    [
        "/graphql/../appsettings.json",
        "/graphql/../secret.txt",
        "/graphql/static/../../secret.txt",
        "/graphql/./../secret.txt",
        "/graphql/..%2Fappsettings.json",
        "/graphql/..%2fsecret.txt",
        "/graphql/%2e%2e/appsettings.json",
        "/graphql/%2e%2e%2fappsettings.json",
        "/graphql/%252e%252e%252fappsettings.json",
        "/graphql/..%5Cappsettings.json",
        "/graphql/..\\appsettings.json",
        "/graphql/static\\..\\..\\secret.txt",
        "/graphql//etc/passwd",
        "/graphql/%2Fetc%2Fpasswd",
        "/graphql/C:/Windows/win.ini",
        "/graphql/C:%5CWindows%5Cwin.ini",
        "/graphql/linked-secret.txt",
        "/graphql/linked-root/secret.txt",
        "/graphql/linked-root/appsettings.json",
        "/graphql/.hidden-stamp",
    ];

    [Theory]
    [MemberData(nameof(Attempts))]
    public async Task ThroughAnHttpClient_NothingOutsideTheFolderIsServed(string url)
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        using var response = await host.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain(FakeIdeFolder.Secret, body, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// Clients and servers normalise dot segments before routing; this sends the path unnormalised,
    /// as a hostile client or a lenient proxy could, so the handler itself is what refuses it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Attempts))]
    public async Task AsARawPath_NothingOutsideTheFolderIsServed(string path)
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        var context = await host.SendRawAsync(path);
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();

        Assert.DoesNotContain(FakeIdeFolder.Secret, body, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
    }

    [Theory]
    [InlineData("/graphql/../appsettings.json")]
    [InlineData("/graphql/%2e%2e/appsettings.json")]
    public async Task AsARawHeadRequest_NothingOutsideTheFolderIsServed(string path)
    {
        await using var host = await IdeTestHost.StartAsync(_folder);

        var context = await host.SendRawAsync(path, HttpMethods.Head);

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
    }
}
