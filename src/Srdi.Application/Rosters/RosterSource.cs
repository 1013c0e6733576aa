using System.Globalization;
using Srdi.Application.Profiles;

namespace Srdi.Application.Rosters;

/// <summary>One raw row of a roster, as read: its number as the user sees it (spreadsheet row or
/// file line) and either its cells or its JSON line.</summary>
public sealed class RawRow
{
    public long Number;
    public string?[]? Cells;

    /// <summary>The JSON line as UTF-8, as it was in the file: bound into the record without ever
    /// becoming a string. It lies in the bytes of the row's chunk and is valid until the chunk is reused.</summary>
    public ReadOnlyMemory<byte> Json;

    /// <summary>Where the line's bytes are kept: the chunk's, shared by its rows; a row read on its own gets a copy.</summary>
    internal RowBytes? Bytes;

    /// <summary>Set by the reader when the row is refused before binding (a cell too long to
    /// keep): the row is rejected with this problem, its oversized cell never held in memory.</summary>
    public RowProblem? Problem;

    /// <summary>Characters the row holds, so that a chunk of huge rows stays small in memory.</summary>
    public long Size;
}

/// <summary>A roster read row by row, never whole: CSV, Excel or JSON Lines.</summary>
public abstract class RosterSource : IDisposable
{
    /// <summary>The roster's file name as the user knows it (no folder), for the summary.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The header row for tabular rosters; null for JSON Lines.</summary>
    public IReadOnlyList<string>? Headers { get; protected set; }

    /// <summary>How far through the file reading is, 0 to 1, for the progress bar.</summary>
    public abstract double Progress { get; }

    /// <summary>Notes about the file as a whole (an encoding guessed), shown to the user.</summary>
    public List<string> Notices { get; } = [];

    /// <summary>Empty lines skipped: reported, not rejected.</summary>
    public long EmptyRows { get; protected set; }

    /// <summary>Fills the next non-empty row; false at the end. A file that cannot be read on
    /// (broken CSV quoting, a damaged workbook) throws <see cref="RosterFormatException"/> naming
    /// the row, never another exception.</summary>
    public bool Read(RawRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.Problem = null;
        row.Size = 0;
        try
        {
            return ReadRow(row);
        }
        catch (Exception e) when (e is not (RosterFormatException or OperationCanceledException or OutOfMemoryException))
        {
            throw new RosterFormatException(string.Create(CultureInfo.InvariantCulture, $"读到第 {LastRow + 1} 行附近时无法继续读取：{CellValues.Clip(e.Message)}"));
        }
    }

    /// <summary>The number of the last row read (0 before any), for messages about a broken file.</summary>
    protected abstract long LastRow { get; }

    /// <summary>Fills the next non-empty row; false at the end.</summary>
    protected abstract bool ReadRow(RawRow row);

    public abstract void Dispose();

    /// <summary>Hands out a row already rejected by its reader (a cell over the length limit, say), with its cells.</summary>
    protected static bool Reject(RawRow row, long number, string?[] cells, RowProblem problem)
    {
        row.Number = number;
        row.Cells = cells;
        row.Json = default;
        row.Problem = problem;
        return true;
    }

    /// <summary>Hands a row of cells out, or counts it as an empty line when every cell is blank.</summary>
    protected bool Emit(RawRow row, long number, string?[] cells)
    {
        foreach (var cell in cells)
        {
            if (string.IsNullOrWhiteSpace(cell)) continue;
            row.Number = number;
            row.Cells = cells;
            row.Json = default;
            foreach (var c in cells) row.Size += c?.Length ?? 0;
            return true;
        }
        EmptyRows++;
        return false;
    }

    public static RosterSource Open(string path)
    {
        // Refuse an unknown format before opening anything.
        Kind(path);
        return Open(File.OpenRead(path), path);
    }

    /// <summary>A roster from a stream, such as a web upload; the file name's extension says the
    /// format. The source owns the stream and disposes it. A stream that cannot seek is read
    /// through once (an Excel workbook is buffered in memory first, as a zip needs seeking).</summary>
    public static RosterSource Open(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            RosterSource source = Kind(fileName) switch
            {
                ".xlsx" => new XlsxRosterSource(stream),
                ".csv" => new CsvRosterSource(stream),
                _ => new JsonlRosterSource(stream),
            };
            source.Name = Path.GetFileName(fileName);
            return source;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static string Kind(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" or ".txt" => ".csv",
            ".xlsx" => ".xlsx",
            ".jsonl" or ".ndjson" => ".jsonl",
            var other => throw new RosterFormatException($"不支持的名单格式 \"{other}\"：请使用 .csv、.xlsx 或 .jsonl"),
        };

    /// <summary>How far through a stream reading is; a stream of unknown length reports 0 until the end.</summary>
    protected static double Through(Stream stream) =>
        !stream.CanSeek ? 0 : stream.Length == 0 ? 1 : Math.Min(1, (double)stream.Position / stream.Length);

    /// <summary>Longer cells are refused: a 5 MB cell is a mistake, and must not become 5 MB of memory per worker.</summary>
    public const int MaxCellLength = 10_000;

    /// <summary>The problem of a cell over <see cref="MaxCellLength"/>: it is reported by its length, never kept.</summary>
    protected RowProblem LongCell(long number, int column, long length) => new(number,
        Headers is { } h && column < h.Count ? h[column] : string.Create(CultureInfo.InvariantCulture, $"第 {column + 1} 列"),
        string.Create(CultureInfo.InvariantCulture, $"单元格过长（{length:N0} 个字符，上限 {MaxCellLength:N0}）"));
}

/// <summary>The bytes of a chunk's JSON lines, in blocks reused from chunk to chunk: a million lines
/// are copied once from the file's buffer and never allocated one by one.</summary>
internal sealed class RowBytes
{
    private const int BlockSize = 1 << 18;
    private readonly List<byte[]> _blocks = [];
    private int _block, _used;

    public ReadOnlyMemory<byte> Keep(ReadOnlySpan<byte> line)
    {
        while (true)
        {
            if (_block == _blocks.Count) _blocks.Add(new byte[Math.Max(BlockSize, line.Length)]);
            var block = _blocks[_block];
            if (block.Length - _used >= line.Length)
            {
                line.CopyTo(block.AsSpan(_used));
                var kept = block.AsMemory(_used, line.Length);
                _used += line.Length;
                return kept;
            }
            // A line longer than the blocks so far gets a block of its own, in place of a small one.
            if (_used == 0) _blocks[_block] = new byte[line.Length];
            else
            {
                _block++;
                _used = 0;
            }
        }
    }

    public void Clear()
    {
        _block = 0;
        _used = 0;
    }
}
