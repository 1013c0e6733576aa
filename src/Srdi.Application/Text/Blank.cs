namespace Srdi.Application.Text;

/// <summary>White space around a roster cell, as <see cref="MemoryExtensions.Trim(ReadOnlySpan{char})"/>
/// and <see cref="MemoryExtensions.IsWhiteSpace"/> decide it, answered from the first and last
/// characters when they cannot be white space. A roster's cells mostly begin and end with a digit,
/// a Latin letter or a Chinese character; for the last the runtime looks the character up in the
/// Unicode tables, twice a cell, a few percent of a million-row batch.</summary>
internal static class Blank
{
    /// <summary>Whether <paramref name="c"/> is certainly not white space: every Unicode white-space
    /// character is at most U+0020, U+0085, U+00A0, in U+1680–U+205F, or U+3000.</summary>
    private static bool IsText(char c) => c is (> ' ' and < '\u0085') or (> '\u00A0' and < '\u1680') or > '\u3000';

    public static bool IsBlank(ReadOnlySpan<char> cell) => cell.IsEmpty || !IsText(cell[0]) && cell.IsWhiteSpace();

    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> cell) => cell[TrimRange(cell)];

    /// <summary>Where <see cref="Trim"/>'s answer lies in <paramref name="cell"/>.</summary>
    public static Range TrimRange(ReadOnlySpan<char> cell)
    {
        if (cell.IsEmpty || IsText(cell[0]) && IsText(cell[^1])) return Range.All;
        var start = cell.Length - cell.TrimStart().Length;
        return start == cell.Length ? new Range(start, start) : new Range(start, cell.TrimEnd().Length);
    }
}
