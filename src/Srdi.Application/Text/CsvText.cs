using System.Buffers;
using System.Text;

namespace Srdi.Application.Text;

/// <summary>The product's one way of writing CSV (RFC 4180): a field is quoted when it holds a
/// comma, a quote or a line break, with quotes doubled. Every CSV the product writes — batch
/// outputs, diffs, templates, generated rosters — goes through here.</summary>
/// <remarks>Formula injection (OWASP “CSV Injection”): a field that starts with =, +, -, @, a tab or
/// a carriage return would be run as a formula by Excel or LibreOffice. Such a field is written
/// with a leading apostrophe and quoted ("'=1+1"), so the spreadsheet shows it as text. Numbers the
/// product formats itself (row numbers, amounts) never pass through here.</remarks>
public static class CsvText
{
    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");
    private static readonly SearchValues<char> FormulaStart = SearchValues.Create("=+-@\t\r");

    /// <summary>Whether the field needs more than its text: quotes, or the apostrophe against formulas.</summary>
    public static bool NeedsQuotes(ReadOnlySpan<char> value) => value.IndexOfAny(Special) >= 0 || StartsLikeFormula(value);

    /// <summary>Whether a spreadsheet would read the field as a formula.</summary>
    public static bool StartsLikeFormula(ReadOnlySpan<char> value) => value.Length > 0 && FormulaStart.Contains(value[0]);

    /// <summary>The field as written in a line; null and empty write nothing.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (StartsLikeFormula(value)) value = "'" + value;
        return NeedsQuotes(value) || value[0] == '\'' ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static StringBuilder AppendField(StringBuilder sb, string? value) => sb.Append(Field(value));

    /// <summary>A whole line of fields, without its line break.</summary>
    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field));
}
