using DualRandomGraph.Api.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DualRandomGraph.Api.Tests.Infrastructure;

/// <summary>
/// The real server (Program.cs, the real HTTP pipeline) over its own database, migrated and loaded with the demo
/// data on start, as a new user's first run is: a SQLite file, or a fresh PostgreSQL database when
/// <c>DRG_TEST_POSTGRES</c> is set (<see cref="TestDatabase"/>). One per test class (<see cref="IClassFixture{TFixture}"/>).
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public const string SigningKey = "test-signing-key-for-DualRandomGraph-tests-0123456789";

    private readonly bool _ownsDatabase;

    public ApiFactory()
        : this(TestDatabase.Create(), ownsDatabase: true)
    {
    }

    /// <summary>A server over <paramref name="database"/>, which the caller keeps (e.g. to start a second server over it).</summary>
    protected ApiFactory(TestDatabase database)
        : this(database, ownsDatabase: false)
    {
    }

    private ApiFactory(TestDatabase database, bool ownsDatabase) => (Database, _ownsDatabase) = (database, ownsDatabase);

    public TestDatabase Database { get; }

    /// <summary>Settings a test class may add or override (applied after the defaults below).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    public JwtOptions Jwt { get; } = new() { SigningKey = SigningKey };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Authentication:Jwt:SigningKey", SigningKey);
        builder.UseSetting("Authentication:Jwt:Issuer", Jwt.Issuer);
        builder.UseSetting("Authentication:Jwt:Audience", Jwt.Audience);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client whose requests carry a token for <paramref name="roles"/>; none for an anonymous client.</summary>
    public GraphQLClient CreateGraphQLClient(params string[] roles)
        => roles.Length > 0 ? CreateGraphQLClientAs($"test-{string.Join('-', roles)}", roles) : new GraphQLClient(CreateClient());

    /// <summary>A client whose token's <c>sub</c> is <paramref name="subject"/>, e.g. an inspector's <c>accountSubject</c>.</summary>
    public GraphQLClient CreateGraphQLClientAs(string subject, params string[] roles)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", Token(subject, roles));
        return new GraphQLClient(http);
    }

    /// <summary>A token valid for an hour, for a client that sends it itself (a WebSocket's <c>connection_init</c>).</summary>
    public string Token(string subject, params string[] roles)
        => TokenIssuer.Issue(Jwt, subject, roles, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_ownsDatabase)
        {
            Database.Dispose();
        }
    }
}
