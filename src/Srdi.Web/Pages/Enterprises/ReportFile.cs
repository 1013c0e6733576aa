using Srdi.Application.Evaluation;
using Srdi.Application.Tiers;
using Srdi.Model.Profiles;
using Srdi.Reports;

namespace Srdi.Web.Pages.Enterprises;

/// <summary>The 政策体检报告 of a profile at a date as a downloadable file, PDF or Excel, with
/// the same content as the page (both come from the same <see cref="EvaluationView"/>).</summary>
public sealed class ReportFile(EvaluationService evaluations, AssessmentService assessments, PolicyReportExport export)
{
    public const string Pdf = "pdf";
    public const string Excel = "xlsx";

    public static bool IsFormat(string? format) => format is Pdf or Excel;

    public (byte[] Content, string ContentType, string FileName) Write(EnterpriseProfile profile, DateOnly at, bool includeDrafts, string format)
    {
        var report = export.Build(evaluations.View(evaluations.Evaluate(profile, at, includeDrafts)), assessments.Assess(profile, at));
        using var stream = new MemoryStream();
        if (format == Pdf) PolicyReportExport.WritePdf(stream, report);
        else PolicyReportExport.WriteExcel(stream, report);
        return format == Pdf
            ? (stream.ToArray(), PolicyReportExport.PdfContentType, PolicyReportExport.PdfFileName(report))
            : (stream.ToArray(), PolicyReportExport.ExcelContentType, PolicyReportExport.ExcelFileName(report));
    }
}
