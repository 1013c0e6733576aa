using System.Globalization;
using System.IO.Compression;
using MiniExcelLibs;
using Srdi.Application.Evaluation;
using Srdi.Engine.Formatting;
using Xunit;

namespace Srdi.Reports.Tests;

/// <summary>The workbook read back with MiniExcel: the same measures, words and figures as the
/// services decided (and as the PDF shows), and no cell that a spreadsheet runs as a formula.</summary>
public sealed class ExcelReportTests
{
    [Theory]
    [MemberData(nameof(PdfReportTests.Examples), MemberType = typeof(PdfReportTests))]
    public void Excel_HoldsEveryMeasureAndTheSameFigures(string example, string date)
    {
        var made = ReportHost.Make(example, DateOnly.Parse(date, CultureInfo.InvariantCulture));
        var view = made.View;
        using var stream = Write(made.Report);
        ReportHost.KeepSample(PolicyReportExport.ExcelFileName(made.Report), stream.ToArray());

        Assert.Equal(["汇总", "措施", "待补充信息", "惠及他方"], stream.GetSheetNames());

        var summary = Rows(stream, "汇总");
        Assert.Equal(view.Enterprise.Name, Item(summary, "企业"));
        Assert.Equal(ChineseText.Date(view.At), Item(summary, "评估日期"));
        Assert.Equal(Amounts.Chinese(view.Counted.Exact), Item(summary, "合计·确定金额"));
        Assert.Equal(Amounts.Chinese(view.Counted.UpTo), Item(summary, "合计·最高可达（上限，不是承诺）"));
        Assert.Equal(Amounts.Chinese(view.Counted.Scheduled), Item(summary, "合计·分年度计划合计"));
        Assert.Equal(view.Counted.Exact, Yuan(summary, "合计·确定金额"));
        Assert.Equal(view.Counted.UpTo, Yuan(summary, "合计·最高可达（上限，不是承诺）"));
        Assert.Equal(view.Counted.Scheduled, Yuan(summary, "合计·分年度计划合计"));
        foreach (var tier in made.Assessment.Report.Tiers)
            Assert.Contains(tier.Tier.Name, Item(summary, "梯度评估·" + tier.Tier.Name), StringComparison.Ordinal);
        if (made.Assessment.Upgrade is { } upgrade)
        {
            Assert.Equal(upgrade.InForceDifference.Exact, Yuan(summary, "晋级价值·合计（现行有效）·确定金额"));
            Assert.Equal(upgrade.InForceDifference.Scheduled, Yuan(summary, "晋级价值·合计（现行有效）·分年度计划合计"));
            Assert.Equal(upgrade.Documents.Count, summary.Count(r => Text(r, "项目") == "晋级价值·文件"));
        }
        else
            Assert.Contains("没有更高一档", Item(summary, "晋级价值"), StringComparison.Ordinal);

        var measures = Rows(stream, "措施");
        var expected = view.Documents.SelectMany(d => d.Measures.Select(m => (d, m))).ToList();
        Assert.Equal(expected.Count, measures.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (d, m) = expected[i];
            var row = measures[i];
            Assert.Equal(d.Document.Title, Text(row, "文件"));
            Assert.Equal($"{m.Result.Measure.Clause} {m.Result.Measure.Title}", Text(row, "措施"));
            Assert.Equal(m.Status, Text(row, "状态"));
            Assert.Equal(m.Amount, Text(row, "金额"));
            Assert.Equal(m.Reason, Text(row, "理由"));
            Assert.Equal(m.Application, Text(row, "申报方式"));
            Assert.Equal(m.Result.Measure.Text, Text(row, "原文"));
        }

        var questions = Rows(stream, "待补充信息");
        Assert.Equal(view.Questions.Select(q => q.Label), questions.Select(r => Text(r, "待补充信息")));
        var others = Rows(stream, "惠及他方");
        Assert.Equal(view.ReachingOthers.Select(x => x.Amount), others.Select(r => Text(r, "金额")));
        Assert.Equal(view.ReachingOthers.Select(x => x.Beneficiary), others.Select(r => Text(r, "受益方")));
    }

    [Fact]
    public void Excel_TheSameFiguresAsThePdf()
    {
        var made = ReportHost.Make("nanshan-little-giant.json", new DateOnly(2025, 6, 1));
        var pdf = PdfReportTests.Extract(PdfReportTests.Write(made.Report), out _);
        using var stream = Write(made.Report);
        foreach (var row in Rows(stream, "措施"))
            Assert.Contains(PdfReportTests.Squash(Text(row, "金额")), pdf, StringComparison.Ordinal);
        foreach (var row in Rows(stream, "汇总").Where(r => Text(r, "项目").StartsWith("合计·", StringComparison.Ordinal)))
            Assert.Contains(PdfReportTests.Squash(Text(row, "内容")), pdf, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.invalid\",\"点我\")")]
    [InlineData("+1+2")]
    [InlineData("-3")]
    [InlineData("@SUM(A1)")]
    public void Excel_ANameThatLooksLikeAFormula_IsText(string name)
    {
        var profile = ReportHost.Example("nanshan-little-giant.json");
        var made = ReportHost.Make(profile with { Name = name }, new DateOnly(2025, 6, 1));
        using var stream = Write(made.Report);

        Assert.Equal("'" + name, Item(Rows(stream, "汇总"), "企业"));
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            var xml = reader.ReadToEnd();
            Assert.DoesNotContain("<x:f", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<f ", xml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Excel_EmptySheetsKeepTheirHeaders()
    {
        // An enterprise outside every document's area: no measures, questions or others listed.
        var profile = ReportHost.Example("nanshan-little-giant.json");
        var made = ReportHost.Make(profile with { Area = new Srdi.Model.Profiles.EnterpriseArea("北京市", "北京市", "海淀区", null) }, new DateOnly(2025, 6, 1));
        Assert.Empty(made.Report.ReachingOthers);
        using var stream = Write(made.Report);
        // MiniExcel reads a header-only sheet as no rows with a header: read the first row as data.
        var rows = stream.Query(useHeaderRow: false, sheetName: "惠及他方").Cast<IDictionary<string, object?>>().ToList();
        var header = Assert.Single(rows);
        Assert.Equal(["措施", "资金项目", "受益方", "金额"], header.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
    }

    private static MemoryStream Write(PolicyReport report)
    {
        var stream = new MemoryStream();
        PolicyReportExport.WriteExcel(stream, report);
        stream.Position = 0;
        return stream;
    }

    private static List<IDictionary<string, object?>> Rows(MemoryStream stream, string sheet)
    {
        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
        stream.Position = 0;
        return rows;
    }

    private static string Text(IDictionary<string, object?> row, string column) =>
        Convert.ToString(row[column], CultureInfo.InvariantCulture) ?? "";

    private static string Item(List<IDictionary<string, object?>> summary, string item) =>
        Text(summary.Single(r => Text(r, "项目") == item), "内容");

    private static decimal Yuan(List<IDictionary<string, object?>> summary, string item) =>
        Convert.ToDecimal(summary.Single(r => Text(r, "项目") == item)["金额（元）"], CultureInfo.InvariantCulture);
}
