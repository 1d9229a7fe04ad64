namespace DualRandomGraph.GraphQL.Tests.Data.TestModel;

/// <summary>Deterministic rows: every filter family has matches, non-matches and nulls.</summary>
public static class SeedData
{
    public static void Fill(TestDbContext db)
    {
        var zone = new Region { Id = 1, Code = "KETDZ", Name = "库尔勒经济技术开发区" };
        var north = new Region { Id = 2, Code = "N", Name = "North", Parent = zone };
        var south = new Region { Id = 3, Code = "S", Name = "south", Parent = zone };
        db.Regions.AddRange(zone, north, south);

        string[] names =
        [
            "Alpha Chemicals", "beta_metals", "Gamma 100% Paper", "Delta Power", "库尔勒石化",
            "Epsilon Cement", "zeta textiles", "Eta Foods", "Theta_Glass", "Iota Mining",
            "Kappa Steel", "Lambda Water", "Mu Plastics", "Nu Ceramics", "Xi Pharma",
        ];
        for (var i = 0; i < names.Length; i++)
        {
            var company = new Company
            {
                Id = i + 1,
                Name = names[i],
                Code = $"C{i + 1:D3}",
                Category = (Category)(i % 3),
                Score = i % 4 == 0 ? null : i * 10 % 70,
                Employees = 1000L * (i + 1) * (i % 5 + 1),
                Rating = i % 5 == 0 ? null : Math.Round(1.5 + i % 4, 1),
                Active = i % 3 != 1,
                FoundedOn = i % 6 == 0 ? null : new DateOnly(2000 + i, 1 + i % 12, 1 + i),
                CreatedAt = new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc).AddDays(i * 7),
                ExternalId = new Guid($"00000000-0000-0000-0000-{i + 1:D12}"),
                Notes = i % 2 == 0 ? "internal note" : null,
                Tags = i % 3 == 0 ? ["water", "air"] : i % 3 == 1 ? ["soil"] : [],
                Region = i % 3 == 0 ? zone : i % 3 == 1 ? north : south,
                AuditRegion = i % 4 == 0 ? null : i % 2 == 0 ? north : south,
            };
            for (var v = 0; v < i % 4; v++)
            {
                company.Visits.Add(new Visit
                {
                    Id = (i * 10) + v + 1,
                    Date = new DateOnly(2022, 4 + v, 10 + i),
                    Outcome = (v + i) % 3 == 0 ? Outcome.ProblemFound : Outcome.Normal,
                    Description = (v + i) % 3 == 0 ? $"问题 {i}-{v}" : "无",
                    Transferred = (v + i) % 6 == 0,
                    CaseReference = (v + i) % 6 == 0 ? $"CASE-{i}-{v}" : null,
                });
            }

            db.Companies.Add(company);
        }

        db.SaveChanges();
    }
}
