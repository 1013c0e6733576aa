using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Srdi.Model.Profiles;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Profiles;

/// <summary>Reads an enterprise profile (docs/profile.md) and refuses, with the JSON path, any
/// unknown field, wrong type or impossible value. A fact that is absent stays unknown.</summary>
public sealed class ProfileReader(CatalogVocabulary vocabulary)
{
    public EnterpriseProfile ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProfileException(path, $"无法读取档案文件：{e.Message}");
        }
        return ReadText(text);
    }

    public EnterpriseProfile ReadText(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ProfileException("$", $"不是有效的 JSON（第 {e.LineNumber + 1} 行第 {e.BytePositionInLine + 1} 字节附近）：{e.Message.Split('.')[0]}");
        }
        return Read(node as JsonObject ?? throw new ProfileException("$", "档案应为 JSON 对象 { … }"));
    }

    public EnterpriseProfile Read(JsonObject root)
    {
        Allow(root, "$", "id", "name", "area", "certificates", "facts");
        var id = String(root["id"], "$.id") ?? throw new ProfileException("$.id", "缺少必填字段 id（企业标识，如统一社会信用代码）");
        var area = root["area"] is JsonObject a ? ReadArea(a) : root["area"] is null ? null : throw new ProfileException("$.area", "应为对象");
        var certificates = new List<Certificate>();
        if (root["certificates"] is { } certs)
        {
            if (certs is not JsonArray array) throw new ProfileException("$.certificates", "应为数组 [ … ]");
            for (var i = 0; i < array.Count; i++)
                certificates.Add(ReadCertificate(array[i] as JsonObject ?? throw new ProfileException($"$.certificates[{i}]", "应为对象"), $"$.certificates[{i}]"));
        }
        var facts = new Dictionary<string, FactValue>(StringComparer.Ordinal);
        if (root["facts"] is { } f)
        {
            if (f is not JsonObject factsObject) throw new ProfileException("$.facts", "应为对象 { 事实名称: 值 }");
            foreach (var (name, value) in factsObject)
            {
                var path = $"$.facts.{name}";
                if (!vocabulary.Facts.TryGetValue(name, out var definition))
                    throw new ProfileException(path, $"未知的事实 \"{name}\"" + Suggest(name, vocabulary.Facts.Keys) + "；srdi facts 列出全部事实");
                if (value is null) continue; // null means unknown, the same as absent
                facts[name] = definition.Yearly ? ReadYearly(definition, value, path) : new ScalarFact(ReadValue(definition, value, path));
            }
        }
        return new EnterpriseProfile(id, String(root["name"], "$.name"), area, certificates, facts);
    }

    private EnterpriseArea ReadArea(JsonObject area)
    {
        Allow(area, "$.area", "province", "city", "district", "since");
        var result = new EnterpriseArea(String(area["province"], "$.area.province"), String(area["city"], "$.area.city"),
            String(area["district"], "$.area.district"), Date(area["since"], "$.area.since"));
        if (vocabulary.Areas.Check(result.Province, result.City, result.District) is { } problem)
            throw new ProfileException($"$.area.{problem.Field}", problem.Problem);
        return result;
    }

    private Certificate ReadCertificate(JsonObject c, string path)
    {
        Allow(c, path, "kind", "level", "issuer", "issued_on", "expires_on", "renewal");
        var kindName = String(c["kind"], path + ".kind") ?? throw new ProfileException(path + ".kind", "缺少证书种类 kind");
        if (!vocabulary.Certificates.TryGetValue(kindName, out var kind))
            throw new ProfileException(path + ".kind", $"未知的证书种类 \"{kindName}\"（可用：{string.Join("、", vocabulary.Certificates.Keys)}）");
        var level = kind.DefaultLevel;
        if (String(c["level"], path + ".level") is { } levelName)
        {
            if (!Enum.TryParse(levelName, true, out level) || !kind.Levels.Contains(level) || !levelName.All(char.IsAsciiLetterLower))
                throw new ProfileException(path + ".level", $"\"{levelName}\" 不是 {kindName} 的级别（可用：{string.Join("、", kind.Levels.Select(l => l.ToString().ToLowerInvariant()))}）");
        }
        var issued = Date(c["issued_on"], path + ".issued_on") ?? throw new ProfileException(path + ".issued_on", "缺少认定日期 issued_on");
        var expires = Date(c["expires_on"], path + ".expires_on") ?? issued.AddYears(kind.ValidityYears).AddDays(-1);
        if (expires < issued) throw new ProfileException(path + ".expires_on", $"有效期截止日 {expires:yyyy-MM-dd} 早于认定日期 {issued:yyyy-MM-dd}");
        var renewal = c["renewal"] switch
        {
            null => false,
            JsonValue v when v.TryGetValue(out bool b) => b,
            _ => throw new ProfileException(path + ".renewal", "应为 true 或 false"),
        };
        return new Certificate(kind.Id, level, String(c["issuer"], path + ".issuer"), issued, expires, renewal);
    }

    private static FactValue ReadYearly(FactDefinition definition, JsonNode value, string path)
    {
        if (value is not JsonObject byYear)
            throw new ProfileException(path, $"{definition.Label}按年度填写，应为 {{ \"2025\": 值 }}");
        var years = new Dictionary<int, object>();
        foreach (var (key, v) in byYear)
        {
            if (key.Length != 4 || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900 || year > 2200)
                throw new ProfileException($"{path}.{key}", $"年度应为四位年份，如 \"2025\"，实际为 \"{key}\"");
            if (v is null) continue;
            years[year] = ReadValue(definition, v, $"{path}.{key}");
        }
        return new YearlyFact(years);
    }

    internal static object ReadValue(FactDefinition definition, JsonNode value, string path)
    {
        if (definition.Type != FactType.List) return ReadScalar(definition.Type, definition.Choices, value, path);
        if (value is not JsonArray items) throw new ProfileException(path, $"应为数组，每项包含 {string.Join("、", definition.Fields.Select(f => f.Name))}");
        var result = new List<FactItem>();
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (items[i] is not JsonObject item) throw new ProfileException(itemPath, "应为对象");
            var fields = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var (name, fieldValue) in item)
            {
                var field = definition.Fields.FirstOrDefault(f => f.Name == name)
                    ?? throw new ProfileException($"{itemPath}.{name}", $"未知的字段 \"{name}\"（可用：{string.Join("、", definition.Fields.Select(f => f.Name))}）");
                if (fieldValue is not null) fields[name] = ReadScalar(field.Type, field.Choices, fieldValue, $"{itemPath}.{name}");
            }
            result.Add(new FactItem(fields));
        }
        return result;
    }

    private static object ReadScalar(FactType type, IReadOnlyList<string> choices, JsonNode value, string path)
    {
        var v = value as JsonValue ?? throw new ProfileException(path, $"应为{Describe(type)}，而不是对象或数组");
        switch (type)
        {
            case FactType.Money:
                var money = Number(v, path, allowUnits: true, "金额（元），如 5000000 或 \"500万\"");
                return money >= 0 ? money : throw new ProfileException(path, $"金额不能为负数：{money}");
            case FactType.Rate:
                var rate = Number(v, path, allowUnits: true, "比率，如 0.035 或 \"3.5%\"");
                return rate is >= 0 and <= 1 ? rate : throw new ProfileException(path, $"比率应在 0 到 1 之间（3.5% 写作 0.035 或 \"3.5%\"），实际为 {rate}");
            case FactType.Count:
                var count = Number(v, path, allowUnits: false, "非负整数");
                return count >= 0 && count == decimal.Truncate(count) ? count : throw new ProfileException(path, $"应为非负整数，实际为 {count}");
            case FactType.Number:
                return Number(v, path, allowUnits: false, "数值");
            case FactType.Boolean:
                return v.TryGetValue(out bool b) ? b : throw new ProfileException(path, $"应为 true 或 false，实际为 {v.ToJsonString()}");
            case FactType.Date:
                return Date(v, path)!.Value;
            case FactType.Choice:
                var s = v.TryGetValue(out string? text) ? text : throw new ProfileException(path, $"应为文字，实际为 {v.ToJsonString()}");
                return choices.Contains(s) ? s : throw new ProfileException(path, $"\"{s}\" 不是可选值（可选：{string.Join("、", choices)}）");
            default:
                throw new ProfileException(path, "不支持的类型");
        }
    }

    private static decimal Number(JsonValue v, string path, bool allowUnits, string expected)
    {
        if (v.TryGetValue(out decimal d)) return d;
        if (allowUnits && v.TryGetValue(out string? s) && Quantity.TryParse(s, out var q)) return q;
        throw new ProfileException(path, $"应为{expected}，实际为 {v.ToJsonString()}");
    }

    private static string? String(JsonNode? node, string path) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => throw new ProfileException(path, $"应为文字，实际为 {node.ToJsonString()}"),
    };

    private static DateOnly? Date(JsonNode? node, string path)
    {
        if (node is null) return null;
        var s = node is JsonValue v && v.TryGetValue(out string? text) ? text : throw new ProfileException(path, $"应为日期 \"YYYY-MM-DD\"，实际为 {node.ToJsonString()}");
        return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new ProfileException(path, $"应为日期 \"YYYY-MM-DD\"，实际为 \"{s}\"");
    }

    private static void Allow(JsonObject obj, string path, params string[] allowed)
    {
        foreach (var (key, _) in obj)
            if (!allowed.Contains(key))
                throw new ProfileException($"{path}.{key}", $"未知的字段 \"{key}\"" + Suggest(key, allowed) + $"（此处可用：{string.Join("、", allowed)}）");
    }

    private static string Suggest(string name, IEnumerable<string> known)
    {
        var best = known.Select(k => (k, d: Distance(k, name))).Where(x => x.d <= Math.Max(2, name.Length / 4)).OrderBy(x => x.d).FirstOrDefault();
        return best.k is null ? "" : $"，是否指 \"{best.k}\"？";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }

    private static string Describe(FactType type) => type switch
    {
        FactType.Money => "金额",
        FactType.Rate => "比率",
        FactType.Count => "整数",
        FactType.Boolean => "true/false",
        FactType.Date => "日期",
        FactType.Choice => "文字",
        _ => "数值",
    };
}
