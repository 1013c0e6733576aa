using System.Text;

namespace Srdi.Application.Rosters;

/// <summary>Decides a text roster's encoding: UTF-8 (with or without BOM), or GBK/GB18030 as Excel
/// saves CSV on Chinese Windows. Anything else is refused rather than read as mojibake.</summary>
internal static class RosterEncoding
{
    static RosterEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decides from the first megabyte, then puts the stream back where it was: by seeking,
    /// or, for a stream that cannot seek, by replacing it with one that replays the sample first.</summary>
    public static Encoding Detect(ref Stream stream, List<string> notices)
    {
        var sample = new byte[1 << 20];
        var start = stream.CanSeek ? stream.Position : 0;
        var read = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        if (stream.CanSeek) stream.Position = start;
        else stream = new ReplayedStream(sample.AsMemory(0, read), stream);
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

/// <summary>A stream that cannot seek, with the sample already read from it put back in front.</summary>
internal sealed class ReplayedStream(ReadOnlyMemory<byte> sample, Stream rest) : Stream
{
    private ReadOnlyMemory<byte> _sample = sample;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_sample.IsEmpty) return rest.Read(buffer);
        var n = Math.Min(buffer.Length, _sample.Length);
        _sample.Span[..n].CopyTo(buffer);
        _sample = _sample[n..];
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) rest.Dispose();
        base.Dispose(disposing);
    }
}
