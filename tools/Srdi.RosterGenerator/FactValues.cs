using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Srdi.Model.Vocabulary;

namespace Srdi.Tools.Rosters;

/// <summary>A plausible roster cell for a fact, chosen by the fact's declared type alone, so that a
/// fact added to the vocabulary is filled without code. Amounts follow the enterprise's size:
/// money is a share of its revenue, rounded as accounts are.</summary>
public static class FactValues
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The cell as a roster writes it: money in yuan, rates as 0.035, booleans 是/否,
    /// dates YYYY-MM-DD, lists as a JSON array.</summary>
    public static string Cell(Random random, FactDefinition fact, decimal revenue, DateOnly at, int? year) => fact.Type switch
    {
        FactType.List => List(random, fact.Fields, revenue, year is { } y ? Math.Min(y, at.Year) : at.Year, at).ToJsonString(Json),
        FactType.Boolean => random.NextDouble() < 0.2 ? "是" : "否",
        _ => Scalar(random, fact.Type, fact.Choices, revenue, at, year) switch
        {
            JsonValue v when v.TryGetValue<decimal>(out var d) => d.ToString(CultureInfo.InvariantCulture),
            var v => v!.GetValue<string>(),
        },
    };

    private static JsonArray List(Random random, IReadOnlyList<FieldDefinition> fields, decimal revenue, int year, DateOnly at)
    {
        // Most enterprises have no such item in a year; a few have one or two.
        var items = random.NextDouble() switch { < 0.6 => 0, < 0.9 => 1, _ => 2 };
        var list = new JsonArray();
        for (var i = 0; i < items; i++)
        {
            var item = new JsonObject();
            foreach (var field in fields)
                item[field.Name] = field.Type switch
                {
                    FactType.Boolean => JsonValue.Create(random.NextDouble() < 0.5),
                    // A count inside an item (months of a loan, people of a course) is never zero.
                    FactType.Count => JsonValue.Create((decimal)random.Next(1, 13)),
                    _ => Scalar(random, field.Type, field.Choices, revenue, at, year),
                };
            list.Add(item);
        }
        return list;
    }

    private static JsonValue? Scalar(Random random, FactType type, IReadOnlyList<string> choices, decimal revenue, DateOnly at, int? year) => type switch
    {
        // A share of revenue between about 0.3% and 30% (log-normal around 3%), to the thousand yuan.
        FactType.Money => JsonValue.Create(Round(revenue * (decimal)LogNormal(random, 0.03, 1.0), 1000m)),
        // Rates as policies quote them: interest, premiums, shares, 1% to 8%.
        FactType.Rate => JsonValue.Create(random.Next(10, 80) / 1000m),
        // Counts of projects, standards, levels: usually none or a few.
        FactType.Count => JsonValue.Create((decimal)(random.NextDouble() < 0.4 ? 0 : random.Next(1, 6))),
        FactType.Number => JsonValue.Create(random.Next(0, 1000) / 10m),
        FactType.Choice when choices.Count > 0 => JsonValue.Create(choices[random.Next(choices.Count)]),
        FactType.Date => JsonValue.Create(Date(InYear(random, year ?? at.Year - 1, at))),
        _ => JsonValue.Create(""),
    };

    /// <summary>A day of the year, never after the evaluation date.</summary>
    public static DateOnly InYear(Random random, int year, DateOnly at)
    {
        var first = new DateOnly(year, 1, 1);
        var last = year >= at.Year ? at : new DateOnly(year, 12, 31);
        return first.AddDays(random.Next(Math.Max(1, last.DayNumber - first.DayNumber + 1)));
    }

    public static decimal Round(decimal value, decimal unit) => Math.Round(value / unit) * unit;

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static double LogNormal(Random random, double median, double sigma)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return median * Math.Exp(sigma * normal);
    }
}
