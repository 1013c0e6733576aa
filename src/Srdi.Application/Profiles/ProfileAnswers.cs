using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Srdi.Model.Profiles;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Profiles;

/// <summary>A form answer that cannot go into a profile: the field's key and why, in Chinese.</summary>
public sealed record AnswerProblem(string Key, string Message);

/// <summary>Form answers turned into a profile JSON (docs/profile.md) for <see cref="ProfileReader"/>,
/// and the answers that could not be read. The JSON holds every answer that could.</summary>
public sealed record AnswersReading(JsonObject Profile, IReadOnlyList<AnswerProblem> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>The answers of a profile form as flat key → text pairs, both ways: a profile read
/// into the fields a <see cref="Questionnaire"/> shows (so an edit form is filled in), and posted
/// fields back into a profile JSON. An empty field is unknown, never zero; money is typed in 万元
/// (a plain number) or with its unit ("1200万", "500元", "2亿"); a rate in % ("3.5" or "3.5%").
/// Facts the form does not show travel whole in <see cref="Preserved"/>, so that answering a
/// few questions never loses the rest of a profile. Keys are plain ASCII, safe in a form field's
/// name: <c>id</c>, <c>province</c>, <c>c0-kind</c>, <c>f-office_rent_annual</c>,
/// <c>f-employees-2024</c>, <c>f-standards_published-i0-level</c>.</summary>
public static class ProfileAnswers
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Province = "province";
    public const string City = "city";
    public const string District = "district";
    public const string Since = "since";

    /// <summary>The facts the form does not show, as the JSON object of a profile's facts.</summary>
    public const string Preserved = "preserved";

    /// <summary>The fields of a certificate row: kind, level, issuer, issued_on, expires_on, renewal.</summary>
    public static readonly IReadOnlyList<string> CertificateFields = ["kind", "level", "issuer", "issued_on", "expires_on", "renewal"];

    public static string Fact(string fact, int? year = null) =>
        year is { } y ? string.Create(CultureInfo.InvariantCulture, $"f-{fact}-{y}") : $"f-{fact}";

    public static string Item(string fact, int? year, int item, string field) =>
        string.Create(CultureInfo.InvariantCulture, $"{Fact(fact, year)}-i{item}-{field}");

    /// <summary>"None" for a list fact (and year): answered "没有", a known empty list, which a form
    /// of empty rows could not tell from unknown.</summary>
    public static string NoItems(string fact, int? year) => Fact(fact, year) + "-none";

    public static string Certificate(int row, string field) => string.Create(CultureInfo.InvariantCulture, $"c{row}-{field}");

    /// <summary>The unit an answer is typed in: 万元 for money (万元/年 for a yearly sum), % for a
    /// rate, else the fact's own unit.</summary>
    public static string? UnitShown(FactType type, string? unit) => type switch
    {
        FactType.Money => unit is { } u && u.StartsWith('元') ? "万" + u : "万元",
        FactType.Rate => "%",
        _ => unit,
    };

    /// <summary>Rows the form shows for a list: the items answered and one empty row.</summary>
    public static int ItemRows(IReadOnlyDictionary<string, string> answers, string fact, int? year) =>
        Rows(answers, Fact(fact, year) + "-i") + 1;

    /// <summary>Rows the form shows for certificates: those answered and one empty row.</summary>
    public static int CertificateRows(IReadOnlyDictionary<string, string> answers) => Rows(answers, "c") + 1;

    private static int Rows(IReadOnlyDictionary<string, string> answers, string prefix)
    {
        var rows = 0;
        foreach (var key in answers.Keys)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = key.AsSpan(prefix.Length);
            var dash = rest.IndexOf('-');
            if (dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var row)) rows = Math.Max(rows, row + 1);
        }
        return rows;
    }

    /// <summary>A profile's answers to the questions of <paramref name="questionnaire"/>, its
    /// basics and certificates, and everything else in <see cref="Preserved"/>.</summary>
    public static Dictionary<string, string> FromProfile(EnterpriseProfile profile, Questionnaire questionnaire, CatalogVocabulary vocabulary)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal) { [Id] = profile.Id };
        if (profile.Name is { } name) answers[Name] = name;
        if (profile.Area is { } area)
        {
            if (area.Province is { } p) answers[Province] = p;
            if (area.City is { } c) answers[City] = c;
            if (area.District is { } d) answers[District] = d;
            if (area.Since is { } s) answers[Since] = Text.IsoDate.Format(s);
        }
        for (var i = 0; i < profile.Certificates.Count; i++)
        {
            var c = profile.Certificates[i];
            answers[Certificate(i, "kind")] = c.Kind;
            answers[Certificate(i, "level")] = Codes.Of(c.Level);
            if (c.Issuer is { } issuer) answers[Certificate(i, "issuer")] = issuer;
            answers[Certificate(i, "issued_on")] = Text.IsoDate.Format(c.IssuedOn);
            answers[Certificate(i, "expires_on")] = Text.IsoDate.Format(c.ExpiresOn);
            answers[Certificate(i, "renewal")] = c.Renewal ? "true" : "false";
        }

        var shown = new HashSet<(string, int?)>();
        foreach (var q in questionnaire.Questions)
        {
            if (!vocabulary.Facts.TryGetValue(q.Fact, out var definition)) continue;
            var value = profile.Facts.GetValueOrDefault(q.Fact);
            foreach (var year in q.Yearly ? q.Years.Select(y => (int?)y) : [null])
            {
                shown.Add((q.Fact, year));
                var answer = (value, year) switch
                {
                    (ScalarFact s, null) => s.Value,
                    (YearlyFact y, { } at) => y.ByYear.GetValueOrDefault(at),
                    _ => null,
                };
                if (answer is null) continue;
                if (answer is IReadOnlyList<FactItem> items)
                {
                    if (items.Count == 0) answers[NoItems(q.Fact, year)] = "true";
                    for (var i = 0; i < items.Count; i++)
                        foreach (var field in definition.Fields)
                            if (items[i].Fields.TryGetValue(field.Name, out var v)) answers[Item(q.Fact, year, i, field.Name)] = Format(field.Type, v);
                }
                else
                {
                    answers[Fact(q.Fact, year)] = Format(definition.Type, answer);
                }
            }
        }

        var rest = new JsonObject();
        foreach (var (fact, value) in profile.Facts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!vocabulary.Facts.TryGetValue(fact, out var definition)) continue;
            switch (value)
            {
                case ScalarFact s when !shown.Contains((fact, null)):
                    rest[fact] = ProfileJson.Value(definition, s.Value);
                    break;
                case YearlyFact y:
                    var years = new JsonObject();
                    foreach (var (year, v) in y.ByYear.OrderBy(kv => kv.Key))
                        if (!shown.Contains((fact, year))) years[year.ToString(CultureInfo.InvariantCulture)] = ProfileJson.Value(definition, v);
                    if (years.Count > 0) rest[fact] = years;
                    break;
            }
        }
        if (rest.Count > 0) answers[Preserved] = rest.ToJsonString(ProfileJson.Options);
        return answers;
    }

    /// <summary>An answer as the form shows it: money in 万元, a rate in %, true/false, a date
    /// YYYY-MM-DD, a choice as written.</summary>
    public static string Format(FactType type, object value) => value switch
    {
        decimal d when type == FactType.Money => Plain(d / 10_000m),
        decimal d when type == FactType.Rate => Plain(d * 100m),
        decimal d => Plain(d),
        bool b => b ? "true" : "false",
        DateOnly date => Text.IsoDate.Format(date),
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Plain(decimal d) => d.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>Posted answers as a profile JSON: the basics, the certificate rows that name a kind,
    /// <see cref="Preserved"/>, and every answered fact over it. Empty answers are left out
    /// (unknown); an answer that cannot be read is a problem, keyed by its field.</summary>
    public static AnswersReading ToProfileJson(IReadOnlyDictionary<string, string?> answers, CatalogVocabulary vocabulary)
    {
        var problems = new List<AnswerProblem>();
        string? Get(string key) => answers.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var root = new JsonObject { ["id"] = Get(Id) ?? "" };
        if (Get(Id) is null) problems.Add(new AnswerProblem(Id, "请填写企业标识（统一社会信用代码）"));
        if (Get(Name) is { } name) root["name"] = name;
        var area = new JsonObject();
        foreach (var (key, field) in new[] { (Province, "province"), (City, "city"), (District, "district") })
            if (Get(key) is { } v) area[field] = v;
        if (Get(Since) is { } since)
        {
            if (Text.IsoDate.TryParse(since, out var s)) area["since"] = Text.IsoDate.Format(s);
            else problems.Add(new AnswerProblem(Since, $"应为日期 YYYY-MM-DD（1900-01-01 至 2200-12-31），实际为“{CellValues.Clip(since)}”"));
        }
        if (area.Count > 0) root["area"] = area;

        var certificates = new JsonArray();
        for (var row = 0; row < Rows(AsText(answers), "c"); row++)
        {
            var kind = Get(Certificate(row, "kind"));
            var issued = Get(Certificate(row, "issued_on"));
            if (kind is null && issued is null) continue;
            if (kind is null) { problems.Add(new AnswerProblem(Certificate(row, "kind"), "请选择证书种类")); continue; }
            if (!vocabulary.Certificates.ContainsKey(kind)) { problems.Add(new AnswerProblem(Certificate(row, "kind"), "未知的证书种类")); continue; }
            var c = new JsonObject { ["kind"] = kind };
            if (Get(Certificate(row, "level")) is { } level) c["level"] = level;
            if (Get(Certificate(row, "issuer")) is { } issuer) c["issuer"] = issuer;
            foreach (var field in new[] { "issued_on", "expires_on" })
            {
                if (Get(Certificate(row, field)) is not { } text) continue;
                if (Text.IsoDate.TryParse(text, out var date)) c[field] = Text.IsoDate.Format(date);
                else problems.Add(new AnswerProblem(Certificate(row, field), $"应为日期 YYYY-MM-DD（1900-01-01 至 2200-12-31），实际为“{CellValues.Clip(text)}”"));
            }
            if (issued is null) problems.Add(new AnswerProblem(Certificate(row, "issued_on"), "请填写认定日期"));
            if (Get(Certificate(row, "renewal")) is { } renewal && CellValues.TryBool(renewal, out var r)) c["renewal"] = r;
            certificates.Add(c);
        }
        if (certificates.Count > 0) root["certificates"] = certificates;

        var facts = new JsonObject();
        if (Get(Preserved) is { } preserved)
        {
            try
            {
                if (JsonNode.Parse(preserved) is JsonObject o) facts = o;
                else problems.Add(new AnswerProblem(Preserved, "其余信息应为 JSON 对象"));
            }
            catch (JsonException)
            {
                problems.Add(new AnswerProblem(Preserved, "其余信息不是有效的 JSON"));
            }
        }

        // Each fact (and year) the form shows replaces what the preserved facts hold for it.
        var lists = new SortedDictionary<(string Fact, int? Year), SortedDictionary<int, JsonObject>>();
        var none = new HashSet<(string Fact, int? Year)>();
        foreach (var (key, raw) in answers.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!key.StartsWith("f-", StringComparison.Ordinal)) continue;
            var parts = key[2..].Split('-');
            if (!vocabulary.Facts.TryGetValue(parts[0], out var definition)) { problems.Add(new AnswerProblem(key, "未知的信息项")); continue; }
            var at = 1;
            int? year = null;
            if (definition.Yearly)
            {
                if (parts.Length <= at || !int.TryParse(parts[at], NumberStyles.None, CultureInfo.InvariantCulture, out var y)) { problems.Add(new AnswerProblem(key, "缺少年度")); continue; }
                year = y;
                at++;
            }
            Clear(facts, definition, year);
            var text = raw?.Trim() ?? "";
            if (definition.Type == FactType.List && parts.Length == at + 1 && parts[at] == "none")
            {
                if (!lists.ContainsKey((definition.Name, year))) lists[(definition.Name, year)] = [];
                if (CellValues.TryBool(text, out var empty) && empty) none.Add((definition.Name, year));
                continue;
            }
            if (definition.Type == FactType.List)
            {
                if (parts.Length != at + 2 || !parts[at].StartsWith('i') || !int.TryParse(parts[at].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var item)
                    || definition.Fields.FirstOrDefault(f => f.Name == parts[at + 1]) is not { } field)
                {
                    problems.Add(new AnswerProblem(key, "无法识别的列表字段"));
                    continue;
                }
                if (!lists.TryGetValue((definition.Name, year), out var rows)) lists[(definition.Name, year)] = rows = [];
                if (text.Length == 0) continue;
                if (!TryRead(field.Type, field.Choices, text, out var value, out var error)) { problems.Add(new AnswerProblem(key, $"{field.Label}：{error}")); continue; }
                if (!rows.TryGetValue(item, out var fields)) rows[item] = fields = [];
                fields[field.Name] = value;
                continue;
            }
            if (parts.Length != at) { problems.Add(new AnswerProblem(key, "无法识别的信息项")); continue; }
            if (text.Length == 0) continue;
            if (!TryRead(definition.Type, definition.Choices, text, out var answer, out var why)) { problems.Add(new AnswerProblem(key, $"{definition.Label}：{why}")); continue; }
            Set(facts, definition, year, answer);
        }
        foreach (var ((fact, year), rows) in lists)
            if (rows.Count > 0 || none.Contains((fact, year))) Set(facts, vocabulary.Facts[fact], year, new JsonArray(rows.Values.Select(r => (JsonNode)r).ToArray()));
        if (facts.Count > 0) root["facts"] = facts;
        return new AnswersReading(root, problems);
    }

    private static Dictionary<string, string> AsText(IReadOnlyDictionary<string, string?> answers) =>
        answers.ToDictionary(kv => kv.Key, kv => kv.Value ?? "", StringComparer.Ordinal);

    private static void Clear(JsonObject facts, FactDefinition definition, int? year)
    {
        if (year is { } y) (facts[definition.Name] as JsonObject)?.Remove(y.ToString(CultureInfo.InvariantCulture));
        else facts.Remove(definition.Name);
        if (facts[definition.Name] is JsonObject { Count: 0 }) facts.Remove(definition.Name);
    }

    private static void Set(JsonObject facts, FactDefinition definition, int? year, JsonNode value)
    {
        if (year is not { } y)
        {
            facts[definition.Name] = value;
            return;
        }
        if (facts[definition.Name] is not JsonObject years) facts[definition.Name] = years = new JsonObject();
        years[y.ToString(CultureInfo.InvariantCulture)] = value;
    }

    /// <summary>One typed answer as the JSON value a profile holds: money in yuan, a rate as a
    /// decimal, a whole count, true/false, a date, one of the choices.</summary>
    public static bool TryRead(FactType type, IReadOnlyList<string> choices, string text, out JsonNode value, out string error)
    {
        value = null!;
        error = "";
        var s = text.Trim().Replace('，', ',');
        switch (type)
        {
            case FactType.Money:
            {
                var withUnit = s.EndsWith('万') || s.EndsWith('亿') || s.EndsWith('元');
                if (!Quantity.TryParse(s, out var number)) { error = $"应为金额（单位万元，如 1200；也可写 1200万、500元、2亿），实际为“{CellValues.Clip(s)}”"; return false; }
                var yuan = withUnit ? number : number * 10_000m;
                if (FactValues.NumberProblem(type, yuan, s) is { } problem) { error = problem; return false; }
                value = JsonValue.Create(ProfileJson.Normalize(yuan));
                return true;
            }
            case FactType.Rate:
            {
                var withUnit = s.EndsWith('%') || s.EndsWith('‰');
                if (!Quantity.TryParse(s, out var number)) { error = $"应为百分比（如 3.5 表示 3.5%），实际为“{CellValues.Clip(s)}”"; return false; }
                var rate = withUnit ? number : number / 100m;
                if (FactValues.NumberProblem(type, rate, s) is { } problem) { error = problem; return false; }
                value = JsonValue.Create(ProfileJson.Normalize(rate));
                return true;
            }
            case FactType.Count or FactType.Number:
            {
                if (!CellValues.TryNumber(type, s, out var number, out error)) return false;
                value = JsonValue.Create(ProfileJson.Normalize(number));
                return true;
            }
            default:
                if (!CellValues.TryParse(type, choices, s, out var parsed, out error)) return false;
                value = parsed switch
                {
                    bool b => JsonValue.Create(b),
                    DateOnly d => JsonValue.Create(Text.IsoDate.Format(d)),
                    _ => JsonValue.Create((string)parsed),
                };
                return true;
        }
    }
}

/// <summary>A profile written back as the JSON <see cref="ProfileReader"/> reads (docs/profile.md):
/// money in yuan, rates as decimals, certificates with their levels and dates.</summary>
public static class ProfileJson
{
    internal static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Write(EnterpriseProfile profile, CatalogVocabulary vocabulary)
    {
        var root = new JsonObject { ["id"] = profile.Id };
        if (profile.Name is { } name) root["name"] = name;
        if (profile.Area is { } a)
        {
            var area = new JsonObject();
            if (a.Province is { } p) area["province"] = p;
            if (a.City is { } c) area["city"] = c;
            if (a.District is { } d) area["district"] = d;
            if (a.Since is { } s) area["since"] = Text.IsoDate.Format(s);
            root["area"] = area;
        }
        if (profile.Certificates.Count > 0)
            root["certificates"] = new JsonArray(profile.Certificates.Select(c =>
            {
                var o = new JsonObject { ["kind"] = c.Kind, ["level"] = Codes.Of(c.Level) };
                if (c.Issuer is { } issuer) o["issuer"] = issuer;
                o["issued_on"] = Text.IsoDate.Format(c.IssuedOn);
                o["expires_on"] = Text.IsoDate.Format(c.ExpiresOn);
                o["renewal"] = c.Renewal;
                return (JsonNode)o;
            }).ToArray());
        var facts = new JsonObject();
        foreach (var (fact, value) in profile.Facts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!vocabulary.Facts.TryGetValue(fact, out var definition)) continue;
            facts[fact] = value switch
            {
                YearlyFact y => new JsonObject(y.ByYear.OrderBy(kv => kv.Key)
                    .Select(kv => KeyValuePair.Create(kv.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)Value(definition, kv.Value)))),
                ScalarFact s => Value(definition, s.Value),
                _ => null,
            };
        }
        if (facts.Count > 0) root["facts"] = facts;
        return root;
    }

    public static string Serialize(EnterpriseProfile profile, CatalogVocabulary vocabulary) => Write(profile, vocabulary).ToJsonString(Options);

    internal static JsonNode? Value(FactDefinition definition, object value) => value switch
    {
        IReadOnlyList<FactItem> items => new JsonArray(items.Select(i => (JsonNode)new JsonObject(
            definition.Fields.Where(f => i.Fields.ContainsKey(f.Name)).Select(f => KeyValuePair.Create(f.Name, (JsonNode?)Scalar(i.Fields[f.Name]))))).ToArray()),
        _ => Scalar(value),
    };

    private static JsonValue? Scalar(object value) => value switch
    {
        decimal d => JsonValue.Create(Normalize(d)),
        bool b => JsonValue.Create(b),
        DateOnly d => JsonValue.Create(Srdi.Application.Text.IsoDate.Format(d)),
        string s => JsonValue.Create(s),
        _ => null,
    };

    /// <summary>The same number without trailing zeros: 500.00 → 500.</summary>
    public static decimal Normalize(decimal d) => d / 1.0000000000000000000000000000m;
}
