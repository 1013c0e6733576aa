using System.Globalization;
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

    public override bool Read(RawRow row)
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
            _row++;
            var count = _reader.RowFieldCount;
            var cells = new string?[count];
            for (var i = 0; i < count; i++)
            {
                var value = _reader.GetString(i);
                cells[i] = value.Length == 0 ? null : value;
            }
            if (Emit(row, _row, cells)) return true;
        }
    }

    public override void Dispose()
    {
        _reader.Dispose();
        _file.Dispose();
    }
}
