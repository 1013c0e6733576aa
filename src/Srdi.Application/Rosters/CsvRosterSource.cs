using System.Globalization;
using System.Runtime.CompilerServices;
using Sylvan.Data.Csv;

namespace Srdi.Application.Rosters;

/// <summary>A CSV roster, read with Sylvan's streaming reader. Row numbers are spreadsheet rows
/// (the header is row 1).</summary>
internal sealed class CsvRosterSource : RosterSource
{
    private readonly Stream _file;
    private readonly CsvDataReader _reader;
    private long _row = 1;

    public CsvRosterSource(Stream stream)
    {
        var encoding = RosterEncoding.Detect(ref stream, Notices);
        _file = stream;
        var text = new StreamReader(_file, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        try
        {
            _reader = CsvDataReader.Create(text, new CsvDataReaderOptions
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
        Headers = Enumerable.Range(0, _reader.FieldCount).Select(_reader.GetName).ToList();
    }

    public override double Progress => Through(_file);

    protected override long LastRow => _row;

    // The row path is compiled fully at its first call rather than run precompiled until tiered up (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override bool ReadRow(RawRow row)
    {
        while (true)
        {
            try
            {
                if (!_reader.Read()) return false;
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
            var count = _reader.RowFieldCount;
            // The cells are copied into the chunk's characters, never made into strings here: the
            // worker binding the row makes a string only of what the record keeps (an id, a name).
            // Unquoted and unescaped, they take no more room than the record as written; a record
            // longer than a cell may be is measured first, as its oversized cells are not kept.
            var room = _reader.GetRawRecordSpan().Length;
            if (room > MaxCellLength) room = KeptLength(count);
            var chars = CharsOf(row);
            var text = chars.Reserve(room);
            var ends = EndsOf(row, count);
            var used = 0;
            RowProblem? problem = null;
            for (var i = 0; i < count; i++)
            {
                // An oversized cell is measured, never copied.
                var field = _reader.GetFieldSpan(i);
                if (field.Length > MaxCellLength)
                {
                    problem ??= LongCell(_row, i, field.Length);
                    field = default;
                }
                field.CopyTo(text[used..]);
                ends[i] = used += field.Length;
            }
            chars.Commit(used);
            if (problem is not null) return Reject(row, _row, count, problem);
            if (Emit(row, _row, count)) return true;
        }
    }

    /// <summary>The characters of the record's cells, those over <see cref="RosterSource.MaxCellLength"/> left out.</summary>
    private int KeptLength(int count)
    {
        var length = 0;
        for (var i = 0; i < count; i++)
        {
            var field = _reader.GetFieldSpan(i).Length;
            if (field <= MaxCellLength) length += field;
        }
        return length;
    }

    public override void Dispose()
    {
        _reader.Dispose();
        _file.Dispose();
    }
}
