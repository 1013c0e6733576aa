using System.Globalization;

namespace Srdi.Application.Text;

/// <summary>The product's one date format, YYYY-MM-DD, read and written the same way by every
/// front end (a command-line --at, a query's at=, a form field, a profile's dates), whatever
/// the machine's culture and calendar.</summary>
public static class IsoDate
{
    public const string Pattern = "yyyy-MM-dd";

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);
}
