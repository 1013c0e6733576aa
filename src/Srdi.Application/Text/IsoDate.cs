using System.Globalization;

namespace Srdi.Application.Text;

/// <summary>The product's one date format, YYYY-MM-DD, read and written the same way by every
/// front end (a command-line --at, a query's at=, a form field, a profile's dates), whatever
/// the machine's culture and calendar. Only dates from <see cref="Min"/> to <see cref="Max"/>
/// are accepted: a year 9999 is a typing mistake, and date arithmetic near
/// <see cref="DateOnly.MaxValue"/> (an expiry three years on) would overflow.</summary>
public static class IsoDate
{
    public const string Pattern = "yyyy-MM-dd";

    public static readonly DateOnly Min = new(1900, 1, 1);
    public static readonly DateOnly Max = new(2200, 12, 31);

    /// <summary>What a date looks like, for "应为…" messages.</summary>
    public const string Expected = "日期 YYYY-MM-DD（1900-01-01 至 2200-12-31）";

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && InRange(date);

    public static bool InRange(DateOnly date) => date >= Min && date <= Max;

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);
}
