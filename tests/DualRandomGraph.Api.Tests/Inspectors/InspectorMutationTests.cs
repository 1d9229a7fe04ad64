using System.Text.Json;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Api.Tests.Infrastructure;
using DualRandomGraph.GraphQL.Authorization;
using DualRandomGraph.GraphQL.Relay;
using Snapshooter.Xunit;

namespace DualRandomGraph.Api.Tests.Inspectors;

public sealed class InspectorMutationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Fields = """
        name kind certificateNumber registryCode agency { code } department position yearsOfService expertise
        active deactivatedOn deactivationReason version
        """;

    private const string CommonErrors = "__typename ... on Error { code message } ... on ValidationError { field }";

    private const string CreateInspector = $$"""
        mutation($input: CreateInspectorInput!) { createInspector(input: $input) { inspector { {{Fields}} }
          errors { {{CommonErrors}} ... on DuplicateCertificateNumberError { certificateNumber } ... on DuplicateRegistryCodeError { registryCode }
                   ... on UnknownAgencyError { agencyId } } } }
        """;

    private const string UpdateInspector = $$"""
        mutation($input: UpdateInspectorInput!) { updateInspector(input: $input) { inspector { {{Fields}} }
          errors { {{CommonErrors}} ... on DuplicateCertificateNumberError { certificateNumber } ... on NotFoundError { field id }
                   ... on ConcurrencyConflictError { expectedVersion actualVersion } } } }
        """;

    private const string DeactivateInspector = $$"""
        mutation($input: DeactivateInspectorInput!) { deactivateInspector(input: $input) { inspector { {{Fields}} }
          errors { {{CommonErrors}} ... on NotFoundError { field id } } } }
        """;

    private readonly GraphQLClient _admin = factory.CreateGraphQLClient(Roles.Admin);

    [Fact]
    public async Task Creates_an_enforcement_officer_whose_registry_code_is_the_certificate_number()
    {
        var response = await _admin.PostAsync(CreateInspector, new { input = await OfficerAsync("XJ-CREATE-0001") });

        Assert.Equal("XJ-CREATE-0001", (string?)response.Data!["createInspector"]!["inspector"]!["registryCode"]);
        Snapshot.Match(response.ForSnapshot());
    }

    [Fact]
    public async Task Creates_an_auxiliary_inspector_with_a_registry_code_and_no_certificate()
    {
        var input = await OfficerAsync(null);
        input["name"] = "  监测站技术员  ";
        input["kind"] = "AUXILIARY";
        input["registryCode"] = " AUX-CREATE-0001 ";
        input["department"] = "巴州生态环境监测站";
        input["position"] = "";
        input["yearsOfService"] = null;
        input["expertise"] = new JsonArray("环境监测", " 环境监测 ", "采样");

        var response = await _admin.PostAsync(CreateInspector, new { input });

        Snapshot.Match(response.ForSnapshot());
    }

    [Fact]
    public async Task An_officer_may_have_a_registry_code_of_its_own()
    {
        var input = await OfficerAsync("XJ-CREATE-0002");
        input["registryCode"] = "REG-CREATE-0002";

        var data = await _admin.QueryAsync(CreateInspector, new { input });

        var inspector = data["createInspector"]!["inspector"]!;
        Assert.Equal("XJ-CREATE-0002", (string?)inspector["certificateNumber"]);
        Assert.Equal("REG-CREATE-0002", (string?)inspector["registryCode"]);
    }

    public static TheoryData<string, string, string> InvalidCreations => new()
    {
        { "officer without certificate", Json(new { certificateNumber = (string?)null }), "VALIDATION(certificateNumber)" },
        { "officer with a registry code but no certificate", Json(new { certificateNumber = (string?)null, registryCode = "REG-OWN-2" }), "VALIDATION(certificateNumber)" },
        { "officer with a blank certificate", Json(new { certificateNumber = "   " }), "VALIDATION(certificateNumber)" },
        { "auxiliary without certificate or registry code", Json(new { kind = "AUXILIARY", certificateNumber = (string?)null }), "VALIDATION(registryCode)" },
        { "supervision staff without certificate or registry code", Json(new { kind = "SUPERVISION_STAFF", certificateNumber = "" }), "VALIDATION(registryCode)" },
        { "duplicate certificate, registry code defaulted", Json(new { certificateNumber = "DEMO-XJ-0001" }), "DUPLICATE_CERTIFICATE_NUMBER" },
        { "duplicate certificate with blanks around it", Json(new { certificateNumber = " DEMO-XJ-0002 ", registryCode = "REG-OWN-1" }), "DUPLICATE_CERTIFICATE_NUMBER" },
        { "duplicate registry code of an auxiliary", Json(new { kind = "AUXILIARY", certificateNumber = (string?)null, registryCode = "DEMO-AUX-0001" }), "DUPLICATE_REGISTRY_CODE" },
        { "registry code that is another inspector's certificate", Json(new { registryCode = "DEMO-XJ-0003" }), "DUPLICATE_REGISTRY_CODE" },
        { "unknown agency", Json(new { agencyId = GlobalId.Format("Agency", 9999) }), "UNKNOWN_AGENCY" },
        { "agency id that is not an id", Json(new { agencyId = "not-an-id" }), "UNKNOWN_AGENCY" },
        { "empty name", Json(new { name = "" }), "VALIDATION(name)" },
        { "blank name", Json(new { name = " \t " }), "VALIDATION(name)" },
        { "name of 101 characters", Json(new { name = new string('张', 101) }), "VALIDATION(name)" },
        { "negative years of service", Json(new { yearsOfService = -1 }), "VALIDATION(yearsOfService)" },
        { "61 years of service", Json(new { yearsOfService = 61 }), "VALIDATION(yearsOfService)" },
        { "certificate of 65 characters", Json(new { certificateNumber = new string('X', 65), registryCode = "REG-OWN-3" }), "VALIDATION(certificateNumber)" },
        { "certificate of 65 characters, registry code defaulted", Json(new { certificateNumber = new string('X', 65) }), "VALIDATION(certificateNumber)" },
        { "registry code of 65 characters", Json(new { registryCode = new string('R', 65) }), "VALIDATION(registryCode)" },
        { "department of 201 characters", Json(new { department = new string('科', 201) }), "VALIDATION(department)" },
        { "position of 101 characters", Json(new { position = new string('员', 101) }), "VALIDATION(position)" },
        { "expertise entry of 51 characters", Json(new { expertise = new[] { new string('水', 51) } }), "VALIDATION(expertise)" },
        { "31 expertise entries", Json(new { expertise = Enumerable.Range(1, 31).Select(i => $"专长{i}").ToArray() }), "VALIDATION(expertise)" },
        { "blank expertise entry", Json(new { expertise = new[] { "水", " " } }), "VALIDATION(expertise)" },
        {
            "several problems at once",
            Json(new { name = "", yearsOfService = 99, agencyId = GlobalId.Format("Agency", 9999), certificateNumber = (string?)null }),
            "VALIDATION(name), VALIDATION(certificateNumber), VALIDATION(yearsOfService), UNKNOWN_AGENCY"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidCreations))]
    public async Task Rejects_an_invalid_inspector_and_writes_nothing(string problem, string changes, string expectedErrors)
    {
        var input = await OfficerAsync("XJ-INVALID-0001");
        foreach (var (key, value) in JsonNode.Parse(changes)!.AsObject())
        {
            input[key] = value?.DeepClone();
        }

        var before = await _admin.CountAsync("inspectors");

        var payload = (await _admin.QueryAsync(CreateInspector, new { input }))["createInspector"]!;

        Assert.True(expectedErrors == payload.ErrorSummary(), $"{problem}: {payload.ToJsonString()}");
        Assert.Null(payload["inspector"]);
        Assert.Equal(before, await _admin.CountAsync("inspectors"));
    }

    [Fact]
    public async Task Duplicate_errors_name_the_value_taken()
    {
        var input = await OfficerAsync("DEMO-XJ-0004");
        input["registryCode"] = "DEMO-AUX-0002";

        var response = await _admin.PostAsync(CreateInspector, new { input });

        Snapshot.Match(response.ForSnapshot());
    }

    [Fact]
    public async Task Updates_only_the_fields_given()
    {
        var id = await CreateAsync("XJ-UPDATE-0001");

        var renamed = await _admin.QueryAsync(UpdateInspector, new { input = new { id, expectedVersion = 0, position = "副大队长", yearsOfService = 12 } });
        var cleared = await _admin.QueryAsync(UpdateInspector, new { input = new { id, department = "", expertise = Array.Empty<string>() } });
        var recertified = await _admin.QueryAsync(UpdateInspector, new { input = new { id, expectedVersion = 2, certificateNumber = " XJ-UPDATE-0001-B " } });

        Snapshot.Match(new { renamed, cleared, recertified }.ToSnapshot());
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        var id = await CreateAsync("XJ-UPDATE-0002");
        await _admin.QueryAsync(UpdateInspector, new { input = new { id, expectedVersion = 0, position = "科长" } });

        var stale = await _admin.QueryAsync(UpdateInspector, new { input = new { id, expectedVersion = 0, position = "覆盖" } });

        Snapshot.Match(new { stale, after = await ReadAsync(id) }.ToSnapshot());
    }

    [Fact]
    public async Task Of_concurrent_updates_from_one_version_exactly_one_is_written()
    {
        var id = await CreateAsync("XJ-RACE-0001");

        var payloads = await Task.WhenAll(Enumerable.Range(1, 6).Select(async n =>
            (await factory.CreateGraphQLClient(Roles.Admin).QueryAsync(UpdateInspector, new { input = new { id, expectedVersion = 0, position = $"岗位{n}" } }))["updateInspector"]!));

        var winner = Assert.Single(payloads, p => p.ErrorSummary() == "none");
        Assert.All(payloads.Where(p => p != winner), p => Assert.Equal("CONCURRENCY_CONFLICT", p.ErrorSummary()));
        var after = await ReadAsync(id);
        Assert.Equal(1, (int)after["version"]!);
        Assert.Equal((string?)winner["inspector"]!["position"], (string?)after["position"]);
    }

    [Fact]
    public async Task Of_concurrent_creations_with_one_certificate_exactly_one_is_written()
    {
        var input = await OfficerAsync("XJ-RACE-0002");
        var before = await _admin.CountAsync("inspectors");

        var payloads = await Task.WhenAll(Enumerable.Range(1, 6).Select(async _ =>
            (await factory.CreateGraphQLClient(Roles.Admin).QueryAsync(CreateInspector, new { input }))["createInspector"]!));

        Assert.Single(payloads, p => p.ErrorSummary() == "none");
        Assert.Equal(5, payloads.Count(p => p.ErrorSummary() == "DUPLICATE_CERTIFICATE_NUMBER"));
        Assert.Equal(before + 1, await _admin.CountAsync("inspectors"));
    }

    [Fact]
    public async Task Rejects_changing_the_certificate_to_another_inspectors()
    {
        var id = await CreateAsync("XJ-UPDATE-0003");

        var payload = (await _admin.QueryAsync(UpdateInspector, new { input = new { id, certificateNumber = "DEMO-XJ-0005" } }))["updateInspector"]!;

        Assert.Equal("DUPLICATE_CERTIFICATE_NUMBER", payload.ErrorSummary());
        Assert.Equal("DEMO-XJ-0005", (string?)payload["errors"]![0]!["certificateNumber"]);
        var after = await ReadAsync(id);
        Assert.Equal("XJ-UPDATE-0003", (string?)after["certificateNumber"]);
        Assert.Equal(0, (int)after["version"]!);
    }

    [Fact]
    public async Task Keeping_the_own_certificate_is_not_a_duplicate()
    {
        var id = await CreateAsync("XJ-UPDATE-0004");

        var payload = (await _admin.QueryAsync(UpdateInspector, new { input = new { id, certificateNumber = "XJ-UPDATE-0004", name = "改名" } }))["updateInspector"]!;

        Assert.Equal("none", payload.ErrorSummary());
        Assert.Equal("改名", (string?)payload["inspector"]!["name"]);
    }

    public static TheoryData<string, string> InvalidUpdates => new()
    {
        { Json(new { certificateNumber = "" }), "VALIDATION(certificateNumber)" },
        { Json(new { name = "  " }), "VALIDATION(name)" },
        { Json(new { yearsOfService = 61 }), "VALIDATION(yearsOfService)" },
        { Json(new { position = new string('员', 101) }), "VALIDATION(position)" },
        { Json(new { expectedVersion = 7, name = "新" }), "CONCURRENCY_CONFLICT" },
        { Json(new { expectedVersion = 7, name = "" }), "CONCURRENCY_CONFLICT, VALIDATION(name)" },
    };

    [Theory]
    [MemberData(nameof(InvalidUpdates))]
    public async Task Rejects_an_invalid_update_and_changes_nothing(string changes, string expectedErrors)
    {
        var id = await CreateAsync($"XJ-BADUPDATE-{Guid.NewGuid():N}"[..30]);
        var input = JsonNode.Parse(changes)!.AsObject();
        input["id"] = id;

        var payload = (await _admin.QueryAsync(UpdateInspector, new { input }))["updateInspector"]!;

        Assert.Equal(expectedErrors, payload.ErrorSummary());
        Assert.Null(payload["inspector"]);
        Assert.Equal(0, (int)(await ReadAsync(id))["version"]!);
    }

    [Fact]
    public async Task An_auxiliary_cannot_become_an_officer_without_a_certificate()
    {
        var input = await OfficerAsync(null);
        input["kind"] = "AUXILIARY";
        input["registryCode"] = "AUX-UPDATE-0001";
        var id = await CreateAsync(input);

        var refused = (await _admin.QueryAsync(UpdateInspector, new { input = new { id, kind = "ENFORCEMENT_OFFICER" } }))["updateInspector"]!;
        var promoted = (await _admin.QueryAsync(UpdateInspector, new { input = new { id, kind = "ENFORCEMENT_OFFICER", certificateNumber = "XJ-PROMOTED-0001" } }))["updateInspector"]!;

        Assert.Equal("VALIDATION(certificateNumber)", refused.ErrorSummary());
        Assert.Equal("none", promoted.ErrorSummary());
        Assert.Equal("ENFORCEMENT_OFFICER", (string?)promoted["inspector"]!["kind"]);
        Assert.Equal("AUX-UPDATE-0001", (string?)promoted["inspector"]!["registryCode"]);
    }

    [Fact]
    public async Task Updating_an_unknown_inspector_is_not_found()
    {
        var id = GlobalId.Format("Inspector", 9999);

        var response = await _admin.PostAsync(UpdateInspector, new { input = new { id, name = "无此人" } });

        Snapshot.Match(response.ForSnapshot());
    }

    [Fact]
    public async Task Deactivated_inspectors_stay_readable_and_cannot_be_deactivated_twice()
    {
        var id = await CreateAsync("XJ-DEACTIVATE-0001");
        var before = await _admin.CountAsync("inspectors");

        var deactivated = await _admin.QueryAsync(DeactivateInspector, new { input = new { inspectorId = id, effectiveFrom = "2022-09-30", reason = " 调离执法岗位 " } });
        var again = await _admin.QueryAsync(DeactivateInspector, new { input = new { inspectorId = id, reason = "再次停用" } });
        var byNode = await _admin.QueryAsync($$"""query($id: ID!) { node(id: $id) { __typename ... on Inspector { {{Fields}} } } }""", new { id });
        var byCertificate = await _admin.QueryAsync("""{ inspectorByCertificateNumber(certificateNumber: "XJ-DEACTIVATE-0001") { name active deactivatedOn } }""");

        Assert.Equal(before, await _admin.CountAsync("inspectors"));
        Snapshot.Match(new { deactivated, again, byNode, byCertificate }.ToSnapshot());
    }

    [Fact]
    public async Task Deactivation_defaults_to_today_in_China()
    {
        var id = await CreateAsync("XJ-DEACTIVATE-0002");
        var todayBefore = ChinaToday();

        var payload = (await _admin.QueryAsync(DeactivateInspector, new { input = new { inspectorId = id, reason = "退休" } }))["deactivateInspector"]!;

        var deactivatedOn = DateOnly.Parse((string)payload["inspector"]!["deactivatedOn"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(deactivatedOn, todayBefore, ChinaToday());
    }

    [Theory]
    [InlineData("", "VALIDATION(reason)")]
    [InlineData("   ", "VALIDATION(reason)")]
    public async Task Deactivation_needs_a_reason(string reason, string expectedErrors)
    {
        var id = await CreateAsync($"XJ-NOREASON-{reason.Length}");

        var payload = (await _admin.QueryAsync(DeactivateInspector, new { input = new { inspectorId = id, reason } }))["deactivateInspector"]!;

        Assert.Equal(expectedErrors, payload.ErrorSummary());
        Assert.True((bool)(await ReadAsync(id))["active"]!);
    }

    [Fact]
    public async Task Finds_an_inspector_by_certificate_number()
    {
        var data = await _admin.QueryAsync(
            """
            {
              found: inspectorByCertificateNumber(certificateNumber: " DEMO-XJ-0003 ") { name kind certificateNumber registryCode agency { code name } }
              missing: inspectorByCertificateNumber(certificateNumber: "NO-SUCH-CERTIFICATE") { name }
              auxiliary: inspectorByCertificateNumber(certificateNumber: "DEMO-AUX-0001") { name }
            }
            """);

        Snapshot.Match(data.ToSnapshot());
    }

    [Fact]
    public async Task Anonymous_callers_cannot_look_up_a_certificate()
    {
        var response = await factory.CreateGraphQLClient().PostAsync("""{ inspectorByCertificateNumber(certificateNumber: "DEMO-XJ-0001") { name } }""");

        Assert.Equal([AuthorizationErrorCodes.NotAuthenticated], response.ErrorCodes);
        Assert.Null(response.Data!["inspectorByCertificateNumber"]);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static DateOnly ChinaToday() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>A valid enforcement officer of the demo agency.</summary>
    private async Task<JsonObject> OfficerAsync(string? certificateNumber)
    {
        var agencies = await _admin.QueryAsync("{ agencies { nodes { id code } } }");
        var agency = agencies["agencies"]!["nodes"]!.AsArray().First(a => (string?)a!["code"] == "KETDZ-EPB")!;
        return new JsonObject
        {
            ["name"] = "测试执法员",
            ["kind"] = "ENFORCEMENT_OFFICER",
            ["certificateNumber"] = certificateNumber,
            ["agencyId"] = (string?)agency["id"],
            ["department"] = "环境执法大队",
            ["position"] = "执法队员",
            ["yearsOfService"] = 5,
            ["expertise"] = new JsonArray("水", "大气"),
        };
    }

    private async Task<string> CreateAsync(string certificateNumber) => await CreateAsync(await OfficerAsync(certificateNumber));

    private async Task<string> CreateAsync(JsonObject input)
    {
        var payload = (await _admin.QueryAsync(CreateInspector.Replace("inspector {", "inspector { id", StringComparison.Ordinal), new { input }))["createInspector"]!;
        Assert.Equal("none", payload.ErrorSummary());
        return (string)payload["inspector"]!["id"]!;
    }

    private async Task<JsonNode> ReadAsync(string id)
        => (await _admin.QueryAsync($$"""query($id: ID!) { node(id: $id) { ... on Inspector { {{Fields}} } } }""", new { id }))["node"]!;
}
