using System.Text;
using DualRandomGraph.Api.Data;
using DualRandomGraph.Domain.Publications;
using DualRandomGraph.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;

namespace DualRandomGraph.Api.Publications;

/// <summary>
/// <c>GET /publications/{id}.csv</c> and <c>.xlsx</c>: a publication's table as a file, with no account, where
/// <c>{id}</c> is the publication's GraphQL id. The CSV is byte for byte the seed's format: UTF-8 without a BOM, the
/// seed's header row, LF line endings, a final newline.
/// </summary>
public static class PublicationEndpoints
{
    /// <summary>The header row of the seed's table.</summary>
    public static readonly IReadOnlyList<string> Header = ["序号", "检查地区", "污染源名称", "污染源类型", "检查时间", "检查结果", "情况说明"];

    public static IEndpointRouteBuilder MapPublicationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/publications/{id}.csv", GetCsvAsync);
        endpoints.MapGet("/publications/{id}.xlsx", GetXlsxAsync);
        return endpoints;
    }

    public static string TablePath(int publicationId, string extension) => $"/publications/{GlobalId.Format(nameof(Publication), publicationId)}.{extension}";

    /// <summary>The cells of a row, in the header's order.</summary>
    public static IReadOnlyList<string> Cells(PublishedResult row)
        => [row.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), row.RegionName, row.TargetName, row.CategoryLabel, row.InspectedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), row.OutcomeLabel, row.Description];

    public static string Csv(Publication publication)
    {
        var csv = new StringBuilder();
        foreach (var cells in publication.Rows.OrderBy(r => r.Number).Select(Cells).Prepend(Header))
        {
            csv.Append(string.Join(',', cells.Select(CsvField))).Append('\n');
        }

        return csv.ToString();
    }

    private static async Task<IResult> GetCsvAsync(string id, HttpContext http, IDbContextFactory<AppDbContext> contexts, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, contexts, cancellationToken) is not { } publication)
        {
            return Results.NotFound();
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(publication)}.csv\"";
        return Results.Bytes(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Csv(publication)), "text/csv; charset=utf-8");
    }

    private static async Task<IResult> GetXlsxAsync(string id, HttpContext http, IDbContextFactory<AppDbContext> contexts, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, contexts, cancellationToken) is not { } publication)
        {
            return Results.NotFound();
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(publication)}.xlsx\"";
        return Results.Bytes(PublicationWorkbook.Create(publication), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private static async Task<Publication?> FindAsync(string id, IDbContextFactory<AppDbContext> contexts, CancellationToken cancellationToken)
    {
        var key = GlobalId.ParseFor(nameof(Publication), id);
        if (key is null)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Publications.AsNoTracking().Include(p => p.Rows).FirstOrDefaultAsync(p => p.Id == key, cancellationToken);
    }

    /// <summary>ASCII, so every browser keeps it: <c>KETDZ-EPB-2022Q2-r1</c>.</summary>
    private static string FileName(Publication publication) => $"{publication.AgencyCode}-{publication.Year}Q{publication.Quarter}-r{publication.Revision}";

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static string CsvField(string value)
        => value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
