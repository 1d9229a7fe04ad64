using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Api.Security;
using DualRandomGraph.Domain.Registry;
using DualRandomGraph.GraphQL.Relay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.LoadBenchmarks;

/// <summary>
/// The ceiling: what ASP.NET Core and EF Core can do for the <c>targets</c> page of <see cref="CeilingBenchmark.Query"/>
/// without GraphQL — a minimal-API endpoint behind the same authentication, one hand-written EF Core query (the same
/// filter, order, keyset tie-breaker, page and columns) from the same pooled context factory, and the same JSON bytes
/// written straight to the response. Only the harness maps it; the product has no such endpoint.
/// </summary>
internal static class CeilingEndpoint
{
    public const string Path = "/ceiling/targets";

    private const int PageSize = 50;

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static void Map(WebApplication app)
        => app.MapPost(Path, WriteAsync).RequireAuthorization(policy => policy.RequireRole(Roles.All));

    private static async Task WriteAsync(HttpContext http, IDbContextFactory<AppDbContext> contexts)
    {
        var request = await JsonSerializer.DeserializeAsync<CeilingRequest>(http.Request.Body, JsonSerializerOptions.Web, http.RequestAborted)
            ?? throw new BadHttpRequestException("A JSON body is required.");
        await using var db = await contexts.CreateDbContextAsync(http.RequestAborted);
        var rows = await db.Targets.AsNoTracking()
            .Where(t => t.Category == TargetCategory.General && t.Name.Contains(request.Text))
            .OrderBy(t => t.Name).ThenBy(t => t.Id)
            .Take(PageSize + 1)
            .Select(t => new { t.Id, t.Name, t.CreditCode, t.Category, Region = t.Region!.Name })
            .ToListAsync(http.RequestAborted);

        http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter, Writer);
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WriteStartObject("targets");
        json.WriteStartArray("nodes");
        foreach (var row in rows.Take(PageSize))
        {
            json.WriteStartObject();
            json.WriteString("id", GlobalId.Format(nameof(InspectionTarget), row.Id));
            json.WriteString("name", row.Name);
            json.WriteString("creditCode", row.CreditCode);
            json.WriteString("category", row.Category.ToStratumName());
            json.WriteStartObject("region");
            json.WriteString("name", row.Region);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("pageInfo");
        json.WriteBoolean("hasNextPage", rows.Count > PageSize);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }

    private sealed record CeilingRequest(string Text);
}
