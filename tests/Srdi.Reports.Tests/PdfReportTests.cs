using System.Globalization;
using System.Text;
using Srdi.Application.Evaluation;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Formatting;
using Srdi.Model.Policies;
using Srdi.Model.Vocabulary;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using Xunit;

namespace Srdi.Reports.Tests;

/// <summary>The PDF read back with PdfPig: what a person (or a search) finds in it is what the
/// services decided, in their Chinese.</summary>
public sealed class PdfReportTests
{
    public static TheoryData<string, string> Examples => new()
    {
        { "nanshan-little-giant.json", "2025-06-01" },
        { "xiamen-little-giant.json", "2025-09-01" },
        // Holds no little-giant title: the report carries an upgrade value with measures it opens.
        { "nanshan-sensor-manufacturer.json", "2025-06-01" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Pdf_HoldsTheEnterpriseEveryMeasureThatConcernsItAndTheFigures(string example, string date)
    {
        var made = ReportHost.Make(example, DateOnly.Parse(date, CultureInfo.InvariantCulture));
        var view = made.View;
        var bytes = Write(made.Report);
        ReportHost.KeepSample(PolicyReportExport.PdfFileName(made.Report), bytes);
        var text = Extract(bytes, out var pages);

        Assert.Contains(Squash(view.Enterprise.Name!), text, StringComparison.Ordinal);
        Assert.Contains(Squash(PolicyReport.Title), text, StringComparison.Ordinal);
        Assert.Contains(Squash(ChineseText.Date(view.At)), text, StringComparison.Ordinal);
        var measures = view.Documents.SelectMany(d => d.Measures).ToList();
        Assert.NotEmpty(measures);
        foreach (var d in view.Documents) Assert.Contains(Squash(d.Document.Title), text, StringComparison.Ordinal);
        foreach (var m in measures)
        {
            Assert.Contains(Squash(m.Result.Measure.Title), text, StringComparison.Ordinal);
            Assert.Contains(Squash(m.Status), text, StringComparison.Ordinal);
            Assert.Contains(Squash(m.Amount), text, StringComparison.Ordinal);
        }
        // The totals, as the page renders them.
        foreach (var figure in new[] { view.Counted.Exact, view.Counted.UpTo, view.Counted.Scheduled })
            Assert.Contains(Squash("：" + Amounts.Chinese(figure)), text, StringComparison.Ordinal);
        foreach (var q in view.Questions) Assert.Contains(Squash(q.Label), text, StringComparison.Ordinal);
        foreach (var x in view.ReachingOthers) Assert.Contains(Squash(x.Amount), text, StringComparison.Ordinal);
        foreach (var tier in made.Assessment.Report.Tiers) Assert.Contains(Squash(tier.Tier.Name), text, StringComparison.Ordinal);
        if (made.Assessment.Upgrade is { } upgrade)
        {
            Assert.Contains(Squash("合计（现行有效）：确定 +" + Amounts.Chinese(upgrade.InForceDifference.Exact)), text, StringComparison.Ordinal);
            foreach (var opened in upgrade.Documents.SelectMany(d => d.Opened))
                Assert.Contains(Squash(opened.Measure.Title + "：" + ChineseText.Amount(opened)), text, StringComparison.Ordinal);
        }

        // Measures of documents whose area does not cover the enterprise are not listed.
        var listed = measures.Select(m => m.Result.Measure.Title).ToHashSet(StringComparer.Ordinal);
        foreach (var title in view.NotHere.SelectMany(d => d.Measures).Select(m => m.Title).Where(t => !listed.Contains(t) && !listed.Any(l => l.Contains(t, StringComparison.Ordinal))))
            Assert.DoesNotContain(Squash(title), text, StringComparison.Ordinal);

        // Pages are numbered.
        Assert.True(pages > 1, "报告应有多页");
        Assert.Contains(Squash(string.Create(CultureInfo.InvariantCulture, $"第 1 页，共 {pages} 页")), text, StringComparison.Ordinal);
        Assert.Contains(Squash(string.Create(CultureInfo.InvariantCulture, $"第 {pages} 页，共 {pages} 页")), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_TheVerbatimClauseTextIsThere()
    {
        var made = ReportHost.Make("nanshan-little-giant.json", new DateOnly(2025, 6, 1));
        var text = Extract(Write(made.Report), out _);
        foreach (var m in made.View.Documents.SelectMany(d => d.Measures))
            Assert.Contains(Squash(m.Result.Measure.Text), text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Pdf_NoCodeWordReachesTheReader(string example, string date)
    {
        var made = ReportHost.Make(example, DateOnly.Parse(date, CultureInfo.InvariantCulture));
        var text = Extract(Write(made.Report), out _);
        var codes = Codes.All<MeasureStatus>().Concat(Codes.All<BenefitKind>()).Concat(Codes.All<ApplicationMode>())
            .Concat(made.View.Documents.SelectMany(d => d.Measures).Select(m => m.Result.Measure.Id))
            .Concat(made.Assessment.Upgrade?.Documents.SelectMany(d => d.Opened).Select(m => m.Measure.Id) ?? [])
            .Concat(made.View.Enterprise.Facts.Keys)
            .Concat(made.View.Documents.SelectMany(d => d.Measures).Select(m => m.Result.Measure.Beneficiary));
        foreach (var code in codes.Distinct(StringComparer.Ordinal))
            Assert.DoesNotContain(code, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_EmbedsTheShippedFontAndSetsEveryLetterInIt()
    {
        var made = ReportHost.Make("nanshan-little-giant.json", new DateOnly(2025, 6, 1));
        var bytes = Write(made.Report);
        using var pdf = PdfDocument.Open(bytes);
        var fontNames = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(fontNames);
        Assert.All(fontNames, name => Assert.Contains(ReportFont.EmbeddedName, name, StringComparison.Ordinal));

        // A TrueType font program (FontFile2) is embedded for that font.
        var embedded = pdf.Structure.CrossReferenceTable.ObjectOffsets.Keys
            .Select(reference => pdf.Structure.GetObject(reference).Data)
            .OfType<DictionaryToken>()
            .Where(d => d.TryGet(NameToken.FontFile2, out _))
            .Select(d => d.TryGet(NameToken.FontName, out NameToken name) ? name.Data : "")
            .ToList();
        Assert.Contains(embedded, name => name.Contains(ReportFont.EmbeddedName, StringComparison.Ordinal));
        // Only the glyphs used are embedded, not the whole 10 MB font.
        Assert.True(bytes.Length < 2_000_000, $"PDF 过大：{bytes.Length} 字节");
    }

    [Fact]
    public void Pdf_LongNamesWrapAndStayWhole()
    {
        var profile = ReportHost.Example("nanshan-little-giant.json");
        var name = string.Concat(Enumerable.Repeat("深圳市南山区某某精密传感器研究与制造", 6)) + "有限公司";
        var made = ReportHost.Make(profile with { Name = name }, new DateOnly(2025, 6, 1));
        var text = Extract(Write(made.Report), out _);
        Assert.Contains(Squash(name), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_ReportsWrittenAtOnceDoNotDisturbEachOther()
    {
        var reports = PdfReportTests.Examples.Select(row => ReportHost.Make((string)row[0], DateOnly.Parse((string)row[1], CultureInfo.InvariantCulture))).ToList();
        var texts = reports.AsParallel().WithDegreeOfParallelism(reports.Count).Select(m => (m, Text: Extract(Write(m.Report), out _))).ToList();
        foreach (var (m, text) in texts)
        {
            Assert.Contains(Squash(m.View.Enterprise.Name!), text, StringComparison.Ordinal);
            foreach (var other in reports.Where(o => o != m))
                Assert.DoesNotContain(Squash(other.View.Enterprise.Name!), text, StringComparison.Ordinal);
        }
    }

    internal static byte[] Write(PolicyReport report)
    {
        using var stream = new MemoryStream();
        PolicyReportExport.WritePdf(stream, report);
        Assert.True(stream.CanWrite, "写完后应保持流打开");
        return stream.ToArray();
    }

    /// <summary>All pages' text, whitespace removed (lines wrap anywhere in Chinese): the body
    /// of every page in order, then the page footers (so that text running over a page break
    /// reads as one).</summary>
    internal static string Extract(byte[] bytes, out int pages)
    {
        using var pdf = PdfDocument.Open(bytes);
        pages = pdf.NumberOfPages;
        var body = new StringBuilder();
        var footers = new StringBuilder();
        foreach (var page in pdf.GetPages())
        {
            foreach (var letter in page.Letters)
                (letter.StartBaseLine.Y < FooterTop ? footers : body).Append(letter.Value);
        }
        return Squash(body.Append(footers).ToString());
    }

    /// <summary>Footers sit below this height (points from the bottom of the page); the body
    /// ends 64 points above it.</summary>
    private const double FooterTop = 52;

    internal static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
