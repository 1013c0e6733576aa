using System.Globalization;
using System.Runtime.CompilerServices;

namespace Srdi.Model.Sources;

/// <summary>Numbers as Chinese policy text writes them: 150万, 2亿, 500元, 30%, 7‰, 0.035.</summary>
public static class Quantity
{
    public static decimal UnitFactor(char unit) => unit switch
    {
        '万' => 10_000m,
        '亿' => 100_000_000m,
        '元' => 1m,
        '%' => 0.01m,
        '‰' => 0.001m,
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    public static bool IsUnit(char c) => c is '万' or '亿' or '元' or '%' or '‰';

    /// <summary>As <see cref="TryParse(string, out decimal)"/>, for a cell still in a reader's
    /// buffer: whole numbers and plain decimals parse straight from the characters; only the rare
    /// forms with units or separators become a string, and go through the one parser of those.</summary>
    // The row path is compiled fully at its first call rather than run precompiled until tiered up (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        if (TryDigits(text, out var whole))
        {
            value = whole;
            return true;
        }
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
            return true;
        return TryParse(text.ToString(), out value);
    }

    /// <summary>A whole number of 1 to 18 digits and nothing else (no sign, no blanks), as nearly
    /// every number cell of a roster is written: what <see cref="long.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out long)"/>
    /// with <see cref="NumberStyles.None"/> accepts there, without its general machinery.</summary>
    public static bool TryDigits(ReadOnlySpan<char> text, out long value) => Digits(text, out value);

    /// <summary>As <see cref="TryDigits(ReadOnlySpan{char}, out long)"/>, for UTF-8 (a JSON number token).</summary>
    public static bool TryDigits(ReadOnlySpan<byte> utf8, out long value) => Digits(utf8, out value);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Digits<T>(ReadOnlySpan<T> text, out long value)
        where T : System.Numerics.IBinaryInteger<T>
    {
        value = 0;
        if (text.Length is 0 or > 18) return false;
        foreach (var c in text)
        {
            var digit = unchecked(uint.CreateTruncating(c) - '0');
            if (digit > 9) return false;
            value = value * 10 + digit;
        }
        return true;
    }

    /// <summary>Parses "150万" → 1,500,000; "30%" → 0.30; "1,000" → 1000. Spaces are ignored;
    /// "万元" is accepted for "万".</summary>
    public static bool TryParse(string text, out decimal value)
    {
        // The common cases, a whole number or a plain decimal as a roster cell holds it, parse
        // without allocating; whole numbers without the slower decimal parser.
        if (TryDigits(text, out var whole))
        {
            value = whole;
            return true;
        }
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
            return true;
        value = 0;
        var s = text.Replace(" ", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace("万元", "万", StringComparison.Ordinal).Replace("亿元", "亿", StringComparison.Ordinal);
        if (s.Length == 0) return false;
        var factor = 1m;
        if (IsUnit(s[^1]))
        {
            factor = UnitFactor(s[^1]);
            s = s[..^1];
        }
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return false;
        // 99999999999999999999999999万 is beyond decimal: not a number, never an overflow.
        if (factor > 1 && Math.Abs(number) > decimal.MaxValue / factor) return false;
        value = number * factor;
        return true;
    }
}
