using System.Globalization;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualRandomGraph.Api.Tests.Draws;

/// <summary>
/// A made-up agency with exactly the registries a test needs, written straight to the database: the test is
/// about what the API does with them, not about registering them. Credit codes and certificate numbers carry
/// the agency's tag, so scenarios never collide.
/// </summary>
public sealed record Scenario(string AgencyId, string AgencyCode, IReadOnlyList<string> TargetKeys, IReadOnlyList<string> InspectorKeys)
{
    /// <summary>
    /// Creates the agency <c>{tag}-EPB</c> with targets in the given categories (in order), <paramref name="officers"/>
    /// certified officers <c>{tag}-OFF-n</c>, <paramref name="assistants"/> auxiliary staff <c>{tag}-AUX-n</c> (each
    /// linked to the login of the same name), and a policy from 2022-01-01 (or the one <c>policy</c> makes, none
    /// when it returns null). The tag is three characters of the
    /// credit-code alphabet (no I, O, Z, S, V).
    /// </summary>
    public static async Task<Scenario> CreateAsync(
        IServiceProvider services, string tag, TargetCategory[] targets, int officers, int assistants = 0, Func<Agency, SamplingPolicy?>? policy = null)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var zone = await db.Regions.FirstAsync(r => r.Code == "652801-KETDZ");
        var agency = new Agency { Code = $"{tag}-EPB", Name = $"测试局 {tag}", RegionId = zone.Id };
        db.Agencies.Add(agency);

        var targetKeys = new List<string>();
        for (var i = 0; i < targets.Length; i++)
        {
            var key = CreditCode.Complete(string.Create(CultureInfo.InvariantCulture, $"91652801{tag}{i + 1:D6}"));
            targetKeys.Add(key);
            db.Targets.Add(new InspectionTarget
            {
                CreditCode = key,
                Name = $"{tag} 测试企业 {i + 1}",
                Category = targets[i],
                RegionId = zone.Id,
                Agency = agency,
                CategoryHistory = [new TargetCategoryChange { Category = targets[i], EffectiveFrom = new DateOnly(2022, 1, 1), Reason = "测试" }],
            });
        }

        var inspectorKeys = new List<string>();
        for (var n = 1; n <= officers + assistants; n++)
        {
            var officer = n <= officers;
            var key = string.Create(CultureInfo.InvariantCulture, $"{tag}-{(officer ? "OFF" : "AUX")}-{n:D2}");
            inspectorKeys.Add(key);
            db.Inspectors.Add(new Inspector
            {
                Name = $"{tag} 检查员 {n}",
                Kind = officer ? InspectorKind.EnforcementOfficer : InspectorKind.Auxiliary,
                CertificateNumber = officer ? key : null,
                RegistryCode = key,
                AccountSubject = key,
                Agency = agency,
            });
        }

        var rules = policy is null ? new SamplingPolicy { Agency = agency, EffectiveFrom = new DateOnly(2022, 1, 1), CreatedBy = "test" } : policy(agency);
        if (rules is not null)
        {
            db.Policies.Add(rules);
        }

        await db.SaveChangesAsync();
        return new Scenario(GlobalId.Format(nameof(Agency), agency.Id), agency.Code, targetKeys, inspectorKeys);
    }

    private const string Letters = "ABCDEFGHJKLMNPQRTUWXY";
    private static int _tags;

    /// <summary>A fresh tag (<c>QAA</c>, <c>QAB</c>, …) for tests that need an agency but not a particular name.</summary>
    public static string NextTag()
    {
        var n = Interlocked.Increment(ref _tags);
        return $"Q{Letters[n / Letters.Length % Letters.Length]}{Letters[n % Letters.Length]}";
    }

    public static TargetCategory[] Many(TargetCategory category, int count) => Enumerable.Repeat(category, count).ToArray();
}
