using System.Diagnostics;
using System.Globalization;
using DualRandomGraph.Api.Calendar;
using DualRandomGraph.Api.Draws;
using DualRandomGraph.Api.Publications;
using DualRandomGraph.Domain.Calendar;
using DualRandomGraph.Domain.Draws;
using DualRandomGraph.Domain.Inspections;
using DualRandomGraph.Domain.Planning;
using DualRandomGraph.Domain.Publications;
using DualRandomGraph.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Data.Generation;

/// <summary>
/// Fills a database with a realistic registry and its history, for benchmarks and demos (<c>-- generate</c>):
/// agencies over real Xinjiang divisions, targets in the seed's category proportions, inspectors of every kind,
/// recusals, and per agency and quarter a published plan, a draw made by drg-1 over the pools and quotas the API
/// itself computes (<see cref="DrawPools"/>, <see cref="DrawRecords"/>), committed into tasks, recorded inspections
/// and the publication of the results (<see cref="PublicationContent"/>). Registry changes (closures, suspensions,
/// inspectors leaving) take effect over the years, so later pools differ from earlier ones. Rows go in with the
/// write paths the API uses (EF Core and <see cref="BulkInsert"/>), one transaction per agency and quarter, never
/// through GraphQL; the same seed and options give the same database.
/// </summary>
public sealed class DataGenerator(IDbContextFactory<AppDbContext> contexts, CalendarSource calendars)
{
    /// <summary>Who the generated rows say made them (created by, drawn by, published by …).</summary>
    public const string Actor = "generator";

    /// <summary>Share of quarters drawn twice: the first attempt superseded with a reason and kept (R7).</summary>
    private const double RedrawShare = 0.03;

    private const double ProblemShare = 0.08;

    private const double FollowUpShare = 0.25;

    public async Task<GenerationReport> GenerateAsync(GenerationOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var watch = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var counts = new GenerationCounts();
        var quarters = options.Years * 4;
        var history = Enumerable.Range(1 - quarters, quarters).Select(options.Until.Plus).ToList();
        var first = history.Count > 0 ? history[0] : options.Until.Next;
        var calendar = await CalendarAsync(first.Previous.Year, options.Until.Next.Year, cancellationToken);
        var agencies = await CreateRegistryAsync(options, first, random, counts, cancellationToken);
        await log.WriteLineAsync($"registry: {counts.Agencies} agencies, {counts.Targets:N0} targets, {counts.Inspectors:N0} inspectors, {counts.Recusals} recusals ({watch.Elapsed.TotalSeconds:F1} s)");

        // --years 0 makes the registry alone (e.g. for a draw benchmark on a large pool).
        foreach (var quarter in options.Years == 0 ? [] : history.Append(options.Until.Next))
        {
            var completed = quarter.CompareTo(options.Until) <= 0;
            foreach (var agency in agencies)
            {
                await ApplyRegistryChangesAsync(agency, quarter, counts, cancellationToken);
                await GenerateQuarterAsync(agency, quarter, completed, calendar, random, counts, cancellationToken);
            }

            if (quarter.Quarter == 4 || !completed)
            {
                await log.WriteLineAsync($"{quarter}: {counts.Draws:N0} draws, {counts.Tasks:N0} tasks, {counts.Records:N0} records, {counts.Publications:N0} publications so far ({watch.Elapsed.TotalSeconds:F1} s)");
            }
        }

        return new GenerationReport(counts, first, options.Until, options.Until.Next, watch.Elapsed);
    }

    /// <summary>The working-day calendar, with the earlier official years a long history needs added first.</summary>
    private async Task<WorkingDayCalendar> CalendarAsync(int firstYear, int lastYear, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var missing = Enumerable.Range(firstYear, lastYear - firstYear + 1).Where(y => !calendar.Covers(y)).ToList();
        if (missing.Count == 0)
        {
            return calendar;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var year in missing)
        {
            db.CalendarYears.Add(EarlierCalendarYears.For(year, DateTime.UtcNow)
                ?? throw new InvalidOperationException($"The working-day calendar does not cover {year}; add it with addHolidayCalendar, or give a later --until or fewer --years."));
        }

        await db.SaveChangesAsync(cancellationToken);
        return await calendars.GetAsync(cancellationToken);
    }

    private async Task<List<GeneratedAgency>> CreateRegistryAsync(
        GenerationOptions options, YearQuarter start, Random random, GenerationCounts counts, CancellationToken cancellationToken)
    {
        var counties = GeneratedRegistry.Counties.Take(options.Agencies).ToList();
        var weights = counties.Select(_ => 1 + random.NextDouble()).ToList();
        var targetsPer = Split(options.Targets, weights, 10);
        var inspectorsPer = Split(options.Inspectors, [.. targetsPer.Select(t => (double)t)], 3);
        var registeredOn = new DateOnly(start.Year, 1, 1);
        var registeredAt = Morning(registeredOn.AddDays(-30));
        var historyQuarters = options.Years * 4;

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var codes = counties.Select(AgencyCode).ToList();
            if (await db.Agencies.Where(a => codes.Contains(a.Code)).Select(a => a.Code).FirstOrDefaultAsync(cancellationToken) is { } existing)
            {
                throw new InvalidOperationException($"The database already has the generated agency {existing}; generate into a new database.");
            }

            if (!await db.CheckItems.AnyAsync(cancellationToken))
            {
                db.CheckItems.AddRange(DemoData.SeedCheckItems());
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        var agencies = new List<GeneratedAgency>();
        for (var a = 0; a < counties.Count; a++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var county = await RegionAsync(db, counties[a], cancellationToken);
            var zone = new Region { Code = county.Code + "-GY", Name = counties[a].Name + "工业园区", ParentId = county.Id };
            var agency = new Agency { Code = AgencyCode(counties[a]), Name = counties[a].Name + "生态环境局", RegionId = county.Id };
            var policy = new SamplingPolicy
            {
                Agency = agency,
                EffectiveFrom = registeredOn,
                Reason = "年度工作方案的抽查比例",
                CreatedAt = registeredAt,
                CreatedBy = Actor,
            };
            db.AddRange(zone, agency, policy);
            await db.SaveChangesAsync(cancellationToken);
            counts.Agencies++;

            var generated = new GeneratedAgency(agency, policy, $"{agency.Code}-coordinator");
            await AddTargetsAsync(db, generated, counties[a], county, zone, targetsPer[a], registeredOn, historyQuarters, start, options.Seed, random, counts, cancellationToken);
            await AddInspectorsAsync(db, generated, counties[a].Code, inspectorsPer[a], historyQuarters, start, random, counts, cancellationToken);
            await AddRecusalsAsync(db, generated, registeredOn, registeredAt, random, counts, cancellationToken);
            agencies.Add(generated);
        }

        return agencies;
    }

    private static async Task AddTargetsAsync(
        AppDbContext db,
        GeneratedAgency agency,
        (string Code, string Name, string PrefectureCode, string PrefectureName) county,
        Region countyRegion,
        Region zone,
        int count,
        DateOnly registeredOn,
        int historyQuarters,
        YearQuarter start,
        int seed,
        Random random,
        GenerationCounts counts,
        CancellationToken cancellationToken)
    {
        const int Batch = 5_000;
        var categories = Categories(count);
        var added = new List<InspectionTarget>(Batch);
        for (var i = 0; i < count; i++)
        {
            var category = categories[i];
            var creditCode = GeneratedRegistry.CreditCodeFor(county.Code, i, seed);
            var name = GeneratedRegistry.FirmName(random, out var industry, out var pollutants, out var scale);
            var polluter = category is TargetCategory.Key or TargetCategory.Special or TargetCategory.General;
            var target = new InspectionTarget
            {
                CreditCode = creditCode,
                Name = category switch
                {
                    TargetCategory.ConstructionProject => name.Replace("公司", "公司扩建项目", StringComparison.Ordinal),
                    TargetCategory.IndustrialPark => county.Name + (i % 2 == 0 ? "工业园区" : "循环经济产业园"),
                    _ => name,
                },
                Category = category,
                Status = TargetStatus.Active,
                RegionId = random.Next(10) < 3 ? zone.Id : countyRegion.Id,
                AgencyId = agency.Agency.Id,
                Address = GeneratedRegistry.Address(random, county.Name),
                Industry = industry,
                PermitNumber = polluter && random.Next(10) < 8 ? GeneratedRegistry.PermitNumber(creditCode, category) : null,
                PollutantTypes = polluter ? pollutants : [],
                ProductionScale = polluter ? scale : null,
                ProductionCycle = industry == "农副食品加工业" && random.Next(3) == 0 ? "季节性生产（9月至次年1月）" : null,
                OnPositiveList = polluter && category != TargetCategory.Special && random.Next(10) == 0,
            };

            // About one in 25 targets stops operating some time during the history.
            if (historyQuarters > 1 && random.Next(25) == 0)
            {
                agency.TargetChanges.Add((target, start.Plus(random.Next(1, historyQuarters)), random.Next(3) == 0 ? TargetStatus.Suspended : TargetStatus.Closed));
            }

            added.Add(target);
            if (added.Count == Batch || i == count - 1)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await BulkInsert.InsertEntitiesAsync(db, added, cancellationToken);
                await BulkInsert.InsertEntitiesAsync(db, [.. added.Select(t => new TargetCategoryChange { TargetId = t.Id, Category = t.Category, EffectiveFrom = registeredOn, Reason = "纳入污染源日常环境监管动态信息库" })], cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                foreach (var t in added.Where(t => t.OnPositiveList))
                {
                    agency.PositiveList.Add(t.Id);
                }

                agency.TargetIds.AddRange(added.Select(t => t.Id));
                counts.Targets += added.Count;
                added.Clear();
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task AddInspectorsAsync(
        AppDbContext db, GeneratedAgency agency, string countyCode, int count, int historyQuarters, YearQuarter start, Random random, GenerationCounts counts, CancellationToken cancellationToken)
    {
        for (var n = 1; n <= count; n++)
        {
            // The first three are officers, so that every agency can staff a team and still rotate.
            var roll = n <= 3 ? 0 : random.Next(100);
            var kind = roll < 65 ? InspectorKind.EnforcementOfficer : roll < 80 ? InspectorKind.SupervisionStaff : InspectorKind.Auxiliary;
            var certificate = kind == InspectorKind.Auxiliary ? null : string.Create(CultureInfo.InvariantCulture, $"{countyCode}{n:D5}");
            var code = certificate ?? string.Create(CultureInfo.InvariantCulture, $"FZ-{countyCode}-{n:D4}");
            var inspector = new Inspector
            {
                Name = GeneratedRegistry.PersonName(random),
                Kind = kind,
                CertificateNumber = certificate,
                RegistryCode = code,
                AccountSubject = code,
                AgencyId = agency.Agency.Id,
                Department = kind == InspectorKind.Auxiliary ? GeneratedRegistry.AuxiliaryUnit(random) : GeneratedRegistry.Department(random),
                Position = kind == InspectorKind.Auxiliary ? "辅助检查人员" : n == 1 ? "大队长" : "执法队员",
                YearsOfService = random.Next(1, 30),
                Expertise = GeneratedRegistry.ExpertiseOf(random),
            };
            db.Inspectors.Add(inspector);
            if (n > 3 && historyQuarters > 1 && random.Next(30) == 0)
            {
                agency.InspectorChanges.Add((inspector, start.Plus(random.Next(1, historyQuarters))));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        agency.InspectorIds.AddRange(db.Inspectors.Local.Where(i => i.AgencyId == agency.Agency.Id).Select(i => i.Id));
        counts.Inspectors += count;
        db.ChangeTracker.Clear();
    }

    private static async Task AddRecusalsAsync(
        AppDbContext db, GeneratedAgency agency, DateOnly validFrom, DateTime declaredAt, Random random, GenerationCounts counts, CancellationToken cancellationToken)
    {
        var pairs = new HashSet<(int, int)>();
        for (var n = Math.Max(1, agency.InspectorIds.Count / 5); n > 0; n--)
        {
            var pair = (agency.InspectorIds[random.Next(agency.InspectorIds.Count)], agency.TargetIds[random.Next(agency.TargetIds.Count)]);
            if (pairs.Add(pair))
            {
                db.Recusals.Add(new Recusal
                {
                    InspectorId = pair.Item1,
                    TargetId = pair.Item2,
                    Reason = GeneratedRegistry.RecusalReasons[random.Next(GeneratedRegistry.RecusalReasons.Length)],
                    ValidFrom = validFrom,
                    DeclaredAt = declaredAt,
                    DeclaredBy = agency.Coordinator,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        counts.Recusals += pairs.Count;
        db.ChangeTracker.Clear();
    }

    /// <summary>Targets that stop operating and inspectors who leave, from the quarter they were given on.</summary>
    private async Task ApplyRegistryChangesAsync(GeneratedAgency agency, YearQuarter quarter, GenerationCounts counts, CancellationToken cancellationToken)
    {
        var targets = agency.TargetChanges.Where(c => c.From == quarter).ToList();
        var inspectors = agency.InspectorChanges.Where(c => c.From == quarter).ToList();
        if (targets.Count == 0 && inspectors.Count == 0)
        {
            return;
        }

        // Effective on the day the quarter before ends, so that the quarter's draw (made then) no longer sees them.
        var effective = quarter.First.AddDays(-10);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var status in new[] { TargetStatus.Suspended, TargetStatus.Closed })
        {
            var ids = targets.Where(c => c.Status == status).Select(c => c.Target.Id).ToList();
            await db.Targets.Where(t => ids.Contains(t.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, status).SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);
        }

        db.Set<TargetStatusChange>().AddRange(targets.Select(c => new TargetStatusChange
        {
            TargetId = c.Target.Id,
            Status = c.Status,
            EffectiveFrom = effective,
            Reason = c.Status == TargetStatus.Closed ? "企业关闭注销" : "停产整治",
        }));
        await db.SaveChangesAsync(cancellationToken);
        var leaving = inspectors.Select(c => c.Inspector.Id).ToList();
        await db.Inspectors.Where(i => leaving.Contains(i.Id))
            .ExecuteUpdateAsync(
                u => u.SetProperty(i => i.Active, false).SetProperty(i => i.DeactivatedOn, effective)
                    .SetProperty(i => i.DeactivationReason, "调离执法岗位").SetProperty(i => i.Version, i => i.Version + 1),
                cancellationToken);
        counts.RegistryChanges += targets.Count + inspectors.Count;
    }

    /// <summary>
    /// One agency's quarter: the plan, published ahead; the draw in the R4 window (now and then drawn twice); its
    /// commitment into tasks; and for a completed quarter every visit recorded and the results published.
    /// </summary>
    private async Task GenerateQuarterAsync(
        GeneratedAgency agency, YearQuarter quarter, bool completed, WorkingDayCalendar calendar, Random random, GenerationCounts counts, CancellationToken cancellationToken)
    {
        var window = calendar.DrawWindowFor(quarter.Year, quarter.Quarter);
        var drawDays = calendar.WorkingDays(window.First, window.Last).ToList();
        var drawnAt = Morning(drawDays[random.Next(drawDays.Count)]).AddMinutes(random.Next(0, 240));
        var publishedAt = Morning(window.First.AddDays(-14));

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkItems = await db.CheckItems.Where(c => !c.Retired).OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var plan = new SamplingPlan
        {
            AgencyId = agency.Agency.Id,
            Year = quarter.Year,
            Quarter = quarter.Quarter,
            Status = PlanStatus.Published,
            PolicyId = agency.Policy.Id,
            CheckItems = checkItems,
            CreatedAt = publishedAt.AddDays(-3),
            CreatedBy = agency.Coordinator,
            PublishedAt = publishedAt,
            PublishedBy = agency.Coordinator,
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        counts.Plans++;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var attempts = random.NextDouble() < RedrawShare ? 2 : 1;
        Draw? draw = null;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            // Read for each attempt, as drawPlan does: a draw owns the quota rows it is stored with.
            var pools = await DrawPools.ReadAsync(db, plan, agency.Policy, cancellationToken);
            if (pools.TotalQuota == 0)
            {
                // Nothing is due (a tiny registry late in the year): the plan stays published, undrawn.
                await transaction.CommitAsync(cancellationToken);
                return;
            }

            var input = new DrawInput(DiceSeed(quarter, random), agency.Agency.Code, quarter.Year, quarter.Quarter, pools.QuotaByStratum, agency.Policy.ToTeamRules(), pools.Targets, pools.Inspectors);
            if (Drg1.Validate(input) is [var problem, ..])
            {
                throw new InvalidOperationException($"{agency.Agency.Code} {quarter}: {problem.Message}");
            }

            var at = drawnAt.AddMinutes(40 * (attempt - 1));
            var reason = attempt == 1 ? null : "首次抽取时现场录像中断，按程序重新公开抽取";
            draw = DrawRecords.Create(new DrawAttempt(plan, agency.Policy, attempt, at, agency.Coordinator, reason, window, null), pools, input, Drg1.Run(input));
            if (attempt == attempts && draw.UnstaffedCount > 0)
            {
                throw new InvalidOperationException($"{agency.Agency.Code} {quarter}: {draw.UnstaffedCount} selection(s) could not be staffed; give more --inspectors.");
            }

            await DrawRecords.InsertAsync(db, draw, cancellationToken);
            counts.Draws++;
            counts.Selections += draw.Selections.Count;
            if (attempt < attempts)
            {
                var supersededId = draw.Id;
                await db.Draws.Where(d => d.Id == supersededId)
                    .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DrawStatus.Superseded).SetProperty(d => d.SupersededAt, at.AddMinutes(30)), cancellationToken);
            }
        }

        // Committed as commitDraw commits: a status move of the stored draw, then one task per selection.
        var committedAt = drawnAt.AddHours(2);
        var committedId = draw!.Id;
        await db.Draws.Where(d => d.Id == committedId)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DrawStatus.Committed).SetProperty(d => d.CommittedAt, committedAt).SetProperty(d => d.CommittedBy, agency.Coordinator), cancellationToken);
        plan.Status = PlanStatus.Drawn;
        plan.Version++;
        var tasks = draw.Selections.Select(s => (Selection: s, Task: DrawRecords.TaskFor(s, agency.PositiveList.Contains(s.TargetId), plan, committedAt))).ToList();
        if (completed)
        {
            foreach (var (selection, task) in tasks)
            {
                // A special target is sometimes visited twice in its quarter (the notice counts 家次).
                task.Visits = selection.Category == TargetCategory.Special && random.NextDouble() < FollowUpShare ? 2 : 1;
                task.Status = InspectionTaskStatus.Recorded;
            }
        }

        await DrawRecords.InsertTasksAsync(db, [.. tasks.Select(t => t.Task)], cancellationToken);
        counts.Tasks += tasks.Count;

        if (completed)
        {
            var inspectionDays = calendar.WorkingDays(quarter.First, quarter.Last).ToList();
            var followUps = new List<FollowUpVisit>();
            var records = new List<InspectionRecord>();
            foreach (var (selection, task) in tasks)
            {
                Record(agency, selection, task, inspectionDays, random, followUps, records);
            }

            await BulkInsert.InsertEntitiesAsync(db, followUps, cancellationToken);
            await BulkInsert.InsertEntitiesAsync(db, records, cancellationToken);
            await BulkInsert.InsertAsync(
                db, "InspectionRecordCheckItems", ["CheckItemsId", "InspectionRecordId"], records.SelectMany(r => r.CheckItems.Select(c => (c.Id, r.Id))), r => [r.Item1, r.Item2], cancellationToken);
            counts.Records += records.Count;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (completed)
        {
            await PublishAsync(db, agency, plan, draw.Id, quarter, calendar, random, cancellationToken);
            counts.Publications++;
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The visits of a task (the follow-up one too, when it has one) as recordInspection would store them.</summary>
    private static void Record(
        GeneratedAgency agency, DrawSelection selection, InspectionTask task, List<DateOnly> days, Random random, List<FollowUpVisit> followUps, List<InspectionRecord> records)
    {
        var first = random.Next(days.Count - ((task.Visits - 1) * 30));
        for (var visit = 1; visit <= task.Visits; visit++)
        {
            var inspectedOn = days[first + ((visit - 1) * random.Next(5, 30))];
            var problem = random.NextDouble() < ProblemShare;
            var transferred = problem && random.Next(5) < 2;
            if (visit > 1)
            {
                followUps.Add(new FollowUpVisit { TaskId = task.Id, Visit = visit, Reason = "特殊监管对象季度内复查", AddedAt = Morning(days[first]).AddHours(9), AddedBy = agency.Coordinator });
            }

            records.Add(new InspectionRecord
            {
                Origin = InspectionOrigin.Random,
                AgencyId = agency.Agency.Id,
                TargetId = selection.TargetId,
                TaskId = task.Id,
                Visit = visit,
                Category = selection.Category,
                InspectedOn = inspectedOn,
                Mode = task.Mode,
                Evidence = task.Mode == InspectionMode.OffSite ? [.. GeneratedRegistry.EvidenceSources.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Order()] : [],
                CheckItems = task.CheckItems,
                Outcome = problem ? InspectionOutcome.ProblemFound : InspectionOutcome.Normal,
                Description = problem ? GeneratedRegistry.Findings[random.Next(GeneratedRegistry.Findings.Length)] : "无",
                TransferredToEnforcement = transferred,
                CaseReference = transferred ? string.Create(CultureInfo.InvariantCulture, $"{agency.Agency.Code}环罚〔{inspectedOn.Year}〕{++agency.Cases}号") : null,
                RecordedAt = Morning(inspectedOn).AddHours(8).AddMinutes(random.Next(0, 600)),
                RecordedBy = selection.Team[0].InspectorKey,
            });
        }
    }

    /// <summary>Publishes the quarter as publishResults does, mostly within the R5 deadline, sometimes after it.</summary>
    private static async Task PublishAsync(
        AppDbContext db, GeneratedAgency agency, SamplingPlan plan, int drawId, YearQuarter quarter, WorkingDayCalendar calendar, Random random, CancellationToken cancellationToken)
    {
        var records = await PublicationMutations.PublishableAsync(db, agency.Agency.Id, quarter.Year, quarter.Quarter, plan.Id, cancellationToken);
        var completedOn = records.Max(r => r.InspectedOn);
        var publishedOn = calendar.AddWorkingDays(completedOn, random.Next(10) == 0 ? random.Next(21, 30) : random.Next(3, 20));
        var publishedAt = Morning(publishedOn).AddHours(1);
        var header = new PublicationHeader(
            agency.Agency.Id, agency.Agency.Code, agency.Agency.Name, quarter.Year, quarter.Quarter, plan.Id, drawId, 1, null, publishedAt, agency.Coordinator);
        db.Publications.Add(PublicationContent.Build(header, records, calendar, publishedOn));
        plan.ResultsPublishedAt = publishedAt;
        plan.Status = PlanStatus.Completed;
        plan.Version++;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<Region> RegionAsync(
        AppDbContext db, (string Code, string Name, string PrefectureCode, string PrefectureName) county, CancellationToken cancellationToken)
    {
        async Task<Region> FindOrAddAsync(string code, string name, int? parentId)
        {
            if (await db.Regions.FirstOrDefaultAsync(r => r.Code == code, cancellationToken) is { } found)
            {
                return found;
            }

            var region = new Region { Code = code, Name = name, ParentId = parentId };
            db.Regions.Add(region);
            await db.SaveChangesAsync(cancellationToken);
            return region;
        }

        var province = await FindOrAddAsync(GeneratedRegistry.ProvinceCode, GeneratedRegistry.ProvinceName, null);
        var prefecture = await FindOrAddAsync(county.PrefectureCode, county.PrefectureName, province.Id);
        return await FindOrAddAsync(county.Code, county.Name, prefecture.Id);
    }

    private static string AgencyCode((string Code, string Name, string PrefectureCode, string PrefectureName) county) => $"XJ{county.Code}-EEB";

    /// <summary>The categories of <paramref name="count"/> targets in <see cref="GeneratedRegistry.CategoryShares"/>, interleaved.</summary>
    private static List<TargetCategory> Categories(int count)
    {
        var categories = new List<TargetCategory>(count);
        var owed = GeneratedRegistry.CategoryShares.ToDictionary(s => s.Category, _ => 0.0);
        for (var i = 0; i < count; i++)
        {
            // Largest remainder, target by target: every prefix of the registry has the shares, small ones included.
            foreach (var (category, perMille) in GeneratedRegistry.CategoryShares)
            {
                owed[category] += perMille / 1000.0;
            }

            var next = owed.MaxBy(o => o.Value).Key;
            owed[next] -= 1;
            categories.Add(next);
        }

        return categories;
    }

    /// <summary><paramref name="total"/> split by <paramref name="weights"/>, each part at least <paramref name="minimum"/>.</summary>
    private static List<int> Split(int total, List<double> weights, int minimum)
    {
        var spare = total - (minimum * weights.Count);
        var sum = weights.Sum();
        var parts = weights.Select(w => minimum + (int)(spare * w / sum)).ToList();
        parts[0] += total - parts.Sum();
        return parts;
    }

    /// <summary>A drg-1 seed as dice rolled at a public draw would give it.</summary>
    private static string DiceSeed(YearQuarter quarter, Random random)
        => $"{quarter} 公开抽取 骰子 {string.Concat(Enumerable.Range(0, 16).Select(_ => (char)('1' + random.Next(6))))}";

    /// <summary>10:00 in China on <paramref name="day"/>, in UTC.</summary>
    private static DateTime Morning(DateOnly day) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
}

/// <summary>An agency being generated, with what later quarters need to know of its registry.</summary>
internal sealed class GeneratedAgency(Agency agency, SamplingPolicy policy, string coordinator)
{
    public Agency Agency { get; } = agency;

    public SamplingPolicy Policy { get; } = policy;

    /// <summary>The token subject its plans, draws and publications are made by.</summary>
    public string Coordinator { get; } = coordinator;

    public List<int> TargetIds { get; } = [];

    public HashSet<int> PositiveList { get; } = [];

    public List<int> InspectorIds { get; } = [];

    public List<(InspectionTarget Target, YearQuarter From, TargetStatus Status)> TargetChanges { get; } = [];

    public List<(Inspector Inspector, YearQuarter From)> InspectorChanges { get; } = [];

    /// <summary>Enforcement cases transferred so far (the number in the next case reference).</summary>
    public int Cases { get; set; }
}

/// <summary>Rows made so far.</summary>
public sealed class GenerationCounts
{
    public int Agencies { get; set; }

    public int Targets { get; set; }

    public int Inspectors { get; set; }

    public int Recusals { get; set; }

    public int RegistryChanges { get; set; }

    public int Plans { get; set; }

    public int Draws { get; set; }

    public int Selections { get; set; }

    public int Tasks { get; set; }

    public int Records { get; set; }

    public int Publications { get; set; }
}

/// <summary>What a generation made, over which quarters, and how long it took.</summary>
public sealed record GenerationReport(GenerationCounts Counts, YearQuarter First, YearQuarter Last, YearQuarter Open, TimeSpan Elapsed);
