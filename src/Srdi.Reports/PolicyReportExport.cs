using System.Globalization;
using System.Text;
using Srdi.Application.Evaluation;
using Srdi.Application.Tiers;

namespace Srdi.Reports;

/// <summary>The one entry point for exporting the 政策体检报告: build the report once from the
/// services' results, then write it as PDF or Excel with the same content. Thread-safe.</summary>
public sealed class PolicyReportExport(PolicyReportBuilder builder, TimeProvider clock)
{
    public const string PdfContentType = "application/pdf";
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The report of an evaluation view and its tier assessment (null: without tiers),
    /// stamped with the clock's current time.</summary>
    public PolicyReport Build(EvaluationView view, Assessment? assessment) => builder.Build(view, assessment, clock.GetLocalNow());

    /// <summary>Writes the report as an A4 PDF; the stream is left open.</summary>
    public static void WritePdf(Stream output, PolicyReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        PdfReportWriter.Write(output, report);
    }

    /// <summary>Writes the report as an .xlsx workbook; the stream is left open.</summary>
    public static void WriteExcel(Stream output, PolicyReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        ExcelReportWriter.Write(output, report);
    }

    public static string PdfFileName(PolicyReport report) => FileName(report, ".pdf");

    public static string ExcelFileName(PolicyReport report) => FileName(report, ".xlsx");

    /// <summary>政策体检报告-{enterprise name, or its id}-{evaluation date}{extension}, with every
    /// character that a file name cannot hold on Windows, macOS or Linux replaced by _.</summary>
    public static string FileName(PolicyReport report, string extension)
    {
        ArgumentNullException.ThrowIfNull(report);
        var who = Sanitise(report.EnterpriseName);
        if (who.Length == 0) who = Sanitise(report.EnterpriseId);
        if (who.Length == 0) who = "企业";
        return $"{PolicyReport.Title}-{who}-{ChineseText.Date(report.At)}{extension}";
    }

    private static string Sanitise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
            sb.Append(char.IsControl(c) || "<>:\"/\\|?*".Contains(c, StringComparison.Ordinal) ? '_' : c);
        var name = sb.ToString().Trim().TrimEnd('.');
        // Long names are cut (a file name is at most 255 bytes on most file systems).
        if (name.Length <= 60) return name;
        return char.IsHighSurrogate(name[59]) ? name[..59] : name[..60];
    }
}
