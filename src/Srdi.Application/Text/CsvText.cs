using System.Buffers;
using System.Text;

namespace Srdi.Application.Text;

/// <summary>The product's one way of writing CSV (RFC 4180): a field is quoted when it holds a
/// comma, a quote or a line break, with quotes doubled. Every CSV the product writes — batch
/// outputs, diffs, templates, generated rosters — goes through here.</summary>
public static class CsvText
{
    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");

    public static bool NeedsQuotes(ReadOnlySpan<char> value) => value.IndexOfAny(Special) >= 0;

    /// <summary>The field as written in a line; null and empty write nothing.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return NeedsQuotes(value) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static StringBuilder AppendField(StringBuilder sb, string? value) => sb.Append(Field(value));

    /// <summary>A whole line of fields, without its line break.</summary>
    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field));
}
