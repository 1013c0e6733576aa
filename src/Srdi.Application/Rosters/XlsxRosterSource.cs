using System.Globalization;
using System.IO.Compression;
using MiniExcelLibs;
using Srdi.Application.Profiles;

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
            try
            {
                CopyAtMost(stream, buffered, MaxFileBytes);
            }
            finally
            {
                stream.Dispose();
            }
            buffered.Position = 0;
            stream = buffered;
        }
        _file = stream;
        try
        {
            CheckParts(_file);
            _rows = _file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().GetEnumerator();
            if (!_rows.MoveNext()) throw new RosterFormatException("Excel 名单是空的：第一行应为表头");
        }
        catch (Exception e) when (e is not RosterFormatException)
        {
            // The library's own words are English; say what it means, and where, in Chinese.
            throw new RosterFormatException("无法读取 Excel 名单：" + Explain(e));
        }
        var header = _rows.Current;
        _columns = header.Keys.ToArray();
        Headers = _columns.Select(k => Cell(header[k]) ?? "").ToList();
    }

    public override double Progress => Through(_file);

    protected override long LastRow => _row;

    /// <summary>An .xlsx is a zip: a 500 KB file can inflate to gigabytes of XML. Its parts'
    /// sizes are read from the zip's directory and checked before anything is inflated.</summary>
    public const long MaxFileBytes = 256L << 20, MaxPartBytes = 256L << 20, MaxTotalBytes = 512L << 20;

    /// <summary>The shared strings are held in memory whole by the reader: their part gets a tighter limit.</summary>
    public const long MaxSharedStringsBytes = 64L << 20;

    private static void CheckParts(Stream file)
    {
        if (file.Length > MaxFileBytes)
            throw new RosterFormatException(string.Create(CultureInfo.InvariantCulture, $"Excel 名单过大（{file.Length / 1048576.0:0.#} MB，上限 {MaxFileBytes >> 20} MB）：请拆分，或另存为 CSV"));
        long total = 0;
        using (var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true))
        {
            foreach (var entry in zip.Entries)
            {
                var limit = entry.FullName.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase) ? MaxSharedStringsBytes : MaxPartBytes;
                total += entry.Length;
                if (entry.Length > limit || total > MaxTotalBytes)
                    throw new RosterFormatException(string.Create(CultureInfo.InvariantCulture,
                        $"Excel 名单解压后过大（{CellValues.Clip(entry.FullName)} 为 {entry.Length / 1048576.0:0.#} MB，单个部件上限 {limit >> 20} MB，合计上限 {MaxTotalBytes >> 20} MB）：可能不是正常的名单文件，请另存为 CSV 后重试"));
            }
        }
        file.Position = 0;
    }

    private static void CopyAtMost(Stream from, Stream to, long limit)
    {
        var buffer = new byte[1 << 16];
        long copied = 0;
        int read;
        while ((read = from.Read(buffer, 0, buffer.Length)) > 0)
        {
            copied += read;
            if (copied > limit)
                throw new RosterFormatException(string.Create(CultureInfo.InvariantCulture, $"Excel 名单过大（超过 {limit >> 20} MB）：请拆分，或另存为 CSV"));
            to.Write(buffer, 0, read);
        }
    }

    protected override bool ReadRow(RawRow row)
    {
        while (_rows.MoveNext())
        {
            _row++;
            var values = _rows.Current;
            var cells = new string?[_columns.Length];
            RowProblem? problem = null;
            for (var i = 0; i < _columns.Length; i++)
            {
                var cell = values.TryGetValue(_columns[i], out var v) ? Cell(v) : null;
                if (cell is { Length: > MaxCellLength })
                {
                    problem ??= LongCell(_row, i, cell.Length);
                    cell = null;
                }
                cells[i] = cell;
            }
            Copy(row, cells);
            if (problem is not null) return Reject(row, _row, cells.Length, problem);
            if (Emit(row, _row, cells.Length)) return true;
        }
        return false;
    }

    /// <summary>Excel keeps dates as dates and numbers as doubles: give them back as the text a
    /// person typed.</summary>
    private static string? Cell(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // A double beyond decimal's range (1E+300) stays as written: the binder refuses it, without an overflow.
        double x => double.IsFinite(x) && Math.Abs(x) < 1e28 ? ((decimal)x).ToString(CultureInfo.InvariantCulture) : x.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public override void Dispose()
    {
        _rows.Dispose();
        _file.Dispose();
    }

    /// <summary>A reader's failure in words a person reads.</summary>
    private static string Explain(Exception e) => e switch
    {
        System.Xml.XmlException x => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"文件中的表格内容已损坏（XML 第 {x.LineNumber} 行第 {x.LinePosition} 列）；请用 Excel 打开后另存为 .xlsx 或 CSV 再试"),
        System.IO.InvalidDataException or System.IO.EndOfStreamException => "文件不是完整的 .xlsx 工作簿（压缩包已损坏或不完整）；请重新导出后再试",
        NotSupportedException or InvalidOperationException => "文件不是能识别的 .xlsx 工作簿；请用 Excel 另存为 .xlsx 或 CSV 再试",
        _ => "文件无法按 .xlsx 工作簿读取；请用 Excel 另存为 .xlsx 或 CSV 再试",
    };
}
