using Srdi.Catalog.Yaml;
using Srdi.Model.Policies;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;
using YamlDotNet.RepresentationModel;

namespace Srdi.Catalog.Loading;

/// <summary>Loads certificate kinds, facts and shared dated parameters.</summary>
internal static class VocabularyLoader
{
    private static readonly (string, FactType)[] FactTypes =
    [
        ("money", FactType.Money), ("number", FactType.Number), ("rate", FactType.Rate), ("count", FactType.Count),
        ("boolean", FactType.Boolean), ("date", FactType.Date), ("choice", FactType.Choice), ("list", FactType.List),
    ];

    private static readonly (string, CertificateLevel)[] Levels = Enum.GetValues<CertificateLevel>().Select(l => (Codes.Of(l), l)).ToArray();

    public static Dictionary<string, CertificateKind> LoadCertificates(YamlMap file)
    {
        var result = new Dictionary<string, CertificateKind>(StringComparer.Ordinal);
        var root = file.RequireMap("certificates");
        foreach (var (id, keyNode, value) in root.Entries())
        {
            if (value is not YamlMappingNode m) throw root.Error(keyNode, $"证书种类 \"{id}\" 应为映射");
            var map = new YamlMap(m, file.File);
            var levels = map.StringList("levels").Select(l => ParseLevel(map, l)).ToList();
            if (levels.Count == 0) throw map.Error(m, $"证书种类 \"{id}\" 缺少 levels");
            var kind = new CertificateKind(id, map.RequireString("name"), levels,
                map.Enum("default_level", levels[0], Levels), map.Int("validity_years"));
            if (!levels.Contains(kind.DefaultLevel)) throw map.Error(m, $"证书种类 \"{id}\" 的 default_level 不在 levels 中");
            map.RejectUnknownKeys();
            result[id] = kind;
        }
        file.RejectUnknownKeys();
        return result;
    }

    public static void LoadFacts(YamlMap file, Dictionary<string, FactDefinition> into)
    {
        var root = file.RequireMap("facts");
        foreach (var (name, keyNode, value) in root.Entries())
        {
            if (!IsSnakeCase(name))
                throw root.Error(keyNode, $"事实名称 \"{name}\" 应为小写英文加下划线（lower_snake_case）");
            if (into.TryGetValue(name, out var existing))
                throw root.Error(keyNode, $"事实 \"{name}\" 已在 {existing.Location} 声明过");
            if (value is not YamlMappingNode m) throw root.Error(keyNode, $"事实 \"{name}\" 应为映射");
            var map = new YamlMap(m, file.File);
            var type = map.Enum("type", FactType.Number, FactTypes);
            if (!map.Has("type")) throw map.Error(m, $"事实 \"{name}\" 缺少 type");
            var choices = map.StringList("choices");
            if (type == FactType.Choice && choices.Count == 0) throw map.Error(m, $"choice 类型的事实 \"{name}\" 需要 choices");
            var fields = new List<FieldDefinition>();
            if (map.Map("fields") is { } fieldMap)
            {
                foreach (var (field, fieldKey, fieldValue) in fieldMap.Entries())
                {
                    if (fieldValue is not YamlMappingNode fm) throw fieldMap.Error(fieldKey, $"字段 \"{field}\" 应为映射");
                    var f = new YamlMap(fm, file.File);
                    var fieldType = f.Enum("type", FactType.Number, FactTypes);
                    if (fieldType == FactType.List) throw f.Error(fm, "列表项的字段不能再是列表");
                    fields.Add(new FieldDefinition(field, f.String("label") ?? field, fieldType, f.StringList("choices")));
                    f.RejectUnknownKeys();
                }
            }
            if (type == FactType.List && fields.Count == 0) throw map.Error(m, $"list 类型的事实 \"{name}\" 需要 fields");
            into[name] = new FactDefinition(name, map.RequireString("label"), type, map.String("unit"),
                map.Bool("yearly", false), choices, fields, root.At(keyNode));
            map.RejectUnknownKeys();
        }
        file.RejectUnknownKeys();
    }

    public static Dictionary<string, DatedParameter> LoadParameters(YamlMap? root)
    {
        var result = new Dictionary<string, DatedParameter>(StringComparer.Ordinal);
        if (root is null) return result;
        foreach (var (name, keyNode, value) in root.Entries())
        {
            if (!IsSnakeCase(name)) throw root.Error(keyNode, $"参数名称 \"{name}\" 应为 lower_snake_case");
            if (value is not YamlMappingNode m) throw root.Error(keyNode, $"参数 \"{name}\" 应为映射");
            var map = new YamlMap(m, root.File);
            var values = new List<DatedValue>();
            foreach (var v in map.Maps("values", required: true))
            {
                values.Add(new DatedValue(v.Date("from") ?? throw v.Error(v.Node, "缺少 from 日期"), v.Quantity("value"), v.String("source")));
                v.RejectUnknownKeys();
            }
            for (var i = 1; i < values.Count; i++)
                if (values[i].From <= values[i - 1].From)
                    throw map.Error(m, $"参数 \"{name}\" 的 values 应按 from 日期递增排列");
            result[name] = new DatedParameter(name, map.RequireString("label"), map.String("unit"),
                map.String("clause"), values) { Part = map.String("part"), Note = map.String("note") };
            map.RejectUnknownKeys();
        }
        return result;
    }

    /// <summary>vocabulary/terms.yaml: every word list with its Chinese labels. The lists that
    /// name the model's own enums must hold exactly their codes (<see cref="Codes"/>).</summary>
    public static Terms LoadTerms(YamlMap file)
    {
        TermList List(string name)
        {
            var map = file.RequireMap(name);
            var terms = new List<KeyValuePair<string, string>>();
            foreach (var (code, keyNode, value) in map.Entries())
            {
                var label = value is YamlScalarNode { Value: { Length: > 0 } text } ? text : throw map.Error(keyNode, $"词 \"{code}\" 应有中文名称");
                terms.Add(KeyValuePair.Create(code, label));
            }
            return new TermList(name, terms, map.Location);
        }
        TermList Closed<T>(string name) where T : struct, Enum
        {
            var list = List(name);
            return list.Mismatch(Codes.All<T>()) is { } problem ? throw new CatalogException(list.Location, problem) : list;
        }
        var terms = new Terms(
            List("statuses"), List("benefit_kinds"), Closed<ApplicationMode>("application_modes"), List("outcomes"), List("verdicts"),
            Closed<CertificateLevel>("certificate_levels"), Closed<DocumentStatus>("document_statuses"), List("categories"), List("beneficiaries"),
            Closed<BenefitPeriod>("periods"));
        file.RejectUnknownKeys();
        return terms;
    }

    /// <summary>vocabulary/departments.yaml: for each bureau, its name as the summaries print it
    /// and the other spellings the documents use for it. A spelling may belong to one bureau only.</summary>
    public static DepartmentNames LoadDepartments(YamlMap file)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        var map = file.RequireMap("synonyms");
        foreach (var (canonical, keyNode, value) in map.Entries())
        {
            if (value is not YamlSequenceNode spellings) throw map.Error(keyNode, $"部门“{canonical}”应列出其他写法，如 [市工信局]");
            foreach (var node in spellings.Children)
            {
                var spelling = node is YamlScalarNode { Value: { Length: > 0 } text } ? text : throw map.Error(node, $"部门“{canonical}”的写法应为文字");
                if (table.TryGetValue(spelling, out var other))
                    throw map.Error(node, $"写法“{spelling}”已归入“{other}”，不能再归入“{canonical}”");
                table[spelling] = canonical;
            }
        }
        foreach (var canonical in table.Values.Distinct(StringComparer.Ordinal).ToList())
            if (table.TryGetValue(canonical, out var other) && other != canonical)
                throw new CatalogException(map.Location, $"“{canonical}”既是统一名称又是“{other}”的另一种写法");
        file.RejectUnknownKeys();
        return new DepartmentNames(table);
    }

    public static Gazetteer LoadAreas(YamlMap file)
    {
        var provinces = file.StringList("provinces").ToHashSet(StringComparer.Ordinal);
        var cities = new Dictionary<string, GazetteerCity>(StringComparer.Ordinal);
        if (file.Map("cities") is { } cityMap)
        {
            foreach (var (name, keyNode, value) in cityMap.Entries())
            {
                var city = new YamlMap(value as YamlMappingNode ?? throw cityMap.Error(keyNode, $"城市 \"{name}\" 应为映射"), file.File);
                var province = city.RequireString("province");
                if (!provinces.Contains(province)) throw city.Error(city.Require("province"), $"\"{province}\" 不在 provinces 中");
                cities[name] = new GazetteerCity(province, city.StringList("districts").ToHashSet(StringComparer.Ordinal));
                city.RejectUnknownKeys();
            }
        }
        file.RejectUnknownKeys();
        return new Gazetteer(provinces, cities);
    }

    private static CertificateLevel ParseLevel(YamlMap map, string word)
    {
        foreach (var (w, level) in Levels)
            if (w == word) return level;
        throw new CatalogException(map.Location, $"级别 \"{word}\" 无效：应为 national | province | city");
    }

    internal static bool IsSnakeCase(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
