using System.Data.Common;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;

namespace DualRandomGraph.Api.Tests.Security;

/// <summary>Reads the audit log as an auditor; counts only what a test added, since the demo data is loaded through mutations too.</summary>
internal static class AuditLog
{
    public const string EntryFields = "sequence at actor actorRoles operation operationName inputDigest outcome previousHash hash";

    public static async Task<List<JsonObject>> AfterAsync(ApiFactory factory, int sequence)
    {
        var data = await factory.CreateGraphQLClient(Roles.Auditor).QueryAsync(
            $"query($after: Int!) {{ auditLog(first: 100, where: {{ sequence: {{ gt: $after }} }}, order: [{{ sequence: ASC }}]) {{ nodes {{ {EntryFields} }} }} }}",
            new { after = sequence });
        return [.. data["auditLog"]!["nodes"]!.AsArray().Select(n => n!.AsObject())];
    }

    public static async Task<int> LastSequenceAsync(ApiFactory factory)
    {
        var data = await factory.CreateGraphQLClient(Roles.Auditor).QueryAsync("{ auditLog(last: 1, order: [{ sequence: ASC }]) { nodes { sequence } } }");
        return data["auditLog"]!["nodes"]!.AsArray() is [{ } last] ? (int)last["sequence"]! : 0;
    }

    public static async Task<JsonObject> VerifyAsync(ApiFactory factory)
        => (await factory.CreateGraphQLClient(Roles.Auditor).QueryAsync("{ verifyAuditLog { intact firstBrokenSequence entries } }"))["verifyAuditLog"]!.AsObject();
}

public sealed class AuditTrailTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string CreateRegion = """
        mutation CreateRegion($code: String!, $name: String!) {
          createRegion(input: { code: $code, name: $name }) { region { code } errors { ... on Error { code } } }
        }
        """;

    [Fact]
    public async Task Every_mutation_appends_one_chained_entry_with_its_outcome_and_only_a_digest_of_its_input()
    {
        var start = await AuditLog.LastSequenceAsync(factory);
        var admin = factory.CreateGraphQLClientAs("audit-admin", Roles.Admin);
        var secret = "AUDITED-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        await admin.QueryAsync(CreateRegion, new { code = secret, name = "审计测试区" });                       // OK
        await admin.QueryAsync(CreateRegion, new { code = secret, name = "审计测试区" });                       // duplicate
        var denied = await factory.CreateGraphQLClientAs("audit-coordinator", Roles.Coordinator).PostAsync(CreateRegion, new { code = "DENIED-1", name = "x" });
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], denied.ErrorCodes);

        // Fails the way a broken database would: the table it writes is gone.
        await factory.Database.RenameTableAsync("Regions", "Regions_gone");
        try
        {
            var failed = await admin.PostAsync(CreateRegion, new { code = "FAILING-1", name = "x" });
            Assert.NotNull(failed.Errors);
        }
        finally
        {
            await factory.Database.RenameTableAsync("Regions_gone", "Regions");
        }

        var entries = await AuditLog.AfterAsync(factory, start);
        Assert.Equal(4, entries.Count);
        Assert.Equal(Enumerable.Range(start + 1, 4), entries.Select(e => (int)e["sequence"]!));
        Assert.All(entries, e => Assert.Equal("createRegion", (string?)e["operation"]));
        Assert.All(entries, e => Assert.Equal("CreateRegion", (string?)e["operationName"]));
        Assert.Equal(["audit-admin", "audit-admin", "audit-coordinator", "audit-admin"], entries.Select(e => (string)e["actor"]!));
        Assert.Equal("admin", (string?)entries[0]["actorRoles"]);
        Assert.Equal("OK", (string?)entries[0]["outcome"]);
        Assert.Equal("ERRORS:DUPLICATE_CODE", (string?)entries[1]["outcome"]);
        Assert.Equal("DENIED:AUTH_NOT_AUTHORIZED", (string?)entries[2]["outcome"]);
        Assert.StartsWith("FAILED:", (string?)entries[3]["outcome"], StringComparison.Ordinal);

        // The same input digests alike; the input itself appears nowhere in the log.
        Assert.Equal((string?)entries[0]["inputDigest"], (string?)entries[1]["inputDigest"]);
        Assert.NotEqual((string?)entries[0]["inputDigest"], (string?)entries[2]["inputDigest"]);
        Assert.All(entries, e => Assert.Matches("^[0-9a-f]{64}$", (string)e["inputDigest"]!));
        Assert.DoesNotContain(secret, string.Join("\n", entries.Select(e => e.ToJsonString())), StringComparison.Ordinal);

        Assert.All(entries.Skip(1).Zip(entries), pair => Assert.Equal((string?)pair.Second["hash"], (string?)pair.First["previousHash"]));
        var verification = await AuditLog.VerifyAsync(factory);
        Assert.True((bool)verification["intact"]!, verification.ToJsonString());
        Assert.Null(verification["firstBrokenSequence"]);
        Assert.True((int)verification["entries"]! >= start + 4);
    }

    [Fact]
    public async Task The_demo_data_is_in_the_log_as_the_demo_user()
    {
        var entries = await AuditLog.AfterAsync(factory, 0);
        Assert.Equal(["importInspectionHistory", "publishResults"], entries.Where(e => (string?)e["actor"] == "demo").Select(e => (string)e["operation"]!));
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Inspector)]
    public async Task Only_auditors_read_or_verify_the_log(string role)
    {
        foreach (var query in new[] { "{ auditLog { totalCount } }", "{ verifyAuditLog { intact } }" })
        {
            var response = await factory.CreateGraphQLClient(role).PostAsync(query);
            Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
            var anonymous = await factory.CreateGraphQLClient().PostAsync(query);
            Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.ErrorCodes);
        }
    }

    [Fact]
    public async Task Concurrent_mutations_still_make_one_unbroken_chain()
    {
        var start = await AuditLog.LastSequenceAsync(factory);
        var admin = factory.CreateGraphQLClientAs("audit-parallel", Roles.Admin);
        var prefix = "PAR-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => admin.QueryAsync(CreateRegion, new { code = $"{prefix}-{i}", name = $"并发{i}" })));

        var entries = (await AuditLog.AfterAsync(factory, start)).Where(e => (string?)e["actor"] == "audit-parallel").ToList();
        Assert.Equal(10, entries.Count);
        Assert.All(entries, e => Assert.Equal("OK", (string?)e["outcome"]));
        var verification = await AuditLog.VerifyAsync(factory);
        Assert.True((bool)verification["intact"]!, verification.ToJsonString());
    }
}

/// <summary>Tampers with the SQLite file as someone with access to it would; its own server, since the chain stays broken.</summary>
public sealed class AuditTamperTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Emptying_the_log_at_once_is_refused()
    {
        var before = (int)(await AuditLog.VerifyAsync(factory))["entries"]!;

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => factory.Database.ExecuteAsync(Draws.DrawImmutabilityTests.EmptyTable("AuditEntries")));

        Assert.Equal("The audit log is append-only.", factory.Database.Refusal(refused));
        Assert.True(before > 0);
        Assert.Equal(before, (int)(await AuditLog.VerifyAsync(factory))["entries"]!);
    }

    [Fact]
    public async Task Editing_or_deleting_a_row_in_the_database_is_reported_at_that_row()
    {
        var admin = factory.CreateGraphQLClientAs("tamper-admin", Roles.Admin);
        for (var i = 0; i < 5; i++)
        {
            await admin.QueryAsync("mutation($code: String!) { createRegion(input: { code: $code, name: \"篡改\" }) { errors { ... on Error { code } } } }",
                new { code = $"TAMPER-{i}" });
        }

        var intact = await AuditLog.VerifyAsync(factory);
        Assert.True((bool)intact["intact"]!, intact.ToJsonString());
        var entries = await AuditLog.AfterAsync(factory, 0);
        var edited = (int)entries[^3]["sequence"]!;
        var deleted = (int)entries[^5]["sequence"]!;

        // The append-only triggers refuse it...
        var refused = await Assert.ThrowsAnyAsync<DbException>(() => factory.Database.ExecuteAsync($"""UPDATE "AuditEntries" SET "Actor" = 'someone-else' WHERE "Sequence" = {edited}"""));
        Assert.Equal("The audit log is append-only.", factory.Database.Refusal(refused));

        // ...so an attacker with full access to the database gets them out of the way first.
        await factory.Database.WithoutTriggersAsync(["AuditEntries_Immutable", "AuditEntries_NotDeleted"], async () =>
        {
            Assert.Equal(1, await factory.Database.ExecuteAsync($"""UPDATE "AuditEntries" SET "Actor" = 'someone-else' WHERE "Sequence" = {edited}"""));
            return 0;
        });
        var afterEdit = await AuditLog.VerifyAsync(factory);
        Assert.False((bool)afterEdit["intact"]!);
        Assert.Equal(edited, (int?)afterEdit["firstBrokenSequence"]);

        await factory.Database.WithoutTriggersAsync(["AuditEntries_NotDeleted"], () => factory.Database.ExecuteAsync($"""DELETE FROM "AuditEntries" WHERE "Sequence" = {deleted}"""));
        var afterDelete = await AuditLog.VerifyAsync(factory);
        Assert.False((bool)afterDelete["intact"]!);
        Assert.Equal(deleted, (int?)afterDelete["firstBrokenSequence"]);
        Assert.Equal(entries.Count - 1, (int)afterDelete["entries"]!);
    }
}
