using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Srdi.Application.Batch;

/// <summary>Appends CSV text straight to a UTF-8 buffer: a million enterprises write tens of
/// millions of fields, so the constant parts are encoded once and numbers are formatted in place.</summary>
internal static class Utf8Lines
{
    public static void Append(this ArrayBufferWriter<byte> target, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(target.GetSpan(bytes.Length));
        target.Advance(bytes.Length);
    }

    public static void Append(this ArrayBufferWriter<byte> target, byte b)
    {
        target.GetSpan(1)[0] = b;
        target.Advance(1);
    }

    public static void Append(this ArrayBufferWriter<byte> target, long number)
    {
        var span = target.GetSpan(24);
        Utf8Formatter.TryFormat(number, span, out var written);
        target.Advance(written);
    }

    public static void Append(this ArrayBufferWriter<byte> target, decimal number)
    {
        var span = target.GetSpan(40);
        Utf8Formatter.TryFormat(number, span, out var written);
        target.Advance(written);
    }

    /// <summary>A CSV field, quoted only when it must be.</summary>
    public static void AppendField(this ArrayBufferWriter<byte> target, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0) value = "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var span = target.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length));
        target.Advance(Encoding.UTF8.GetBytes(value, span));
    }

    public static byte[] Field(string? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.AppendField(value);
        return buffer.WrittenSpan.ToArray();
    }
}
