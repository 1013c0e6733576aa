using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Srdi.Model.Profiles;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Profiles;

/// <summary>Reads an enterprise profile (docs/profile.md) and refuses, with the JSON path, any
/// unknown field, wrong type or impossible value. A fact that is absent, or null, stays unknown.
/// Reads from a pooled <see cref="JsonDocument"/>: a JSON Lines roster parses a million of them.</summary>
public sealed class ProfileReader(CatalogVocabulary vocabulary)
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>A profile is at most 1 MiB (UTF-8): a real one is a few kilobytes, and a 170 MB
    /// file must be refused before it is read, not after it has taken gigabytes.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>At most this many items in any list: certificates, or one list fact's items.</summary>
    public const int MaxListItems = 10_000;

    /// <summary>At most this many characters in a text field (id, name, issuer, area names).</summary>
    public const int MaxTextLength = 200;

    private static string TooBig(long size) =>
        string.Create(CultureInfo.InvariantCulture, $"档案过大（{size:N0} 字节，上限 {MaxBytes:N0} 字节即 1 MiB）");

    public EnterpriseProfile ReadFile(string path)
    {
        string text;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes) throw new ProfileException("$", TooBig(length));
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
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxBytes || System.Text.Encoding.UTF8.GetByteCount(json) > MaxBytes)
            throw new ProfileException("$", TooBig(System.Text.Encoding.UTF8.GetByteCount(json)));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new ProfileException("$", string.Create(CultureInfo.InvariantCulture, $"不是有效的 JSON（第 {e.LineNumber + 1} 行第 {e.BytePositionInLine + 1} 字节附近）：{e.Message.Split('.')[0]}"));
        }
        using (document) return Read(document.RootElement);
    }

    /// <summary>A profile already parsed (rules tests write theirs in YAML).</summary>
    public EnterpriseProfile Read(JsonObject root) => ReadText(root.ToJsonString());

    private EnterpriseProfile Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new ProfileException("$", "档案应为 JSON 对象 { … }");
        Allow(root, "$", "id", "name", "area", "certificates", "facts");
        var id = String(Get(root, "id"), "$.id") ?? throw new ProfileException("$.id", "缺少必填字段 id（企业标识，如统一社会信用代码）");
        EnterpriseArea? area = null;
        if (Get(root, "area") is { } a)
            area = a.ValueKind == JsonValueKind.Object ? ReadArea(a) : throw new ProfileException("$.area", "应为对象");
        var certificates = new List<Certificate>();
        if (Get(root, "certificates") is { } certs)
        {
            if (certs.ValueKind != JsonValueKind.Array) throw new ProfileException("$.certificates", "应为数组 [ … ]");
            if (certs.GetArrayLength() > MaxCertificates)
                throw new ProfileException("$.certificates", string.Create(CultureInfo.InvariantCulture, $"证书过多（{certs.GetArrayLength():N0} 项，上限 {MaxCertificates}）"));
            var i = 0;
            foreach (var c in certs.EnumerateArray())
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"$.certificates[{i++}]");
                certificates.Add(ReadCertificate(c.ValueKind == JsonValueKind.Object ? c : throw new ProfileException(path, "应为对象"), path));
            }
        }
        var facts = new Dictionary<string, FactValue>(StringComparer.Ordinal);
        if (Get(root, "facts") is { } f)
        {
            if (f.ValueKind != JsonValueKind.Object) throw new ProfileException("$.facts", "应为对象 { 事实名称: 值 }");
            foreach (var property in Properties(f, "$.facts"))
            {
                var name = property.Name;
                var path = $"$.facts.{name}";
                if (!vocabulary.Facts.TryGetValue(name, out var definition))
                    throw new ProfileException($"$.facts.{CellValues.Clip(name)}", $"未知的事实 \"{CellValues.Clip(name)}\"" + Suggest(name, vocabulary.Facts.Keys) + "；srdi facts 列出全部事实");
                if (property.Value.ValueKind == JsonValueKind.Null) continue; // null means unknown, the same as absent
                facts[name] = definition.Yearly ? ReadYearly(definition, property.Value, path) : new ScalarFact(ReadValue(definition, property.Value, path));
            }
        }
        return new EnterpriseProfile(id, String(Get(root, "name"), "$.name"), area, certificates, facts);
    }

    private EnterpriseArea ReadArea(JsonElement area)
    {
        Allow(area, "$.area", "province", "city", "district", "since");
        var result = new EnterpriseArea(String(Get(area, "province"), "$.area.province"), String(Get(area, "city"), "$.area.city"),
            String(Get(area, "district"), "$.area.district"), Date(Get(area, "since"), "$.area.since"));
        if (vocabulary.Areas.Check(result.Province, result.City, result.District) is { } problem)
            throw new ProfileException($"$.area.{problem.Field}", problem.Problem);
        return result;
    }

    private Certificate ReadCertificate(JsonElement c, string path)
    {
        Allow(c, path, "kind", "level", "issuer", "issued_on", "expires_on", "renewal");
        var kindName = String(Get(c, "kind"), path + ".kind") ?? throw new ProfileException(path + ".kind", "缺少证书种类 kind");
        if (!vocabulary.Certificates.TryGetValue(kindName, out var kind))
            throw new ProfileException(path + ".kind", $"未知的证书种类 \"{kindName}\"（可用：{string.Join("、", vocabulary.Certificates.Keys)}）");
        var level = kind.DefaultLevel;
        if (String(Get(c, "level"), path + ".level") is { } levelName)
        {
            if (!Codes.TryParse(levelName, out level) || !kind.Levels.Contains(level))
                throw new ProfileException(path + ".level", $"\"{levelName}\" 不是 {kindName} 的级别（可用：{string.Join("、", kind.Levels.Select(Codes.Of))}）");
        }
        var issued = Date(Get(c, "issued_on"), path + ".issued_on") ?? throw new ProfileException(path + ".issued_on", "缺少认定日期 issued_on");
        var expires = Date(Get(c, "expires_on"), path + ".expires_on") ?? kind.ExpiryFor(issued);
        if (expires < issued) throw new ProfileException(path + ".expires_on", string.Create(CultureInfo.InvariantCulture, $"有效期截止日 {expires:yyyy-MM-dd} 早于认定日期 {issued:yyyy-MM-dd}"));
        var renewal = Get(c, "renewal") switch
        {
            null => false,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            _ => throw new ProfileException(path + ".renewal", "应为 true 或 false"),
        };
        return new Certificate(kind.Id, level, String(Get(c, "issuer"), path + ".issuer"), issued, expires, renewal);
    }

    private static YearlyFact ReadYearly(FactDefinition definition, JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw new ProfileException(path, $"{definition.Label}按年度填写，应为 {{ \"2025\": 值 }}");
        var years = new Dictionary<int, object>();
        foreach (var property in Properties(value, path))
        {
            var key = property.Name;
            if (key.Length != 4 || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900 || year > 2200)
                throw new ProfileException($"{path}.{CellValues.Clip(key)}", $"年度应为四位年份（1900 至 2200），如 \"2025\"，实际为 \"{CellValues.Clip(key)}\"");
            if (property.Value.ValueKind == JsonValueKind.Null) continue;
            years[year] = ReadValue(definition, property.Value, $"{path}.{key}");
        }
        return new YearlyFact(years);
    }

    /// <summary>One value of a fact: a scalar, or for a list fact an array of items.</summary>
    internal static object ReadValue(FactDefinition definition, JsonElement value, string path)
    {
        if (definition.Type != FactType.List) return ReadScalar(definition.Type, definition.Choices, value, path);
        if (value.ValueKind != JsonValueKind.Array) throw new ProfileException(path, $"应为数组，每项包含 {string.Join("、", definition.Fields.Select(f => f.Name))}");
        if (value.GetArrayLength() > MaxListItems)
            throw new ProfileException(path, string.Create(CultureInfo.InvariantCulture, $"列表过长（{value.GetArrayLength():N0} 项，上限 {MaxListItems:N0}）"));
        var result = new List<FactItem>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]");
            if (item.ValueKind != JsonValueKind.Object) throw new ProfileException(itemPath, "应为对象");
            var fields = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var property in Properties(item, itemPath))
            {
                var field = definition.Fields.FirstOrDefault(f => f.Name == property.Name)
                    ?? throw new ProfileException($"{itemPath}.{CellValues.Clip(property.Name)}", $"未知的字段 \"{CellValues.Clip(property.Name)}\"（可用：{string.Join("、", definition.Fields.Select(f => f.Name))}）");
                if (property.Value.ValueKind != JsonValueKind.Null)
                    fields[property.Name] = ReadScalar(field.Type, field.Choices, property.Value, $"{itemPath}.{property.Name}");
            }
            result.Add(new FactItem(fields));
        }
        return result;
    }

    /// <summary>A list fact's value from the text of a roster cell.</summary>
    internal static object ReadValue(FactDefinition definition, string json, string path)
    {
        using var document = JsonDocument.Parse(json, Options);
        return ReadValue(definition, document.RootElement, path);
    }

    private static object ReadScalar(FactType type, IReadOnlyList<string> choices, JsonElement v, string path)
    {
        if (v.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            throw new ProfileException(path, $"应为{Describe(type)}，而不是对象或数组");
        switch (type)
        {
            case FactType.Money:
                return Checked(type, Number(v, path, allowUnits: true, "金额（元），如 5000000 或 \"500万\""), v, path);
            case FactType.Rate:
                return Checked(type, Number(v, path, allowUnits: true, "比率，如 0.035 或 \"3.5%\""), v, path);
            case FactType.Count:
                return Checked(type, Number(v, path, allowUnits: false, "非负整数"), v, path);
            case FactType.Number:
                return Checked(type, Number(v, path, allowUnits: false, "数值"), v, path);
            case FactType.Boolean:
                return v.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw new ProfileException(path, $"应为 true 或 false，实际为 {Raw(v)}"),
                };
            case FactType.Date:
                return Date(v, path)!.Value;
            case FactType.Choice:
                var s = v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new ProfileException(path, $"应为文字，实际为 {Raw(v)}");
                return FactValues.ChoiceProblem(choices, s) is { } problem ? throw new ProfileException(path, problem) : s;
            default:
                throw new ProfileException(path, "不支持的类型");
        }
    }

    private static decimal Checked(FactType type, decimal value, JsonElement v, string path) =>
        FactValues.NumberProblem(type, value, Raw(v)) is { } problem ? throw new ProfileException(path, problem) : value;

    private static decimal Number(JsonElement v, string path, bool allowUnits, string expected)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d)) return d;
        if (allowUnits && v.ValueKind == JsonValueKind.String && Quantity.TryParse(v.GetString()!, out var q)) return q;
        throw new ProfileException(path, $"应为{expected}，实际为 {Raw(v)}");
    }

    private static JsonElement? Get(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? String(JsonElement? node, string path) => node switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } s => s.GetString() is { Length: > MaxTextLength } big
            ? throw new ProfileException(path, string.Create(CultureInfo.InvariantCulture, $"文字过长（{big.Length:N0} 个字符，上限 {MaxTextLength}）：{CellValues.Clip(big)}"))
            : s.GetString(),
        { } other => throw new ProfileException(path, $"应为文字，实际为 {Raw(other)}"),
    };

    private static DateOnly? Date(JsonElement? node, string path)
    {
        if (node is not { } v) return null;
        var s = v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new ProfileException(path, $"应为日期 \"YYYY-MM-DD\"（1900-01-01 至 2200-12-31），实际为 {Raw(v)}");
        return Text.IsoDate.TryParse(s, out var d)
            ? d
            : throw new ProfileException(path, $"应为日期 \"YYYY-MM-DD\"（1900-01-01 至 2200-12-31），实际为 \"{CellValues.Clip(s)}\"");
    }

    /// <summary>At most this many certificates in one profile.</summary>
    public const int MaxCertificates = 100;

    /// <summary>An object's properties, refusing a key written twice: JSON leaves duplicates
    /// undefined and the parser would silently keep the last, so a profile saying two things
    /// about one field is an error naming that field.</summary>
    private static List<JsonProperty> Properties(JsonElement obj, string path)
    {
        var properties = new List<JsonProperty>();
        HashSet<string>? seen = null;
        foreach (var property in obj.EnumerateObject())
        {
            seen ??= new HashSet<string>(StringComparer.Ordinal);
            if (!seen.Add(property.Name))
                throw new ProfileException($"{path}.{CellValues.Clip(property.Name)}", $"字段 \"{CellValues.Clip(property.Name)}\" 重复出现：同一字段只能写一次");
            properties.Add(property);
        }
        return properties;
    }

    private static void Allow(JsonElement obj, string path, params string[] allowed)
    {
        foreach (var property in Properties(obj, path))
            if (!allowed.Contains(property.Name))
                throw new ProfileException($"{path}.{CellValues.Clip(property.Name)}", $"未知的字段 \"{CellValues.Clip(property.Name)}\"" + Suggest(property.Name, allowed) + $"（此处可用：{string.Join("、", allowed)}）");
    }

    private static string Raw(JsonElement v) => CellValues.Clip(v.GetRawText());

    private static string Suggest(string name, IEnumerable<string> known)
    {
        // The edit distance costs length × length: a long unknown name is no typo of a short one.
        if (name.Length > 64) return "";
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
