using System.Text;
using MiniExcelLibs;
using Srdi.Application.Text;

namespace Srdi.Application.Rosters;

/// <summary>The empty roster a staff member fills in: every column with its Chinese header, as
/// CSV (UTF-8 with BOM, so Excel opens it as Chinese) and as an Excel workbook.</summary>
public sealed class RosterTemplate(PolicyNavigator navigator)
{
    public const string CsvName = "名单模板.csv";
    public const string WorkbookName = "名单模板.xlsx";

    /// <summary>The columns for an evaluation year: yearly facts get the three years before it.</summary>
    public IReadOnlyList<RosterColumn> Columns(int evaluationYear) => new RosterLayout(navigator.Compiled).Template(evaluationYear);

    public void WriteCsv(Stream stream, int evaluationYear)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(true), leaveOpen: true);
        writer.Write(CsvText.Line(Columns(evaluationYear).Select(c => c.Header)));
        writer.Write('\n');
    }

    public void WriteWorkbook(Stream stream, int evaluationYear)
    {
        var header = new Dictionary<string, object?>();
        foreach (var c in Columns(evaluationYear)) header[c.Header] = null;
        stream.SaveAs(new[] { header });
    }

    /// <summary>Writes both files into <paramref name="folder"/> and returns their paths.</summary>
    public (string Csv, string Workbook) WriteFiles(string folder, int evaluationYear)
    {
        Directory.CreateDirectory(folder);
        var csv = Path.Combine(folder, CsvName);
        using (var file = File.Create(csv)) WriteCsv(file, evaluationYear);
        var xlsx = Path.Combine(folder, WorkbookName);
        using (var file = File.Create(xlsx)) WriteWorkbook(file, evaluationYear);
        return (csv, xlsx);
    }
}
