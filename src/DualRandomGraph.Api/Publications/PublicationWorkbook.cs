using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DualRandomGraph.Domain.Publications;

namespace DualRandomGraph.Api.Publications;

/// <summary>A publication's table as an Excel workbook: one sheet, the CSV's header and cells, every cell text.</summary>
public static class PublicationWorkbook
{
    public const string SheetName = "公开表";

    public static byte[] Create(Publication publication)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var cells in publication.Rows.OrderBy(r => r.Number).Select(PublicationEndpoints.Cells).Prepend(PublicationEndpoints.Header))
            {
                // Inline strings: the 序号 and dates stay exactly as the CSV has them, with no shared-string table to keep.
                data.Append(new Row(cells.Select(text => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) })));
            }

            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = SheetName }));
        }

        return stream.ToArray();
    }

    /// <summary>The cells of the first sheet as text, row by row (for tests and anyone checking a download).</summary>
    public static List<List<string>> Read(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var sheet = document.WorkbookPart!.WorksheetParts.First();
        return [.. sheet.Worksheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList())];
    }
}
