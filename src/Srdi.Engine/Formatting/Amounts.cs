using System.Globalization;

namespace Srdi.Engine.Formatting;

/// <summary>How numbers are written in results: yuan with thousands separators, rates in percent.</summary>
public static class Amounts
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>3000000 → "3,000,000"; 1234.5 → "1,234.50".</summary>
    public static string Yuan(decimal yuan) =>
        yuan == decimal.Truncate(yuan) ? yuan.ToString("N0", Invariant) : yuan.ToString("N2", Invariant);

    /// <summary>3000000 → "300万元"; 1234.5 → "1,234.50元"; 250000000 → "2.5亿元".</summary>
    public static string Chinese(decimal yuan)
    {
        if (yuan != 0 && yuan % 1_000_000m == 0 && Math.Abs(yuan) >= 100_000_000m)
            return (yuan / 100_000_000m).ToString("0.####", Invariant) + "亿元";
        if (yuan != 0 && yuan % 100m == 0 && Math.Abs(yuan) >= 10_000m)
            return (yuan / 10_000m).ToString("0.####", Invariant) + "万元";
        return Yuan(yuan) + "元";
    }

    /// <summary>0.035 → "3.5%".</summary>
    public static string Percent(decimal rate) => (rate * 100m).ToString("0.##", Invariant) + "%";

    public static string Plain(decimal number) => number.ToString("0.####", Invariant);
}
