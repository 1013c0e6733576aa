using System.Globalization;
using MiniExcelLibs;

namespace Srdi.Application.Rosters;

/// <summary>An Excel roster (.xlsx, first sheet), streamed row by row by MiniExcel.</summary>
internal sealed class XlsxRosterSource : RosterSource
{
    private readonly Stream _file;
    private readonly IEnumerator<IDictionary<string, object?>> _rows;
    private readonly string[] _columns;
    private long _row = 1;

    public XlsxRosterSource(Stream stream)
    {
        if (!stream.CanSeek)
        {
            var buffered = new MemoryStream();
            stream.CopyTo(buffered);
            stream.Dispose();
            buffered.Position = 0;
            stream = buffered;
        }
        _file = stream;
        try
        {
            _rows = _file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().GetEnumerator();
            if (!_rows.MoveNext()) throw new RosterFormatException("Excel 名单是空的：第一行应为表头");
        }
        catch (Exception e) when (e is not RosterFormatException)
        {
            throw new RosterFormatException($"无法读取 Excel 名单：{e.Message}");
        }
        var header = _rows.Current;
        _columns = header.Keys.ToArray();
        Headers = _columns.Select(k => Cell(header[k]) ?? "").ToList();
    }

    public override double Progress => Through(_file);

    public override bool Read(RawRow row)
    {
        while (_rows.MoveNext())
        {
            _row++;
            var values = _rows.Current;
            var cells = new string?[_columns.Length];
            for (var i = 0; i < _columns.Length; i++)
                cells[i] = values.TryGetValue(_columns[i], out var v) ? Cell(v) : null;
            if (Emit(row, _row, cells)) return true;
        }
        return false;
    }

    /// <summary>Excel keeps dates as dates and numbers as doubles: give them back as the text a
    /// person typed.</summary>
    private static string? Cell(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double x => ((decimal)x).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public override void Dispose()
    {
        _rows.Dispose();
        _file.Dispose();
    }
}
