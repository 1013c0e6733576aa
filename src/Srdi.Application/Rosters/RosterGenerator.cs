using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Encodings.Web;

namespace Srdi.Application.Rosters;

public sealed record GeneratorOptions(int Count, int Seed, DateOnly At, IReadOnlyList<string> Cities);

/// <summary>A synthetic roster for demos, tests and benchmarks (docs/roster.md): the tier mix
/// follows the published 34 : 8 : 1 (创新型 : 专精特新 : 小巨人, docs/reference/tier-criteria.md §4);
/// sizes, R&D and activity are drawn from plausible ranges for each tier; the same seed gives the
/// same roster.</summary>
public sealed class RosterGenerator(GeneratorOptions options)
{
    private sealed record City(string Province, string Name, double Weight, string[] Districts);

    /// <summary>The catalog's four cities and two without documents, weighted roughly by their SRDI counts.</summary>
    public static readonly IReadOnlyList<string> KnownCities = ["深圳市", "广州市", "南京市", "厦门市", "杭州市", "成都市"];

    private static readonly City[] Cities =
    [
        new("广东省", "深圳市", 0.30, ["南山区", "南山区", "宝安区", "龙岗区", "福田区", "龙华区", "光明区", "坪山区"]),
        new("广东省", "广州市", 0.22, ["黄埔区", "番禺区", "天河区", "白云区", "花都区", "增城区", "南沙区"]),
        new("江苏省", "南京市", 0.18, ["江宁区", "栖霞区", "浦口区", "雨花台区", "江北新区", "鼓楼区"]),
        new("福建省", "厦门市", 0.10, ["湖里区", "集美区", "海沧区", "思明区", "同安区", "翔安区", "火炬高新区"]),
        new("浙江省", "杭州市", 0.12, ["滨江区", "余杭区", "萧山区"]),
        new("四川省", "成都市", 0.08, ["高新区", "武侯区", "双流区"]),
    ];

    private static readonly string[] Prefixes = ["精", "华", "智", "创", "联", "科", "新", "盛", "恒", "晶", "瑞", "博", "微", "达"];
    private static readonly string[] Trades = ["传感", "精密机械", "新材料", "医疗器械", "半导体", "工业软件", "智能装备", "电子元件", "生物科技", "新能源"];

    public static readonly string[] Columns =
    [
        "id", "name", "province", "city", "district", "since",
        "innovative-sme.issued_on", "srdi-sme.issued_on", "srdi-sme.level", "srdi-sme.renewal", "little-giant.issued_on", "little-giant.renewal",
        "sector", "size_class", "employees@{-1}", "operating_revenue@{-1}", "operating_revenue@{-2}", "main_business_revenue@{-1}",
        "rd_expense@{-1}", "total_assets@{-1}", "total_liabilities@{-1}", "listed_on", "standards_drafted@{-1}",
        "national_major_projects_led@{-1}", "national_major_projects_joined@{-1}", "office_rent_annual", "joint_lab_investment@{-1}",
        "tech_upgrade_project_qualified", "cloud_service_purchased",
        "tech_upgrade_awarded_projects@{0}", "small_tech_upgrade_projects@{-1}",
        "tech_upgrade_equipment_investment@{-1}", "digital_maturity_level", "domestic_credit_insurance_policies", "market_event_venue_rent",
        "national_key_core_tech_task", "pilot_platform_investment", "generative_ai_model_filed",
    ];

    /// <summary>The column keys with the evaluation year filled in: "rd_expense@2024".</summary>
    public string[] Keys => Columns.Select(c => c.Replace("{-1}", (options.At.Year - 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("{-2}", (options.At.Year - 2).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{0}", options.At.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToArray();

    public IEnumerable<string?[]> Rows()
    {
        var random = new Random(options.Seed);
        var cities = Cities.Where(c => options.Cities.Count == 0 || options.Cities.Contains(c.Name)).ToArray();
        if (cities.Length == 0) throw new ArgumentException($"没有可用的城市；可选：{string.Join("、", KnownCities)}");
        var weights = cities.Sum(c => c.Weight);
        var y = options.At.Year;
        for (var i = 0; i < options.Count; i++)
        {
            var row = new string?[Columns.Length];
            var pick = random.NextDouble() * weights;
            var city = cities.First(c => (pick -= c.Weight) <= 0 || c == cities[^1]);
            var district = city.Districts[random.Next(city.Districts.Length)];
            // 34 : 8 : 1, cumulative: every 专精特新 is also 创新型, every 小巨人 also 专精特新.
            var tier = random.Next(43) switch { 0 => 3, < 9 => 2, _ => 1 };
            var name = $"{city.Name[..2]}{Prefixes[random.Next(Prefixes.Length)]}{Prefixes[random.Next(Prefixes.Length)]}{Trades[random.Next(Trades.Length)]}有限公司";
            Set(row, "id", string.Create(CultureInfo.InvariantCulture, $"91{Array.IndexOf(Cities, city) + 1:D2}{options.Seed & 0xFFFF:X4}{i:D10}"));
            Set(row, "name", name);
            Set(row, "province", city.Province);
            Set(row, "city", city.Name);
            Set(row, "district", district);
            Set(row, "since", Date(new DateOnly(2005, 1, 1).AddDays(random.Next(365 * 18))));
            Set(row, "innovative-sme.issued_on", Date(Recent(random, y, 4)));
            if (tier >= 2)
            {
                Set(row, "srdi-sme.issued_on", Date(Recent(random, y, 4)));
                Set(row, "srdi-sme.level", city.Name == "深圳市" ? "市级" : "省级");
                if (random.NextDouble() < 0.2) Set(row, "srdi-sme.renewal", "是");
            }
            if (tier == 3)
            {
                Set(row, "little-giant.issued_on", Date(Recent(random, y, 4)));
                if (random.NextDouble() < 0.3) Set(row, "little-giant.renewal", "是");
            }
            var sector = random.NextDouble() switch { < 0.75 => "工业", < 0.9 => "软件和信息技术服务业", < 0.95 => "批发业", _ => "其他未列明行业" };
            Set(row, "sector", sector);
            var employees = (int)Math.Round(LogNormal(random, tier switch { 1 => 60, 2 => 160, _ => 320 }, 0.6));
            var revenue = Round((decimal)LogNormal(random, tier switch { 1 => 30_000_000, 2 => 100_000_000, _ => 250_000_000 }, 0.7), 10000m);
            Set(row, "size_class", employees >= 1000 && revenue >= 400_000_000 ? "大型" : employees >= 300 && revenue >= 20_000_000 ? "中型" : employees >= 20 && revenue >= 3_000_000 ? "小型" : "微型");
            Set(row, "employees@{-1}", employees.ToString(CultureInfo.InvariantCulture));
            Set(row, "operating_revenue@{-1}", Money(revenue));
            Set(row, "operating_revenue@{-2}", Money(Round(revenue / (1 + (decimal)(random.NextDouble() * 0.3 - 0.05)), 10000m)));
            Set(row, "main_business_revenue@{-1}", Money(Round(revenue * (decimal)(0.6 + random.NextDouble() * 0.4), 10000m)));
            Set(row, "rd_expense@{-1}", Money(Round(revenue * (decimal)(0.02 + random.NextDouble() * 0.08), 1000m)));
            var assets = Round(revenue * (decimal)(0.8 + random.NextDouble()), 10000m);
            Set(row, "total_assets@{-1}", Money(assets));
            Set(row, "total_liabilities@{-1}", Money(Round(assets * (decimal)(0.2 + random.NextDouble() * 0.6), 10000m)));
            if (tier >= 2 && random.NextDouble() < 0.03) Set(row, "listed_on", Date(Recent(random, y, 3)));
            if (random.NextDouble() < 0.1)
                Set(row, "standards_drafted@{-1}", random.NextDouble() < 0.3
                    ? """[{"level":"国际标准","role":"主导","action":"制定"}]"""
                    : """[{"level":"国家标准","role":"主导","action":"制定"}]""");
            if (city.Name == "深圳市")
            {
                if (tier == 3)
                {
                    Set(row, "national_major_projects_led@{-1}", random.NextDouble() < 0.2 ? random.Next(1, 6).ToString(CultureInfo.InvariantCulture) : "0");
                    Set(row, "national_major_projects_joined@{-1}", random.NextDouble() < 0.3 ? random.Next(1, 6).ToString(CultureInfo.InvariantCulture) : "0");
                }
                if (random.NextDouble() < 0.6) Set(row, "office_rent_annual", Money(Round(employees * (decimal)(15_000 + random.NextDouble() * 25_000), 1000m)));
                if (random.NextDouble() < 0.05) Set(row, "joint_lab_investment@{-1}", Money(random.Next(50, 800) * 10_000m));
                Set(row, "tech_upgrade_project_qualified", random.NextDouble() < 0.1 ? "是" : "否");
                Set(row, "cloud_service_purchased", random.NextDouble() < 0.2 ? "是" : "否");
            }
            if (city.Name == "广州市")
            {
                if (random.NextDouble() < 0.05)
                    Set(row, "tech_upgrade_awarded_projects@{0}", string.Create(CultureInfo.InvariantCulture, $$"""[{"equipment_purchase":{{random.Next(500, 30_000) * 10_000}}}]"""));
                Set(row, "small_tech_upgrade_projects@{-1}", random.NextDouble() < 0.15
                    ? string.Create(CultureInfo.InvariantCulture, $$"""[{"new_equipment_purchase":{{random.Next(100, 700) * 10_000}}}]""")
                    : "[]");
            }
            if (city.Name == "厦门市")
            {
                Set(row, "tech_upgrade_equipment_investment@{-1}", random.NextDouble() < 0.3 ? Money(random.Next(20, 900) * 10_000m) : "0");
                Set(row, "digital_maturity_level", random.Next(1, 5).ToString(CultureInfo.InvariantCulture));
                Set(row, "domestic_credit_insurance_policies", random.NextDouble() < 0.05
                    ? string.Create(CultureInfo.InvariantCulture, $$"""[{"premium":{{random.Next(1, 100) * 10_000}},"rate":{{(random.Next(3, 15) / 1000m).ToString(CultureInfo.InvariantCulture)}}}]""")
                    : "[]");
                if (random.NextDouble() < 0.1) Set(row, "market_event_venue_rent", Money(random.Next(1, 30) * 10_000m));
            }
            if (city.Name == "南京市")
            {
                Set(row, "national_key_core_tech_task", random.NextDouble() < 0.03 ? "是" : "否");
                if (random.NextDouble() < 0.05) Set(row, "pilot_platform_investment", Money(random.Next(50, 500) * 10_000m));
                Set(row, "generative_ai_model_filed", random.NextDouble() < 0.02 ? "是" : "否");
            }
            yield return row;
        }
    }

    /// <summary>Writes the roster as CSV (Chinese headers) or JSON Lines (profiles), by extension.</summary>
    public void Write(string path, RosterLayout layout)
    {
        var keys = Keys;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            var columns = layout.Bind(keys);
            foreach (var row in Rows()) writer.WriteLine(Profile(columns, row));
            return;
        }
        var headers = layout.Bind(keys).Select(c => c.Header).ToArray();
        writer.WriteLine(string.Join(',', headers.Select(Quote)));
        var line = new StringBuilder();
        foreach (var row in Rows())
        {
            line.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) line.Append(',');
                if (row[i] is { } v) line.Append(Quote(v));
            }
            writer.WriteLine(line);
        }
    }

    private static string Profile(RosterColumn[] columns, string?[] row)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("id", row[0]);
            w.WriteString("name", row[1]);
            w.WriteStartObject("area");
            w.WriteString("province", row[2]);
            w.WriteString("city", row[3]);
            w.WriteString("district", row[4]);
            w.WriteString("since", row[5]);
            w.WriteEndObject();
            w.WriteStartArray("certificates");
            foreach (var kind in new[] { "innovative-sme", "srdi-sme", "little-giant" })
            {
                var issued = Array.FindIndex(columns, c => c.Key == $"{kind}.issued_on");
                if (row[issued] is null) continue;
                w.WriteStartObject();
                w.WriteString("kind", kind);
                w.WriteString("issued_on", row[issued]);
                var level = Array.FindIndex(columns, c => c.Key == $"{kind}.level");
                if (level >= 0 && row[level] is { } l) w.WriteString("level", l == "市级" ? "city" : "province");
                var renewal = Array.FindIndex(columns, c => c.Key == $"{kind}.renewal");
                if (renewal >= 0 && row[renewal] is not null) w.WriteBoolean("renewal", true);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("facts");
            var yearly = new Dictionary<string, List<(int Year, string Value, RosterColumn Column)>>();
            for (var i = 0; i < columns.Length; i++)
            {
                var c = columns[i];
                if (c.Kind != ColumnKind.Fact || row[i] is not { } value) continue;
                if (c.Year is { } year)
                {
                    if (!yearly.TryGetValue(c.Fact!.Name, out var list)) yearly[c.Fact.Name] = list = [];
                    list.Add((year, value, c));
                    continue;
                }
                w.WritePropertyName(c.Fact!.Name);
                JsonValue(w, c, value);
            }
            foreach (var (name, values) in yearly)
            {
                w.WriteStartObject(name);
                foreach (var (year, value, column) in values)
                {
                    w.WritePropertyName(year.ToString(CultureInfo.InvariantCulture));
                    JsonValue(w, column, value);
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void JsonValue(Utf8JsonWriter w, RosterColumn column, string value)
    {
        switch (column.Fact!.Type)
        {
            case Model.Vocabulary.FactType.List: w.WriteRawValue(value); break;
            case Model.Vocabulary.FactType.Boolean: w.WriteBooleanValue(value == "是"); break;
            case Model.Vocabulary.FactType.Count or Model.Vocabulary.FactType.Money or Model.Vocabulary.FactType.Number:
                w.WriteNumberValue(decimal.Parse(value, CultureInfo.InvariantCulture));
                break;
            default: w.WriteStringValue(value); break;
        }
    }

    private static void Set(string?[] row, string column, string value) => row[Array.IndexOf(Columns, column)] = value;

    private static decimal Round(decimal value, decimal unit) => Math.Round(value / unit) * unit;

    private static DateOnly Recent(Random random, int year, int years) => new DateOnly(year - years, 1, 1).AddDays(random.Next(365 * years));

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("0", CultureInfo.InvariantCulture);

    private static double LogNormal(Random random, double median, double sigma)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return median * Math.Exp(sigma * normal);
    }

    private static string Quote(string s) => s.AsSpan().IndexOfAny(",\"\r\n") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
