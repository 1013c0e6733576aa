using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Srdi.Application.Rosters;
using Srdi.Model.Policies;
using Srdi.Model.Vocabulary;

namespace Srdi.Tools.Rosters;

/// <param name="Cities">The cities asked for (--city); empty for the catalog's cities and the
/// default cities no document concerns.</param>
public sealed record GeneratorOptions(int Count, int Seed, DateOnly At, IReadOnlyList<string> Cities);

/// <summary>A synthetic roster for demos, tests and benchmarks (docs/roster.md). What is national
/// stays here: the tier mix follows the published 34 : 8 : 1 (创新型 : 专精特新 : 小巨人,
/// docs/reference/tier-criteria.md §4) and sizes, revenue and R&amp;D are drawn around tier medians.
/// What is local comes from the catalog (<see cref="RosterPlaces"/>): the cities and districts, and
/// the facts each enterprise is given, filled by their declared type (<see cref="FactValues"/>).
/// The same catalog and seed give the same roster.</summary>
public sealed class RosterGenerator
{
    /// <summary>Enterprises in cities no document concerns, as a share of the roster when both
    /// kinds of city are generated: a real roster holds many enterprises that get nothing.</summary>
    public const double ElsewhereShare = 0.2;

    /// <summary>The share of a city's enterprises placed in the districts its district-level
    /// documents cover (深圳市南山区).</summary>
    public const double DocumentDistrictShare = 0.5;

    /// <summary>The SRDI ladder, lowest first: each tier also holds the ones below it.</summary>
    private static readonly string[] Tiers = ["innovative-sme", "srdi-sme", "little-giant"];

    /// <summary>Facts of every enterprise, whatever its city: those the tier criteria and the
    /// batch summary read. A catalog that does not declare one simply goes without it.</summary>
    private static readonly string[] GenericFacts =
        ["sector", "size_class", "employees", "operating_revenue", "main_business_revenue", "rd_expense", "total_assets", "total_liabilities", "listed_on"];

    private static readonly string[] Prefixes = ["精", "华", "智", "创", "联", "科", "新", "盛", "恒", "晶", "瑞", "博", "微", "达"];
    private static readonly string[] Trades = ["传感", "精密机械", "新材料", "医疗器械", "半导体", "工业软件", "智能装备", "电子元件", "生物科技", "新能源"];

    private readonly GeneratorOptions _options;
    private readonly CatalogVocabulary _vocabulary;
    private readonly RosterCity[] _cities;
    private readonly double[] _weights;
    private readonly string[] _keys;
    private readonly Dictionary<string, int> _column;
    /// <summary>Per city, per district: the columns of the facts its documents read.</summary>
    private readonly (FactSlot Slot, int Column)[][][] _localFacts;

    public GeneratorOptions Options => _options;

    public RosterGenerator(PolicyCatalog catalog, GeneratorOptions options)
    {
        _options = options;
        _vocabulary = catalog.Vocabulary;
        var places = new RosterPlaces(catalog, options.At);
        _cities = (options.Cities.Count == 0 ? places.Covered.Concat(places.Elsewhere) : places.Resolve(options.Cities)).ToArray();
        if (_cities.Length == 0) throw new ArgumentException("没有可生成企业的城市：目录中没有文件，也没有用 --city 指定城市");
        _weights = Weights(_cities);

        var keys = new List<string> { "id", "name", "province", "city", "district", "since" };
        foreach (var kind in Tiers.Where(_vocabulary.Certificates.ContainsKey))
        {
            keys.Add($"{kind}.issued_on");
            if (_vocabulary.Certificates[kind].Levels.Count > 1) keys.Add($"{kind}.level");
            if (kind != Tiers[0]) keys.Add($"{kind}.renewal"); // the first rung is not renewed here
        }
        var y = options.At.Year;
        foreach (var name in GenericFacts.Where(_vocabulary.Facts.ContainsKey))
        {
            var fact = _vocabulary.Facts[name];
            if (!fact.Yearly) keys.Add(name);
            else
            {
                keys.Add(string.Create(CultureInfo.InvariantCulture, $"{name}@{y - 1}"));
                if (name == "operating_revenue") keys.Add(string.Create(CultureInfo.InvariantCulture, $"{name}@{y - 2}")); // growth needs two years
            }
        }
        var local = _cities.Select(c => c.Districts.Select(d => places.FactsAt(c.Name, d)
            .Where(s => !GenericFacts.Contains(s.Fact.Name)).ToArray()).ToArray()).ToArray();
        keys.AddRange(local.SelectMany(c => c.SelectMany(d => d)).Select(s => s.Key).Distinct().Order(StringComparer.Ordinal));
        _keys = keys.ToArray();
        _column = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        _localFacts = local.Select(c => c.Select(d => d.Select(s => (s, _column[s.Key])).ToArray()).ToArray()).ToArray();
    }

    /// <summary>The cities the roster draws from, with their share of enterprises.</summary>
    public IEnumerable<(RosterCity City, double Share)> Cities => _cities.Zip(_weights, (c, w) => (c, w));

    /// <summary>The column keys, years filled in: "rd_expense@2024".</summary>
    public string[] Keys => _keys;

    /// <summary>Cities the catalog covers share equally (1 − <see cref="ElsewhereShare"/>) of the
    /// roster, the others equally the rest; where only one kind is generated, all share equally.</summary>
    private static double[] Weights(RosterCity[] cities)
    {
        var covered = cities.Count(c => c.Covered);
        var elsewhere = cities.Length - covered;
        if (covered == 0 || elsewhere == 0) return cities.Select(_ => 1.0 / cities.Length).ToArray();
        return cities.Select(c => c.Covered ? (1 - ElsewhereShare) / covered : ElsewhereShare / elsewhere).ToArray();
    }

    public IEnumerable<string?[]> Rows()
    {
        var random = new Random(_options.Seed);
        var y = _options.At.Year;
        for (var i = 0; i < _options.Count; i++)
        {
            var row = new string?[_keys.Length];
            var pick = random.NextDouble();
            var c = 0;
            while (c < _cities.Length - 1 && (pick -= _weights[c]) > 0) c++;
            var city = _cities[c];
            // Half of a city's enterprises sit in the districts its district-level documents
            // cover, so that those documents meet enough enterprises; the rest spread evenly.
            var d = city.DocumentDistricts.Count > 0 && random.NextDouble() < DocumentDistrictShare
                ? IndexOf(city.Districts, city.DocumentDistricts[random.Next(city.DocumentDistricts.Count)])
                : random.Next(city.Districts.Count);
            // 34 : 8 : 1, cumulative: every 专精特新 is also 创新型, every 小巨人 also 专精特新.
            var tier = random.Next(43) switch { 0 => 3, < 9 => 2, _ => 1 };
            Set(row, "id", string.Create(CultureInfo.InvariantCulture, $"91{c + 1:D2}{_options.Seed & 0xFFFF:X4}{i:D10}"));
            Set(row, "name", $"{city.Name[..Math.Min(2, city.Name.Length)]}{Prefixes[random.Next(Prefixes.Length)]}{Prefixes[random.Next(Prefixes.Length)]}{Trades[random.Next(Trades.Length)]}有限公司");
            Set(row, "province", city.Province);
            Set(row, "city", city.Name);
            Set(row, "district", city.Districts[d]);
            Set(row, "since", FactValues.Date(new DateOnly(y - 20, 1, 1).AddDays(random.Next(365 * 18))));
            for (var t = 0; t < Tiers.Length && t < tier; t++) Certificate(random, row, Tiers[t]);

            Set(row, "sector", random.NextDouble() switch { < 0.75 => "工业", < 0.9 => "软件和信息技术服务业", < 0.95 => "批发业", _ => "其他未列明行业" });
            var employees = (int)Math.Round(FactValues.LogNormal(random, tier switch { 1 => 60, 2 => 160, _ => 320 }, 0.6));
            var revenue = FactValues.Round((decimal)FactValues.LogNormal(random, tier switch { 1 => 30_000_000, 2 => 100_000_000, _ => 250_000_000 }, 0.7), 10000m);
            Set(row, "size_class", employees >= 1000 && revenue >= 400_000_000 ? "大型" : employees >= 300 && revenue >= 20_000_000 ? "中型" : employees >= 20 && revenue >= 3_000_000 ? "小型" : "微型");
            Set(row, string.Create(CultureInfo.InvariantCulture, $"employees@{y - 1}"), employees.ToString(CultureInfo.InvariantCulture));
            Set(row, string.Create(CultureInfo.InvariantCulture, $"operating_revenue@{y - 1}"), Money(revenue));
            Set(row, string.Create(CultureInfo.InvariantCulture, $"operating_revenue@{y - 2}"), Money(FactValues.Round(revenue / (1 + (decimal)(random.NextDouble() * 0.3 - 0.05)), 10000m)));
            Set(row, string.Create(CultureInfo.InvariantCulture, $"main_business_revenue@{y - 1}"), Money(FactValues.Round(revenue * (decimal)(0.6 + random.NextDouble() * 0.4), 10000m)));
            Set(row, string.Create(CultureInfo.InvariantCulture, $"rd_expense@{y - 1}"), Money(FactValues.Round(revenue * (decimal)(0.02 + random.NextDouble() * 0.08), 1000m)));
            var assets = FactValues.Round(revenue * (decimal)(0.8 + random.NextDouble()), 10000m);
            Set(row, string.Create(CultureInfo.InvariantCulture, $"total_assets@{y - 1}"), Money(assets));
            Set(row, string.Create(CultureInfo.InvariantCulture, $"total_liabilities@{y - 1}"), Money(FactValues.Round(assets * (decimal)(0.2 + random.NextDouble() * 0.6), 10000m)));
            if (tier >= 2 && random.NextDouble() < 0.03) Set(row, "listed_on", FactValues.Date(Recent(random, 3)));

            // A roster never knows everything: about a third of the local facts stay unknown.
            foreach (var (slot, column) in _localFacts[c][d])
                if (random.NextDouble() < 0.7)
                    row[column] = FactValues.Cell(random, slot.Fact, revenue, _options.At, slot.Year);
            yield return row;
        }
    }

    private void Certificate(Random random, string?[] row, string kind)
    {
        if (!_vocabulary.Certificates.TryGetValue(kind, out var definition)) return;
        Set(row, $"{kind}.issued_on", FactValues.Date(Recent(random, 4)));
        if (definition.Levels.Count > 1)
        {
            // Mostly the usual level; some enterprises hold one of the others the kind allows.
            var others = definition.Levels.Where(l => l != definition.DefaultLevel).ToArray();
            var level = others.Length > 0 && random.NextDouble() < 0.2 ? others[random.Next(others.Length)] : definition.DefaultLevel;
            Set(row, $"{kind}.level", LevelWord(level));
        }
        if (kind != Tiers[0] && random.NextDouble() < 0.25) Set(row, $"{kind}.renewal", "是");
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == item) return i;
        return 0;
    }

    private static string LevelWord(CertificateLevel level) => level switch
    {
        CertificateLevel.National => "国家级",
        CertificateLevel.Province => "省级",
        _ => "市级",
    };

    private static string LevelKey(string word) => word switch
    {
        "国家级" => "national",
        "省级" => "province",
        _ => "city",
    };

    /// <summary>Writes the roster as CSV (Chinese headers) or JSON Lines (profiles), by extension.</summary>
    public void Write(string path, RosterLayout layout)
    {
        var columns = layout.Bind(_keys);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var row in Rows()) writer.WriteLine(Profile(columns, row));
            return;
        }
        writer.WriteLine(string.Join(',', columns.Select(c => Quote(c.Header))));
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

    private string Profile(RosterColumn[] columns, string?[] row)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("id", row[_column["id"]]);
            w.WriteString("name", row[_column["name"]]);
            w.WriteStartObject("area");
            if (row[_column["province"]] is { } province) w.WriteString("province", province);
            w.WriteString("city", row[_column["city"]]);
            w.WriteString("district", row[_column["district"]]);
            w.WriteString("since", row[_column["since"]]);
            w.WriteEndObject();
            w.WriteStartArray("certificates");
            foreach (var kind in Tiers)
            {
                if (!_column.TryGetValue($"{kind}.issued_on", out var issued) || row[issued] is null) continue;
                w.WriteStartObject();
                w.WriteString("kind", kind);
                w.WriteString("issued_on", row[issued]);
                if (_column.TryGetValue($"{kind}.level", out var level) && row[level] is { } l) w.WriteString("level", LevelKey(l));
                if (_column.TryGetValue($"{kind}.renewal", out var renewal) && row[renewal] is not null) w.WriteBoolean("renewal", true);
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
            case FactType.List: w.WriteRawValue(value); break;
            case FactType.Boolean: w.WriteBooleanValue(value == "是"); break;
            case FactType.Count or FactType.Money or FactType.Number or FactType.Rate:
                w.WriteNumberValue(decimal.Parse(value, CultureInfo.InvariantCulture));
                break;
            default: w.WriteStringValue(value); break;
        }
    }

    private void Set(string?[] row, string key, string? value)
    {
        if (_column.TryGetValue(key, out var i)) row[i] = value;
    }

    private DateOnly Recent(Random random, int years) => new DateOnly(_options.At.Year - years, 1, 1).AddDays(random.Next(365 * years));

    private static string Money(decimal value) => value.ToString("0", CultureInfo.InvariantCulture);

    private static string Quote(string s) => Srdi.Application.Text.CsvText.Field(s);
}
