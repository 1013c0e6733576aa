using System.Text;

namespace Srdi.Application.Rosters;

/// <summary>Decides a text roster's encoding: UTF-8 (with or without BOM), or GBK/GB18030 as Excel
/// saves CSV on Chinese Windows. Anything else is refused rather than read as mojibake.</summary>
internal static class RosterEncoding
{
    static RosterEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Detect(string path, List<string> notices)
    {
        var sample = new byte[1 << 20];
        int read;
        using (var file = File.OpenRead(path)) read = file.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        var bytes = sample.AsSpan(0, read);
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return new UTF8Encoding(false);
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE }) || bytes.StartsWith(new byte[] { 0xFE, 0xFF }))
            throw new RosterFormatException("名单是 UTF-16 编码：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”");
        // A cut in the middle of a multi-byte character at the end of the sample is not an error.
        var trimmed = read == sample.Length ? TrimPartial(bytes) : bytes;
        if (Valid(new UTF8Encoding(false, true), trimmed)) return new UTF8Encoding(false);
        var gb = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        if (Valid(gb, read == sample.Length ? bytes[..^1] : bytes))
        {
            notices.Add("名单不是 UTF-8 编码，已按 GBK（GB18030）读取；建议在 Excel 中另存为“CSV UTF-8”");
            return Encoding.GetEncoding("GB18030");
        }
        throw new RosterFormatException("名单的编码无法识别（既不是 UTF-8 也不是 GBK）：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”");
    }

    private static bool Valid(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            encoding.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static ReadOnlySpan<byte> TrimPartial(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.Length;
        for (var i = 0; i < 3 && end > 0 && (bytes[end - 1] & 0xC0) == 0x80; i++) end--;
        if (end > 0 && bytes[end - 1] >= 0xC0) end--;
        return bytes[..end];
    }
}
