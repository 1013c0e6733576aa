using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Srdi.Application.Evaluation;

namespace Srdi.Reports;

/// <summary>Writes a <see cref="PolicyReport"/> as an A4 PDF with PDFsharp, set in the shipped
/// Noto Sans SC (<see cref="ReportFont"/>), Unicode-encoded so the text can be searched and
/// copied: the same sections, words and figures as the 政策体检报告 page.</summary>
internal static class PdfReportWriter
{
    public static void Write(Stream output, PolicyReport report)
    {
        ReportFont.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"{PolicyReport.Title}（{report.EnterpriseName}）";
        document.Info.Subject = PolicyReport.Title;
        document.Info.Creator = "专精特新政策导航";
        var pdf = new PdfComposer(document);
        Compose(pdf, report);
        pdf.Finish(report.EnterpriseName + " · " + PolicyReport.Title);
        document.Save(output, closeStream: false);
    }

    private static void Compose(PdfComposer pdf, PolicyReport r)
    {
        pdf.Title(PolicyReport.Title);
        pdf.Paragraph($"企业：{r.EnterpriseName}（{r.EnterpriseId}）", PdfComposer.Body);
        pdf.Paragraph("评估日期：" + ChineseText.Date(r.At), PdfComposer.Body);
        pdf.Paragraph("注册地：" + r.AreaText, PdfComposer.Body);
        pdf.Paragraph("证书：" + r.CertificatesText, PdfComposer.Body);
        pdf.Paragraph(string.Create(CultureInfo.InvariantCulture, $"生成时间：{r.GeneratedAt:yyyy-MM-dd HH:mm}"), PdfComposer.Small, PdfComposer.Muted);

        pdf.Heading(r.CountedHeading);
        Totals(pdf, r.Counted);
        if (r.DraftsApart is { } drafts)
        {
            pdf.Heading(PolicyReport.DraftsHeading);
            Totals(pdf, drafts);
        }

        foreach (var d in r.Documents)
        {
            pdf.Heading(d.Title, PdfComposer.DocumentSize, PdfComposer.Accent);
            pdf.Paragraph(d.StateLine, PdfComposer.Small, PdfComposer.Muted);
            foreach (var m in d.Measures)
            {
                pdf.Space(4);
                pdf.Paragraph($"{m.Clause} {m.Title}", PdfComposer.MeasureSize, keepLines: 4, keepWithNext: 2);
                pdf.Paragraph($"状态：{m.Status}　金额：{m.Amount}　申报方式：{m.Application}", PdfComposer.Body, indent: 12);
                if (m.Reason.Length > 0) pdf.Paragraph("理由：" + m.Reason, PdfComposer.Body, indent: 12);
                if (m.Caveat is { } caveat) pdf.Paragraph("注意：" + caveat, PdfComposer.Body, indent: 12);
                foreach (var c in m.Computations) pdf.Paragraph("计算：" + c, PdfComposer.Small, indent: 12);
                pdf.Paragraph("原文：" + m.Text, PdfComposer.Small, PdfComposer.Muted, indent: 12);
                if (m.Interpretation is { } note) pdf.Paragraph("解读：" + note, PdfComposer.Small, PdfComposer.Muted, indent: 12);
            }
        }
        if (r.NotHere.Count > 0)
        {
            pdf.Space(6);
            pdf.Paragraph(r.NotHereLine, PdfComposer.Small, PdfComposer.Muted);
        }

        if (r.Questions.Count > 0)
        {
            pdf.Heading(PolicyReport.QuestionsHeading);
            foreach (var q in r.Questions) pdf.Bullet(q.Line, PdfComposer.Body);
        }

        if (r.ReachingOthers.Count > 0)
        {
            pdf.Heading(PolicyReport.OthersHeading);
            foreach (var x in r.ReachingOthers) pdf.Bullet(x.Line, PdfComposer.Body);
        }

        if (r.Tiers is { } tiers)
        {
            pdf.Heading(ReportTiers.Heading);
            pdf.Paragraph(tiers.RulesetLine, PdfComposer.Small, PdfComposer.Muted);
            foreach (var t in tiers.Tiers)
            {
                pdf.Bullet(t.Line, PdfComposer.Body);
                foreach (var g in t.Gaps) pdf.Paragraph("差距：" + g, PdfComposer.Small, indent: 22);
                if (t.MissingLine is { } missing) pdf.Paragraph(missing, PdfComposer.Small, PdfComposer.Muted, indent: 22);
            }
            if (tiers.Upgrade is { } u)
            {
                pdf.Space(4);
                pdf.Paragraph(u.Heading, PdfComposer.MeasureSize, keepWithNext: 2);
                foreach (var d in u.Documents)
                {
                    pdf.Bullet(d.Line, PdfComposer.Body);
                    foreach (var (measure, amount) in d.Opened) pdf.Paragraph($"{measure}：{amount}", PdfComposer.Small, indent: 22);
                    foreach (var k in d.InKindOpened) pdf.Paragraph(k, PdfComposer.Small, indent: 22);
                }
                pdf.Paragraph(u.TotalLine, PdfComposer.Body);
                if (u.DraftLine is { } draftLine) pdf.Paragraph(draftLine, PdfComposer.Body);
            }
            else
            {
                pdf.Paragraph(ReportTiers.NoUpgrade, PdfComposer.Body);
            }
        }
    }

    private static void Totals(PdfComposer pdf, ReportTotals totals)
    {
        foreach (var (label, text, _) in totals.Lines) pdf.Paragraph($"{label}：{text}", PdfComposer.Body, indent: 12);
    }
}

/// <summary>Lays text out on A4 pages top to bottom: wraps lines to the width (Chinese may break
/// between any two characters, Latin words and numbers stay whole, closing punctuation never
/// starts a line), starts a new page when one is full, keeps headings with what follows, and
/// numbers the pages at the end.</summary>
internal sealed class PdfComposer
{
    public const double Body = 10.5;
    public const double Small = 9;
    public const double MeasureSize = 11.5;
    public const double DocumentSize = 14;
    private const double HeadingSize = 13;
    private const double TitleSize = 20;
    private const double Margin = 56;
    private const double BottomMargin = 64;
    private const double LineFactor = 1.5;
    private const double BulletIndent = 12;

    public static readonly XBrush Ink = XBrushes.Black;
    public static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(96, 96, 96));
    public static readonly XBrush Accent = new XSolidBrush(XColor.FromArgb(20, 60, 120));

    private const string ClosingPunctuation = "，。、；：！？）」』》〉】”’,.;:!?)]}%…·";

    private readonly PdfDocument _document;
    private readonly Dictionary<double, XFont> _fonts = [];
    private readonly Dictionary<(double, int), double> _widths = [];
    private PdfPage _page = null!;
    private XGraphics _graphics = null!;
    private double _y;

    public PdfComposer(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    private double Width => _page.Width.Point - 2 * Margin;

    private double Bottom => _page.Height.Point - BottomMargin;

    public void Title(string text)
    {
        var font = Font(TitleSize);
        _graphics.DrawString(text, font, Ink, new XRect(Margin, _y, Width, TitleSize * LineFactor), XStringFormats.TopCenter);
        _y += TitleSize * LineFactor + 6;
        _graphics.DrawLine(new XPen(XColors.LightGray, 0.8), Margin, _y, Margin + Width, _y);
        _y += 8;
    }

    /// <summary>A section heading, kept on the page with at least two lines after it.</summary>
    public void Heading(string text, double size = HeadingSize, XBrush? brush = null)
    {
        Space(size * 0.8);
        Paragraph(text, size, brush ?? Ink, keepLines: 4, keepWithNext: 2);
        Space(2);
    }

    public void Space(double points)
    {
        _y += points;
        if (_y > Bottom) NewPage();
    }

    /// <summary>A list item: a dot drawn (not a character, so that no glyph is shared with the
    /// text's own · and extraction reads the text as written) before the indented text.</summary>
    public void Bullet(string text, double size)
    {
        Paragraph(text, size, indent: BulletIndent, bullet: true);
    }

    /// <param name="indent">Left indent of every line.</param>
    /// <param name="hang">Further indent of the lines after the first.</param>
    /// <param name="keepLines">A paragraph of at most this many lines is never split across pages.</param>
    /// <param name="keepWithNext">Body lines that must fit on the page below the paragraph.</param>
    /// <param name="bullet">Draw a list dot left of the first line.</param>
    public void Paragraph(string text, double size, XBrush? brush = null, double indent = 0, double hang = 0, int keepLines = 3, int keepWithNext = 0, bool bullet = false)
    {
        var font = Font(size);
        var lineHeight = size * LineFactor;
        var lines = Wrap(text, size, Width - indent, Width - indent - hang);
        if (lines.Count <= keepLines && _y + (lines.Count + keepWithNext) * lineHeight > Bottom && _y > Margin) NewPage();
        for (var i = 0; i < lines.Count; i++)
        {
            if (_y + lineHeight > Bottom) NewPage();
            if (bullet && i == 0)
            {
                var d = size * 0.32;
                _graphics.DrawEllipse(brush ?? Ink, Margin + indent - BulletIndent / 2 - d / 2, _y + lineHeight / 2 - d / 2 - size * 0.12, d, d);
            }
            _graphics.DrawString(lines[i], font, brush ?? Ink, new XPoint(Margin + indent + (i > 0 ? hang : 0), _y), XStringFormats.TopLeft);
            _y += lineHeight;
        }
    }

    /// <summary>Ends the last page and writes "第 n 页，共 N 页" under every page.</summary>
    public void Finish(string footer)
    {
        _graphics.Dispose();
        var font = Font(8);
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = _document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var text = string.Create(CultureInfo.InvariantCulture, $"{footer} · 第 {i + 1} 页，共 {count} 页");
            graphics.DrawString(text, font, Muted, new XRect(Margin, page.Height.Point - BottomMargin + 20, page.Width.Point - 2 * Margin, 12), XStringFormats.TopCenter);
        }
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    private XFont Font(double size)
    {
        if (!_fonts.TryGetValue(size, out var font))
        {
            font = new XFont(ReportFont.Family, size, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            _fonts[size] = font;
        }
        return font;
    }

    private double RuneWidth(double size, Rune rune)
    {
        if (!_widths.TryGetValue((size, rune.Value), out var width))
        {
            width = _graphics.MeasureString(rune.ToString(), Font(size)).Width;
            _widths[(size, rune.Value)] = width;
        }
        return width;
    }

    /// <summary>Breaks text into lines no wider than the widths given (the first line, then the
    /// rest). A line break in the text starts a new line.</summary>
    internal List<string> Wrap(string text, double size, double firstWidth, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = new StringBuilder();
            var lineWidth = 0.0;
            var max = lines.Count == 0 ? firstWidth : width;
            foreach (var token in Tokens(paragraph))
            {
                var tokenWidth = token.EnumerateRunes().Sum(r => RuneWidth(size, r));
                var fits = lineWidth + tokenWidth <= max;
                var hangs = line.Length > 0 && token.Length == 1 && ClosingPunctuation.Contains(token[0], StringComparison.Ordinal);
                if (fits || hangs)
                {
                    line.Append(token);
                    lineWidth += tokenWidth;
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line.ToString().TrimEnd());
                    line.Clear();
                    lineWidth = 0;
                    max = width;
                }
                if (token == " ") continue;
                if (tokenWidth <= max)
                {
                    line.Append(token);
                    lineWidth = tokenWidth;
                    continue;
                }
                // A word longer than a line: break it between characters.
                foreach (var rune in token.EnumerateRunes())
                {
                    var w = RuneWidth(size, rune);
                    if (lineWidth + w > max && line.Length > 0)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                        lineWidth = 0;
                    }
                    line.Append(rune.ToString());
                    lineWidth += w;
                }
            }
            lines.Add(line.ToString().TrimEnd());
        }
        return lines;
    }

    /// <summary>Runs of Latin letters, digits and the marks inside numbers stay together; every
    /// other character (each Chinese character, each space) is a token of its own.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (Rune.IsLetterOrDigit(rune) || rune.Value is '.' or ',' or '%' or '-' or '/' or '_'))
            {
                word.Append((char)rune.Value);
                continue;
            }
            if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
            yield return rune.ToString();
        }
        if (word.Length > 0) yield return word.ToString();
    }
}
