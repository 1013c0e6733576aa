using System.Globalization;
using System.Runtime.CompilerServices;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Profiles;

/// <summary>Reads a fact's value from text as staff type it in a spreadsheet cell: "500万",
/// "3.5%", "是", "2024-07-15". An empty cell is unknown, never zero.</summary>
public static class CellValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy/MM/dd", "yyyy.M.d"];

    public static bool TryParse(FactType type, IReadOnlyList<string> choices, string text, out object value, out string error)
    {
        value = null!;
        error = "";
        var s = text.Trim();
        switch (type)
        {
            case FactType.Money or FactType.Rate or FactType.Count or FactType.Number:
                if (!TryNumber(type, text, out var number, out error)) return false;
                value = number;
                return true;
            case FactType.Boolean:
                if (!TryBool(s, out var flag)) { error = $"应为 是/否（或 true/false），实际为 \"{Clip(s)}\""; return false; }
                value = flag;
                return true;
            case FactType.Date:
                if (!TryDate(s, out var date)) { error = $"应为日期 YYYY-MM-DD（1900-01-01 至 2200-12-31），实际为 \"{Clip(s)}\""; return false; }
                value = date;
                return true;
            case FactType.Choice:
                if (FactValues.ChoiceProblem(choices, s) is { } problem) { error = problem; return false; }
                value = s;
                return true;
            default:
                error = "不支持的类型";
                return false;
        }
    }

    public static bool TryNumber(FactType type, string text, out decimal value, out string error) => TryNumber(type, text.AsSpan(), out value, out error);

    /// <summary>As <see cref="TryNumber(FactType, string, out decimal, out string)"/>, for a cell
    /// still in a reader's buffer: a string is made only for an error message.</summary>
    // The row path is compiled fully at its first call rather than run precompiled until tiered up (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryNumber(FactType type, ReadOnlySpan<char> text, out decimal value, out string error)
    {
        error = "";
        // A whole number within the type's range, nearly every number cell, is checked without decimal arithmetic.
        if (Quantity.TryDigits(text, out var whole))
        {
            value = whole;
            if (FactValues.WholeFits(type, whole)) return true;
        }
        else if (!Quantity.TryParse(text, out value) && !Quantity.TryParse(text.Trim(), out value))
        {
            error = $"应为{FactValues.Expected(type)}，实际为 \"{Clip(text.Trim().ToString())}\"";
            return false;
        }
        // The check quotes the cell only when it refuses it: a good value costs no string.
        if (FactValues.NumberProblem(type, value, "") is null) return true;
        error = FactValues.NumberProblem(type, value, text.Trim().ToString())!;
        return false;
    }

    /// <summary>Reads a cell straight into a record, without boxing: the roster's hot path.</summary>
    public static bool TrySet(FactDefinition fact, string text, EnterpriseRecordTarget target, out string error) => TrySet(fact, text.AsSpan(), target, out error);

    /// <summary>As <see cref="TrySet(FactDefinition, string, EnterpriseRecordTarget, out string)"/>,
    /// for a cell still in a reader's buffer: a choice is stored as the catalog's own string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TrySet(FactDefinition fact, ReadOnlySpan<char> text, EnterpriseRecordTarget target, out string error)
    {
        error = "";
        switch (fact.Type)
        {
            case FactType.Money or FactType.Rate or FactType.Count or FactType.Number:
                if (!TryNumber(fact.Type, text, out var number, out error)) return false;
                target.Number(number);
                return true;
            case FactType.Boolean:
                if (!TryBool(text, out var flag)) { error = $"应为 是/否（或 true/false），实际为 \"{Clip(text.Trim().ToString())}\""; return false; }
                target.Boolean(flag);
                return true;
            case FactType.Choice:
                var trimmed = Text.Blank.Trim(text);
                // Indexed, not foreach: an interface's enumerator would be allocated for every cell.
                var choices = fact.Choices;
                for (var i = 0; i < choices.Count; i++)
                {
                    if (!trimmed.SequenceEqual(choices[i])) continue;
                    target.Text(choices[i]);
                    return true;
                }
                error = FactValues.ChoiceProblem(fact.Choices, trimmed.ToString())!;
                return false;
            case FactType.Date:
                if (!TryDate(text, out var date)) { error = $"应为日期 YYYY-MM-DD（1900-01-01 至 2200-12-31），实际为 \"{Clip(text.Trim().ToString())}\""; return false; }
                target.Date(date);
                return true;
            default:
                error = "不支持的类型";
                return false;
        }
    }

    public static bool TryBool(string s, out bool value) => TryBool(s.AsSpan(), out value);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryBool(ReadOnlySpan<char> s, out bool value)
    {
        value = false;
        s = Text.Blank.Trim(s);
        // 是 and 否, as nearly every cell is written, without lower-casing.
        if (s.Length == 1 && s[0] is '是' or '否')
        {
            value = s[0] == '是';
            return true;
        }
        // Every accepted word has at most five characters, and lower-casing keeps the length.
        if (s.Length > 5) return false;
        Span<char> lower = stackalloc char[5];
        lower = lower[..s.ToLowerInvariant(lower)];
        switch (lower)
        {
            case "是" or "true" or "1" or "y" or "yes":
                value = true;
                return true;
            case "否" or "false" or "0" or "n" or "no":
                return true;
            default:
                return false;
        }
    }

    public static bool TryDate(string s, out DateOnly date) => TryDate(s.AsSpan(), out date);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryDate(ReadOnlySpan<char> s, out DateOnly date)
    {
        // "2024-07-15", as nearly every cell is written, without the general parser.
        if (s.Length == 10 && s[4] == '-' && s[7] == '-'
            && int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(s.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(s.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            date = new DateOnly(y, m, d);
            return Text.IsoDate.InRange(date);
        }
        return DateOnly.TryParseExact(s.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && Text.IsoDate.InRange(date);
    }

    /// <summary>A 5 MB cell must not become a 5 MB error message.</summary>
    public static string Clip(string s) => s.Length <= 40 ? s : s[..40] + $"…（共 {s.Length} 个字符）";
}

/// <summary>Where a cell's value goes: one fact of a record, for one year or none.</summary>
public readonly struct EnterpriseRecordTarget(Srdi.Engine.Runtime.EnterpriseRecord record, int slot, int? year)
{
    public void Number(decimal value)
    {
        if (year is { } y) record.SetNumber(slot, y, value); else record.SetNumber(slot, value);
    }

    public void Boolean(bool value)
    {
        if (year is { } y) record.SetBoolean(slot, y, value); else record.SetBoolean(slot, value);
    }

    public void Text(string value)
    {
        if (year is { } y) record.SetText(slot, y, value); else record.SetText(slot, value);
    }

    public void Date(DateOnly value)
    {
        if (year is { } y) record.SetDate(slot, y, value); else record.SetDate(slot, value);
    }
}
