namespace Srdi.Application.Rosters;

/// <summary>One raw row of a roster, as read: its number as the user sees it (spreadsheet row or
/// file line) and either its cells or its JSON line.</summary>
public sealed class RawRow
{
    public long Number;
    public string?[]? Cells;
    public string? Json;
    public string? Id;
}

/// <summary>A roster read row by row, never whole: CSV, Excel or JSON Lines.</summary>
public abstract class RosterSource : IDisposable
{
    /// <summary>The header row for tabular rosters; null for JSON Lines.</summary>
    public IReadOnlyList<string>? Headers { get; protected set; }

    /// <summary>How far through the file reading is, 0 to 1, for the progress bar.</summary>
    public abstract double Progress { get; }

    /// <summary>Notes about the file as a whole (an encoding guessed), shown to the user.</summary>
    public List<string> Notices { get; } = [];

    /// <summary>Empty lines skipped: reported, not rejected.</summary>
    public long EmptyRows { get; protected set; }

    /// <summary>Fills the next non-empty row; false at the end.</summary>
    public abstract bool Read(RawRow row);

    public abstract void Dispose();

    /// <summary>Hands a row of cells out, or counts it as an empty line when every cell is blank.</summary>
    protected bool Emit(RawRow row, long number, string?[] cells)
    {
        foreach (var cell in cells)
        {
            if (string.IsNullOrWhiteSpace(cell)) continue;
            row.Number = number;
            row.Cells = cells;
            row.Json = null;
            return true;
        }
        EmptyRows++;
        return false;
    }

    public static RosterSource Open(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" or ".txt" => new CsvRosterSource(path),
            ".xlsx" => new XlsxRosterSource(path),
            ".jsonl" or ".ndjson" => new JsonlRosterSource(path),
            var other => throw new RosterFormatException($"不支持的名单格式 \"{other}\"：请使用 .csv、.xlsx 或 .jsonl"),
        };

    /// <summary>Longer cells are refused: a 5 MB cell is a mistake, and must not become 5 MB of memory per worker.</summary>
    public const int MaxCellLength = 10_000;
}
