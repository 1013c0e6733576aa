using System.Globalization;
using System.Runtime.CompilerServices;
using Srdi.Application.Profiles;

namespace Srdi.Application.Rosters;

/// <summary>One raw row of a roster, as read: its number as the user sees it (spreadsheet row or
/// file line) and either its cells or its JSON line.</summary>
public sealed class RawRow
{
    public long Number;

    /// <summary>The cells of a CSV or Excel row, as characters: a cell is read where it lies
    /// (<see cref="Cell"/>) and becomes a string only where the record keeps one. A CSV record is
    /// kept as written, delimiters and all, its quoted cells unescaped in place. It lies in the
    /// characters of the row's chunk and is valid until the chunk is reused.</summary>
    internal ReadOnlyMemory<char> Text;

    /// <summary>Where each cell starts and ends in <see cref="Text"/>; the first <see cref="CellCount"/> count.</summary>
    internal int[] Starts = [], Ends = [];

    /// <summary>The cells of a CSV or Excel row; 0 for a JSON line.</summary>
    public int CellCount;

    /// <summary>Cell <paramref name="index"/> as written; an empty cell is empty.</summary>
    public ReadOnlySpan<char> Cell(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)CellCount, nameof(index));
        return Text.Span[Starts[index]..Ends[index]];
    }

    /// <summary>The JSON line as UTF-8, as it was in the file: bound into the record without ever
    /// becoming a string. It lies in the bytes of the row's chunk and is valid until the chunk is reused.</summary>
    public ReadOnlyMemory<byte> Json;

    /// <summary>Where the line's bytes are kept: the chunk's, shared by its rows; a row read on its own gets a copy.</summary>
    internal RowBytes? Bytes;

    /// <summary>Where the cells' characters are kept: the chunk's, shared by its rows; a row read on
    /// its own gets characters of its own, reused from one read to the next.</summary>
    internal RowChars? Chars;

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
    // The row path is compiled fully at its first call rather than run precompiled until tiered up (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read(RawRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.Problem = null;
        row.Size = 0;
        if (row.Chars is { Owned: true } own) own.Clear();
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

    /// <summary>The characters a reader copies the row's cells into.</summary>
    private protected static RowChars CharsOf(RawRow row) => row.Chars ??= new RowChars(owned: true);

    /// <summary>Room for <paramref name="count"/> cell starts and ends in the row, reused with the row.</summary>
    protected static (int[] Starts, int[] Ends) Bounds(RawRow row, int count)
    {
        if (row.Ends.Length < count)
        {
            var length = Math.Max(count, 2 * row.Ends.Length);
            row.Starts = new int[length];
            row.Ends = new int[length];
        }
        return (row.Starts, row.Ends);
    }

    /// <summary>Hands out a row already rejected by its reader (a cell over the length limit, say),
    /// its cells copied in as for <see cref="Emit"/>.</summary>
    protected static bool Reject(RawRow row, long number, int count, RowProblem problem)
    {
        Cells(row, number, count);
        row.Problem = problem;
        return true;
    }

    /// <summary>Hands a row of cells out, copied in by <see cref="RowChars.Begin"/> and
    /// <see cref="RowChars.Append"/> (or <see cref="RowChars.Reserve"/> and <see cref="RowChars.Commit"/>),
    /// or counts it as an empty line when every cell is blank.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected bool Emit(RawRow row, long number, int count)
    {
        var chars = CharsOf(row);
        if (AllBlank(chars.Row, row.Starts, row.Ends, count))
        {
            chars.Discard();
            EmptyRows++;
            return false;
        }
        Cells(row, number, count);
        row.Size = row.Text.Length;
        return true;
    }

    /// <summary>Whether every cell is blank; nearly every row's first cell, its id, says no at once.</summary>
    private static bool AllBlank(ReadOnlySpan<char> text, int[] starts, int[] ends, int count)
    {
        for (var i = 0; i < count; i++)
            if (!Text.Blank.IsBlank(text[starts[i]..ends[i]]))
                return false;
        return true;
    }

    private static void Cells(RawRow row, long number, int count)
    {
        row.Number = number;
        row.Text = row.Chars!.End();
        row.CellCount = count;
        row.Json = default;
    }

    /// <summary>Copies cells read as strings (an Excel row) into the row; a null cell is empty.</summary>
    protected static void Copy(RawRow row, string?[] cells)
    {
        var chars = CharsOf(row);
        var (starts, ends) = Bounds(row, cells.Length);
        chars.Begin();
        for (var i = 0; i < cells.Length; i++)
        {
            starts[i] = i == 0 ? 0 : ends[i - 1];
            ends[i] = chars.Append(cells[i]);
        }
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

/// <summary>The characters of a chunk's CSV or Excel rows, in blocks reused from chunk to chunk: a
/// million rows of cells are copied once from the reader's buffer, never made into a string each.
/// A row's cells lie together in one block.</summary>
internal sealed class RowChars(bool owned = false)
{
    private const int BlockSize = 1 << 17;
    private readonly List<char[]> _blocks = [];
    private int _block, _used, _start;

    /// <summary>Set for the characters of a row read on its own: they are reused at its next read.</summary>
    public bool Owned { get; } = owned;

    /// <summary>The row being copied in so far.</summary>
    public ReadOnlySpan<char> Row => _blocks.Count == 0 ? default : _blocks[_block].AsSpan(_start, _used - _start);

    public void Begin()
    {
        if (_blocks.Count == 0) _blocks.Add(new char[BlockSize]);
        _start = _used;
    }

    /// <summary>Begins a row with room for <paramref name="length"/> characters, written straight
    /// into the span returned; <see cref="Commit"/> says how many were written.</summary>
    public Span<char> Reserve(int length)
    {
        Begin();
        if (_blocks[_block].Length - _used < length) Move(length);
        return _blocks[_block].AsSpan(_used, length);
    }

    /// <summary>Ends a row begun by <see cref="Reserve"/>, holding its first <paramref name="length"/> characters.</summary>
    public void Commit(int length) => _used += length;

    /// <summary>Adds a cell to the row; where it ends, counted from the row's start.</summary>
    public int Append(ReadOnlySpan<char> cell)
    {
        var block = _blocks[_block];
        if (block.Length - _used < cell.Length) block = Move(cell.Length);
        cell.CopyTo(block.AsSpan(_used));
        _used += cell.Length;
        return _used - _start;
    }

    /// <summary>Moves the row so far to a block with room for <paramref name="more"/> characters:
    /// the next one, or a larger one of its own for a row longer than the blocks.</summary>
    private char[] Move(int more)
    {
        var row = _used - _start;
        var next = _block + 1;
        if (next == _blocks.Count) _blocks.Add(new char[Math.Max(BlockSize, row + more)]);
        // Blocks after the current one hold no row of this chunk yet: a small one can be replaced.
        else if (_blocks[next].Length < row + more) _blocks[next] = new char[row + more];
        var block = _blocks[next];
        _blocks[_block].AsSpan(_start, row).CopyTo(block);
        _block = next;
        _start = 0;
        _used = row;
        return block;
    }

    /// <summary>The row, complete: it stays where it is until <see cref="Clear"/>.</summary>
    public ReadOnlyMemory<char> End() => _blocks[_block].AsMemory(_start, _used - _start);

    /// <summary>Forgets the row being copied (a blank line): its room is used by the next.</summary>
    public void Discard() => _used = _start;

    public void Clear()
    {
        _block = 0;
        _used = 0;
        _start = 0;
    }
}
