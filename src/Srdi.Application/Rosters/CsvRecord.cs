using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Srdi.Application.Rosters;

/// <summary>Finds the cells of one CSV record at the start of a span of text, for the records
/// written as nearly every roster is: cells that are unquoted, or quoted whole (<c>"a,""b"""</c>),
/// records ending at <c>\n</c> or <c>\r\n</c>. Anything else (a quote inside an unquoted
/// cell, text after a closing quote, a comment line, "\r" alone, a record longer than the text given) is
/// <see cref="CsvSplit.Unusual"/>, and the caller hands it to a general reader: this type never
/// guesses at a record it does not fully understand. Delimiters, quotes and line ends are found 16
/// characters at a time where the processor can compare them so.</summary>
internal static class CsvRecord
{
    /// <summary>Sylvan's comment mark: a record that starts with it is a comment line.</summary>
    private const char Comment = '#';

    /// <summary>Splits the record at the start of <paramref name="text"/>. On
    /// <see cref="CsvSplit.Complete"/>: <paramref name="count"/> cells, cell i from
    /// <paramref name="starts"/>[i] to <paramref name="ends"/>[i] with its quotes, or, for a quoted
    /// cell, <paramref name="starts"/>[i] is the opening quote's position, negated, minus one (see
    /// <see cref="Unquote"/>); <paramref name="length"/> the record's characters with its line end.
    /// <see cref="CsvSplit.More"/> when the text ends inside the record and more can come
    /// (<paramref name="final"/> false); <see cref="CsvSplit.Room"/> when the cells outnumber the arrays.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CsvSplit Split(ReadOnlySpan<char> text, char delimiter, bool final, Span<int> starts, Span<int> ends, out int count, out int length)
    {
        count = 0;
        length = 0;
        if (text.IsEmpty) return final ? CsvSplit.Unusual : CsvSplit.More;
        if (text[0] == Comment) return CsvSplit.Unusual;
        var n = 0;
        var i = 0;
        starts[0] = 0;
        ref var at = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        while (true)
        {
            var block = i;
            uint marks;
            if (Vector256.IsHardwareAccelerated && i + Vector256<ushort>.Count <= text.Length)
            {
                var chars = Vector256.LoadUnsafe(ref at, (nuint)i);
                marks = Vector256.ExtractMostSignificantBits(Vector256.Equals(chars, Vector256.Create((ushort)delimiter))
                    | Vector256.Equals(chars, Vector256.Create((ushort)'"'))
                    | Vector256.Equals(chars, Vector256.Create((ushort)'\r'))
                    | Vector256.Equals(chars, Vector256.Create((ushort)'\n')));
                i += Vector256<ushort>.Count;
            }
            else if (i < text.Length)
            {
                marks = 0;
                var end = Math.Min(text.Length, i + 16);
                for (var j = i; j < end; j++)
                    if (text[j] == delimiter || text[j] is '"' or '\r' or '\n')
                        marks |= 1u << (j - i);
                i = end;
            }
            else
            {
                // The text ends inside an unquoted cell: the end of the file ends the record.
                if (!final) return CsvSplit.More;
                ends[n] = text.Length;
                count = n + 1;
                length = text.Length;
                return CsvSplit.Complete;
            }
            while (marks != 0)
            {
                var p = block + BitOperations.TrailingZeroCount(marks);
                marks &= marks - 1;
                var c = text[p];
                if (c == delimiter)
                {
                    if (n + 1 >= ends.Length) return CsvSplit.Room;
                    ends[n] = p;
                    starts[++n] = p + 1;
                    continue;
                }
                if (c is '\r' or '\n')
                {
                    ends[n] = p;
                    if (c == '\r')
                    {
                        // "\r" alone is read one way by Sylvan's vectorized path and another by its
                        // character path: such a record is left to it.
                        if (p + 1 == text.Length) return final ? CsvSplit.Unusual : CsvSplit.More;
                        if (text[p + 1] != '\n') return CsvSplit.Unusual;
                        p++;
                    }
                    count = n + 1;
                    length = p + 1;
                    return CsvSplit.Complete;
                }
                // A quote: only a cell quoted whole is usual.
                if (p != starts[n]) return CsvSplit.Unusual;
                var close = Closing(text, p + 1, final);
                if (close < 0) return final ? CsvSplit.Unusual : CsvSplit.More;
                var after = close + 1;
                starts[n] = -p - 1;
                if (after == text.Length)
                {
                    if (!final) return CsvSplit.More;
                    ends[n] = after;
                    count = n + 1;
                    length = after;
                    return CsvSplit.Complete;
                }
                if (text[after] != delimiter && text[after] is not ('\r' or '\n')) return CsvSplit.Unusual;
                // The blocks go on from the character after the closing quote.
                i = after;
                marks = 0;
            }
        }
    }

    /// <summary>The closing quote of a quoted cell whose content starts at <paramref name="from"/>,
    /// doubled quotes being content; -1 when the text ends first (a quote at its very end is the
    /// closing one only at the end of the file: otherwise it may be the first of a pair).</summary>
    private static int Closing(ReadOnlySpan<char> text, int from, bool final)
    {
        var k = from;
        while (true)
        {
            var quote = text[k..].IndexOf('"');
            if (quote < 0) return -1;
            k += quote;
            if (k + 1 == text.Length) return final ? k : -1;
            if (text[k + 1] != '"') return k;
            k += 2;
        }
    }

    /// <summary>Unescapes the quoted cells of a split record in place, in <paramref name="text"/>
    /// (a copy of the record): each keeps its content from the opening quote's position on, its
    /// doubled quotes made single, and gets its true start and end.</summary>
    public static void Unquote(Span<char> text, Span<int> starts, Span<int> ends, int count)
    {
        for (var c = 0; c < count; c++)
        {
            if (starts[c] >= 0) continue;
            var open = -starts[c] - 1;
            var write = open;
            var read = open + 1;
            var close = ends[c] - 1;
            while (read < close)
            {
                var ch = text[read++];
                text[write++] = ch;
                // The first of a doubled quote is kept, the second skipped.
                if (ch == '"') read++;
            }
            starts[c] = open;
            ends[c] = write;
        }
    }
}

internal enum CsvSplit
{
    Complete,
    More,
    Room,
    Unusual,
}
