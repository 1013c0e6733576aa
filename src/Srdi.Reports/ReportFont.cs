using PdfSharp.Fonts;

namespace Srdi.Reports;

/// <summary>The one font the PDF is set in: Noto Sans SC Regular (SIL Open Font License 1.1,
/// Fonts/OFL.txt), TrueType outlines, embedded in this assembly. It is loaded from the assembly,
/// never from the machine's fonts, so a fresh server without any CJK font writes the same PDF;
/// PDFsharp embeds the subset of glyphs a report uses.</summary>
internal sealed class ReportFont : IFontResolver
{
    /// <summary>The family name the writer asks PDFsharp for: unlikely to clash with a host's
    /// own resolver.</summary>
    public const string Family = "Srdi Noto Sans SC";

    /// <summary>The font's name as PDFsharp writes it into the PDF (behind a subset prefix).</summary>
    public const string EmbeddedName = "Noto Sans SC Regular";

    private const string Face = "SrdiNotoSansSC-Regular";
    private const string Resource = "Srdi.Reports.Fonts.NotoSansSC-Regular.ttf";

    private static readonly Lazy<byte[]> Bytes = new(Load);
    private static readonly Lock Gate = new();
    private static readonly ReportFont Instance = new();

    /// <summary>Makes PDFsharp find the font: as its resolver, or as the fallback behind a
    /// resolver the host set first. PDFsharp's settings are process-wide; the same instance is
    /// set every time, as PDFsharp asks.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null || ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
                GlobalFontSettings.FontResolver = Instance;
            else if (GlobalFontSettings.FallbackFontResolver is null || ReferenceEquals(GlobalFontSettings.FallbackFontResolver, Instance))
                GlobalFontSettings.FallbackFontResolver = Instance;
            else
                throw new InvalidOperationException("PDFsharp 已设置其他字体解析器，无法加载报告所用的思源黑体（Noto Sans SC）。");
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(Face) : null;

    public byte[]? GetFont(string faceName) => string.Equals(faceName, Face, StringComparison.Ordinal) ? Bytes.Value : null;

    private static byte[] Load()
    {
        using var stream = typeof(ReportFont).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"程序集中缺少报告字体资源 {Resource}。");
        using var copy = new MemoryStream(checked((int)stream.Length));
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
