using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DualRandomGraph.Api.Security;

namespace DualRandomGraph.LoadBenchmarks;

/// <summary>
/// Mixed load (issue 8, benchmark 3): concurrent clients reading (a targets page, the public results table, a few
/// draws with their selections, open tasks), recording the open quarter's inspections as the inspector on the team,
/// redrawing next quarter's plans, and publishing revisions of last year's results, for a fixed time. Every answer
/// must be free of errors, payload errors included; throughput, latency per kind and the server's memory are printed.
/// </summary>
internal static class MixedLoadBenchmark
{
    private const string TargetsRead = CeilingBenchmark.Query;

    private const string ResultsRead = """
        query Results { publishedResults(first: 20, order: [{ inspectedOn: DESC }]) { nodes { number targetName categoryLabel inspectedOn outcomeLabel description } } }
        """;

    private const string DrawsRead = """
        query Draws { draws(first: 3, where: { status: { eq: COMMITTED } }, order: [{ drawnAt: DESC }]) { nodes { id year quarter selections { rank target { name } team { inspector { name } } } } } }
        """;

    private const string TasksRead = """
        query Tasks { inspectionTasks(first: 20, where: { status: { eq: ASSIGNED } }) { nodes { id mode target { name creditCode } } } }
        """;

    private const string RecordMutation = """
        mutation Record($input: RecordInspectionInput!) { recordInspection(input: $input) { record { id } errors { ... on Error { code message } } } }
        """;

    private const string DrawMutation = """
        mutation Draw($input: DrawPlanInput!) { drawPlan(input: $input) { draw { id } errors { ... on Error { code message } } } }
        """;

    private const string PublishMutation = """
        mutation Publish($input: PublishResultsInput!) { publishResults(input: $input) { publication { id } errors { ... on Error { code message } } } }
        """;

    public static async Task RunAsync(BenchmarkServer server, BenchmarkOptions options)
    {
        var auditor = server.Token(Roles.Auditor, "bench-auditor");
        var coordinator = server.Token(Roles.Coordinator, "bench-coordinator");
        var agencies = (await server.GraphQLAsync(auditor, """{ agencies(first: 50, where: { code: { startsWith: "XJ" } }) { nodes { id code } } }"""))["agencies"]!["nodes"]!
            .AsArray().Select(a => (Id: (string)a!["id"]!, Code: (string)a["code"]!)).ToList();
        var plans = await NextQuarterPlansAsync(server, coordinator, auditor, agencies);
        var tasks = new ConcurrentQueue<(string Id, string Mode, string Token)>(await OpenTasksAsync(server, auditor));
        var quarters = agencies.SelectMany(a => Enumerable.Range(1, 4).Select(q => (AgencyId: a.Id, Quarter: q))).ToList();
        Console.WriteLine($"mixed load: {agencies.Count} agencies, {plans.Count} published 2026Q4 plans to draw, {tasks.Count:N0} open 2026Q3 tasks to record, {quarters.Count} quarters of 2025 to republish");

        var kinds = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var failures = new ConcurrentQueue<string>();
        var drawn = 0;
        var published = 0;
        var operations = 0;

        async Task<bool> SendAsync(string kind, string? token, string query, object? variables, string? payload)
        {
            var watch = Stopwatch.StartNew();
            using var request = BenchmarkServer.GraphQLRequest(token, query, variables);
            using var response = await server.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            kinds.GetOrAdd(kind, _ => []).Add(watch.Elapsed.TotalMilliseconds);
            var json = JsonNode.Parse(body);
            var ok = response.IsSuccessStatusCode && json?["errors"] is null && (payload is null || json?["data"]?[payload]?["errors"] is null);
            if (!ok && failures.Count < 10)
            {
                failures.Enqueue($"{kind}: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
            }

            return ok;
        }

        // Per worker and request: 80 % reads (four kinds in turn), 12 % recordings, 5 % publications, 3 % draws.
        Task<bool> Operation(int worker)
        {
            var n = Interlocked.Increment(ref operations);
            var roll = (int)((uint)HashCode.Combine(worker, n) % 100);
            if (roll < 12 && tasks.TryDequeue(out var task))
            {
                var findings = new JsonObject
                {
                    ["inspectedOn"] = "2026-08-14",
                    ["mode"] = task.Mode,
                    ["outcome"] = "NORMAL",
                    ["evidence"] = task.Mode == "OFF_SITE" ? new JsonArray("AUTOMATIC_MONITORING", "PERMIT_PLATFORM") : null,
                };
                return SendAsync("recording", task.Token, RecordMutation, new { input = new JsonObject { ["taskId"] = task.Id, ["findings"] = findings } }, "recordInspection");
            }

            if (roll is >= 12 and < 17)
            {
                var (agencyId, quarter) = quarters[Interlocked.Increment(ref published) % quarters.Count];
                return SendAsync("publication", coordinator, PublishMutation, new { input = new { agencyId, year = 2025, quarter, reason = "基准测试：更正后重新公开" } }, "publishResults");
            }

            if (roll is >= 17 and < 20 && plans.Count > 0)
            {
                var attempt = Interlocked.Increment(ref drawn);
                var input = new { planId = plans[attempt % plans.Count], seed = $"基准测试 {attempt} 公开抽取 骰子 3 1 4 1 5 6", reason = "基准测试重抽", outsideWindowReason = "基准测试" };
                return SendAsync("draw", coordinator, DrawMutation, new { input }, "drawPlan");
            }

            return (n % 4) switch
            {
                0 => SendAsync("read targets", coordinator, TargetsRead, new { text = "化工" }, null),
                1 => SendAsync("read results", null, ResultsRead, null, null),
                2 => SendAsync("read draws", auditor, DrawsRead, null, null),
                _ => SendAsync("read tasks", auditor, TasksRead, null, null),
            };
        }

        var memory = new List<(long WorkingSet, long GcHeap)> { BenchmarkServer.Memory() };
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                memory.Add(BenchmarkServer.Memory());
                await Task.Delay(500, CancellationToken.None);
            }
        });
        var result = await LoadRunner.RunAsync(options.Concurrency, TimeSpan.FromSeconds(options.MixedSeconds), Operation);
        await sampling.CancelAsync();
        await sampler;

        Console.WriteLine($"mixed load, {options.Concurrency} clients, {options.MixedSeconds} s: {result}");
        foreach (var (kind, latencies) in kinds.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var sorted = latencies.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-12} {sorted.Length,7:N0} requests, p50 {sorted[sorted.Length / 2],7:F1} ms, p99 {sorted[Math.Max(0, (int)Math.Ceiling(0.99 * sorted.Length) - 1)],7:F1} ms"));
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  memory (server and client share the process): working set {memory[0].WorkingSet / 1048576.0:F0} MiB at the start, peak {memory.Max(m => m.WorkingSet) / 1048576.0:F0} MiB; GC heap peak {memory.Max(m => m.GcHeap) / 1048576.0:F0} MiB, {memory[^1].GcHeap / 1048576.0:F0} MiB at the end"));
        foreach (var failure in failures)
        {
            Console.WriteLine($"  error: {failure}");
        }
    }

    /// <summary>The 2026 Q4 plan of each agency, created and published when missing; those already drawn for good are left out.</summary>
    private static async Task<List<string>> NextQuarterPlansAsync(BenchmarkServer server, string coordinator, string auditor, List<(string Id, string Code)> agencies)
    {
        var existing = (await server.GraphQLAsync(auditor, """{ plans(first: 100, where: { year: { eq: 2026 }, quarter: { eq: 4 } }) { nodes { id status agency { id } } } }"""))["plans"]!["nodes"]!
            .AsArray().ToDictionary(p => (string)p!["agency"]!["id"]!, p => (Id: (string)p!["id"]!, Status: (string)p["status"]!));
        var plans = new List<string>();
        foreach (var (agencyId, _) in agencies)
        {
            if (!existing.TryGetValue(agencyId, out var plan))
            {
                var created = await server.GraphQLAsync(coordinator, "mutation($input: CreatePlanInput!) { createPlan(input: $input) { plan { id } } }", new { input = new { agencyId, year = 2026, quarter = 4 } });
                plan = ((string)created["createPlan"]!["plan"]!["id"]!, "DRAFT");
            }

            if (plan.Status == "DRAFT")
            {
                await server.GraphQLAsync(coordinator, "mutation($input: PublishPlanInput!) { publishPlan(input: $input) { plan { id } } }", new { input = new { planId = plan.Id } });
                plan = (plan.Id, "PUBLISHED");
            }

            if (plan.Status == "PUBLISHED")
            {
                plans.Add(plan.Id);
            }
        }

        return plans;
    }

    /// <summary>Open tasks with the mode to record and a token of an officer on the team.</summary>
    private static async Task<List<(string Id, string Mode, string Token)>> OpenTasksAsync(BenchmarkServer server, string auditor)
    {
        var tasks = new List<(string, string, string)>();
        string? after = null;
        while (tasks.Count < 5_000)
        {
            var page = (await server.GraphQLAsync(
                auditor,
                """query($after: String) { inspectionTasks(first: 100, after: $after, where: { status: { eq: ASSIGNED } }) { pageInfo { hasNextPage endCursor } nodes { id mode selection { team { inspector { accountSubject } } } } } }""",
                new { after }))["inspectionTasks"]!;
            foreach (var task in page["nodes"]!.AsArray())
            {
                var subject = (string)task!["selection"]!["team"]![0]!["inspector"]!["accountSubject"]!;
                tasks.Add(((string)task["id"]!, (string)task["mode"]!, server.Token(Roles.Inspector, subject)));
            }

            if (!(bool)page["pageInfo"]!["hasNextPage"]!)
            {
                break;
            }

            after = (string)page["pageInfo"]!["endCursor"]!;
        }

        return tasks;
    }
}
