using System.Globalization;
using System.Runtime.CompilerServices;
using Sylvan.Data.Csv;

namespace Srdi.Application.Rosters;

/// <summary>A CSV roster. Row numbers are spreadsheet rows (the header is row 1). Records written
/// as nearly every roster is are split here, a record at a time, and copied into the chunk whole
/// (<see cref="CsvRecord"/>); from the first record this reader does not fully understand (a comment
/// line, a stray quote, broken quoting) to the end of the file, Sylvan's streaming reader reads
/// on, given the header again so that it reads the rest as it would have read the whole file.
/// Its answers, errors included, are the reference: CsvRosterSourceTests compares the two.</summary>
internal sealed class CsvRosterSource : RosterSource
{
    /// <summary>The longest record held, as Sylvan's own limit: a longer one is left to Sylvan, which refuses it.</summary>
    private const int MaxRecordLength = 16 << 20;

    /// <summary>The characters of the buffer Sylvan decides the delimiter and line ends from.</summary>
    private const int SylvanBufferSize = 1 << 16;

    private static readonly char[] Delimiters = [',', '\t', ';', '|'];

    private readonly Stream _file;
    private readonly TextReader _text;
    private char[] _buffer;
    private int _start, _end;

    /// <summary>Set once the text reader has nothing more: the buffer holds the rest of the file.</summary>
    private bool _final;

    private readonly char _delimiter;

    /// <summary>The header record as written, to be given again to Sylvan if it takes over.</summary>
    private string _header = "";

    /// <summary>Cells a record may have before the row's bounds grow.</summary>
    private int _cells = 128;

    /// <summary>Sylvan, once it reads on.</summary>
    private CsvDataReader? _general;

    private long _row = 1;

    public CsvRosterSource(Stream stream) : this(stream, 1 << 17)
    {
    }

    /// <summary>For tests: a small <paramref name="bufferSize"/> puts records across buffer ends.</summary>
    internal CsvRosterSource(Stream stream, int bufferSize)
    {
        var encoding = RosterEncoding.Detect(ref stream, Notices);
        _file = stream;
        _text = new StreamReader(_file, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        _buffer = new char[Math.Max(bufferSize, 16)];
        _end = _text.ReadBlock(_buffer);
        _final = _end < _buffer.Length;
        if (Delimiter() is { } delimiter && Header(delimiter) is { } headers)
        {
            _delimiter = delimiter;
            Headers = headers;
            return;
        }
        // A header this reader does not fully understand: Sylvan reads the whole file, as it always did.
        _general = General(new ReplayedText(new string(_buffer, 0, _end), _final ? null : _text));
        Headers = Enumerable.Range(0, _general.FieldCount).Select(_general.GetName).ToList();
        _start = _end;
    }

    /// <summary>The delimiter as Sylvan decides it: the most frequent of , tab ; | on the first line
    /// holding any (the first in that order on a tie). Null where Sylvan would decide from more
    /// than the header line (a one-column header) or read "\r" alone as the line end: Sylvan reads
    /// such a file from its start.</summary>
    private char? Delimiter()
    {
        Span<int> counts = stackalloc int[Delimiters.Length];
        var scanned = Math.Min(_end, SylvanBufferSize);
        for (var i = 0; i < scanned; i++)
        {
            var c = _buffer[i];
            if (c is '\r' or '\n')
            {
                // Sylvan reads "\r" alone as the line end of the whole file; one at the very end of
                // its first buffer too, as it then sees the empty room after it.
                if (c == '\r' && (i + 1 == _end || _buffer[i + 1] != '\n')) return null;
                var best = -1;
                for (var d = 0; d < counts.Length; d++)
                    if (counts[d] > 0 && (best < 0 || counts[d] > counts[best]))
                        best = d;
                return best < 0 ? null : Delimiters[best];
            }
            var k = Array.IndexOf(Delimiters, c);
            if (k >= 0) counts[k]++;
        }
        return null;
    }

    /// <summary>The header's cells; null when the header record is not one this reader splits.</summary>
    private List<string>? Header(char delimiter)
    {
        var starts = new int[_cells];
        var ends = new int[_cells];
        while (true)
        {
            var record = _buffer.AsSpan(0, _end);
            switch (CsvRecord.Split(record, delimiter, _final, starts, ends, out var count, out var length))
            {
                case CsvSplit.Complete:
                    _header = new string(record[..length]);
                    var cells = record[..ends[count - 1]].ToArray();
                    CsvRecord.Unquote(cells, starts, ends, count);
                    _start = length;
                    return Enumerable.Range(0, count).Select(i => new string(cells.AsSpan(starts[i], ends[i] - starts[i]))).ToList();
                case CsvSplit.More:
                    if (!Fill()) return null;
                    break;
                case CsvSplit.Room:
                    _cells *= 2;
                    starts = new int[_cells];
                    ends = new int[_cells];
                    break;
                default:
                    return null;
            }
        }
    }

    public override double Progress => Through(_file);

    protected override long LastRow => _row;

    // The row path is compiled fully at its first call rather than run precompiled until tiered up (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override bool ReadRow(RawRow row)
    {
        while (true)
        {
            if (_general is not null) return ReadGeneral(row);
            if (_start == _end)
            {
                if (_final) return false;
                Fill();
                continue;
            }
            var (starts, ends) = Bounds(row, _cells);
            var status = CsvRecord.Split(_buffer.AsSpan(_start, _end - _start), _delimiter, _final, starts, ends, out var count, out var length);
            if (status != CsvSplit.Complete)
            {
                if (status == CsvSplit.Room) _cells *= 2;
                else if (status == CsvSplit.Unusual || !Fill()) ReadOnWithSylvan();
                continue;
            }
            _row++;
            var record = _buffer.AsSpan(_start, ends[count - 1]);
            _start += length;
            // The record's quoted cells are unescaped where they lie: the buffer is done with it.
            CsvRecord.Unquote(record, starts, ends, count);
            var problem = record.Length > MaxCellLength ? LongCell(starts, ends, count) : null;
            var chars = CharsOf(row);
            if (problem is null)
            {
                // The whole record in one copy, delimiters and all: the bounds say where its cells lie.
                var text = chars.Reserve(record.Length);
                record.CopyTo(text);
                chars.Commit(record.Length);
                if (Emit(row, _row, count)) return true;
                continue;
            }
            // An oversized cell is measured, never copied: the others are copied one by one.
            chars.Begin();
            for (var i = 0; i < count; i++)
            {
                var cell = record[starts[i]..ends[i]];
                if (cell.Length > MaxCellLength) cell = default;
                starts[i] = i == 0 ? 0 : ends[i - 1];
                ends[i] = chars.Append(cell);
            }
            return Reject(row, _row, count, problem);
        }
    }

    /// <summary>The first cell over <see cref="RosterSource.MaxCellLength"/>, as a problem; null if none.</summary>
    private RowProblem? LongCell(int[] starts, int[] ends, int count)
    {
        for (var i = 0; i < count; i++)
            if (ends[i] - starts[i] > MaxCellLength)
                return LongCell(_row, i, ends[i] - starts[i]);
        return null;
    }

    /// <summary>Reads more of the file into the buffer, keeping the record begun; false when the
    /// record begun already fills the longest buffer allowed.</summary>
    private bool Fill()
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        else if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxRecordLength) return false;
            Array.Resize(ref _buffer, Math.Min(MaxRecordLength, 2 * _buffer.Length));
        }
        var read = _text.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _final = true;
        _end += read;
        return true;
    }

    /// <summary>Hands the rest of the file, from the record begun, to Sylvan, after the header.</summary>
    private void ReadOnWithSylvan()
    {
        var rest = new ReplayedText(_header + new string(_buffer, _start, _end - _start), _final ? null : _text);
        _start = _end;
        _general = General(rest);
    }

    private static CsvDataReader General(TextReader text)
    {
        try
        {
            return CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                HasHeaders = true,
                BufferSize = 1 << 16,
                MaxBufferSize = 16 << 20,
            });
        }
        catch (Exception e) when (e is CsvFormatException or InvalidDataException)
        {
            throw new RosterFormatException($"无法读取 CSV 表头：{e.Message}");
        }
    }

    private bool ReadGeneral(RawRow row)
    {
        var reader = _general!;
        while (true)
        {
            try
            {
                if (!reader.Read()) return false;
            }
            catch (CsvRecordTooLargeException)
            {
                throw new RosterFormatException(string.Create(CultureInfo.InvariantCulture, $"第 {_row + 1} 行附近有超过 16 MB 的记录（可能缺少结尾引号）"));
            }
            catch (CsvFormatException e)
            {
                // Sylvan cannot read on after broken quoting, and guessing where the record ends
                // could shift every later row into the wrong columns: the file is refused, at its row.
                throw new RosterFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"第 {_row + 1} 行的引号不成对（{(e.Message.Contains("closing quote", StringComparison.Ordinal) ? "引号内的引号须写成两个 \"\"，或整个单元格不加引号" : "引号未闭合")}）：请在 Excel 中另存为 CSV 或修正该行后重试"));
            }
            _row++;
            var count = reader.RowFieldCount;
            // Unquoted and unescaped, the cells take no more room than the record as written; a
            // record longer than a cell may be is measured first, as its oversized cells are not kept.
            var room = reader.GetRawRecordSpan().Length;
            if (room > MaxCellLength) room = KeptLength(reader, count);
            var chars = CharsOf(row);
            var text = chars.Reserve(room);
            var (starts, ends) = Bounds(row, count);
            var used = 0;
            RowProblem? problem = null;
            for (var i = 0; i < count; i++)
            {
                // An oversized cell is measured, never copied.
                var field = reader.GetFieldSpan(i);
                if (field.Length > MaxCellLength)
                {
                    problem ??= LongCell(_row, i, field.Length);
                    field = default;
                }
                field.CopyTo(text[used..]);
                starts[i] = used;
                ends[i] = used += field.Length;
            }
            chars.Commit(used);
            if (problem is not null) return Reject(row, _row, count, problem);
            if (Emit(row, _row, count)) return true;
        }
    }

    /// <summary>The characters of the record's cells, those over <see cref="RosterSource.MaxCellLength"/> left out.</summary>
    private static int KeptLength(CsvDataReader reader, int count)
    {
        var length = 0;
        for (var i = 0; i < count; i++)
        {
            var field = reader.GetFieldSpan(i).Length;
            if (field <= MaxCellLength) length += field;
        }
        return length;
    }

    public override void Dispose()
    {
        _general?.Dispose();
        _text.Dispose();
        _file.Dispose();
    }
}

/// <summary>Text already read put back in front of the rest of a text reader (none at the end of
/// the file). A read fills what it is given as far as the text goes: Sylvan decides the delimiter
/// from its first read, which must not stop short where the replayed text ends.</summary>
internal sealed class ReplayedText(string replayed, TextReader? rest) : TextReader
{
    private int _at;

    public override int Peek() => _at < replayed.Length ? replayed[_at] : rest?.Peek() ?? -1;

    public override int Read() => _at < replayed.Length ? replayed[_at++] : rest?.Read() ?? -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = Math.Min(buffer.Length, replayed.Length - _at);
        replayed.AsSpan(_at, n).CopyTo(buffer);
        _at += n;
        return n == buffer.Length || rest is null ? n : n + rest.ReadBlock(buffer[n..]);
    }
}
