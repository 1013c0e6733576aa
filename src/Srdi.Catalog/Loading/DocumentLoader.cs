using System.Globalization;
using System.Text.RegularExpressions;
using Srdi.Catalog.Yaml;
using Srdi.Model.Policies;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;
using YamlDotNet.RepresentationModel;

namespace Srdi.Catalog.Loading;

/// <summary>Loads one document's policy.yaml: its header and every measure.</summary>
internal static partial class DocumentLoader
{
    private static readonly (string, ApplicationMode)[] ApplicationModes = Enum.GetValues<ApplicationMode>().Select(m => (Codes.Of(m), m)).ToArray();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex DocumentId();

    public static PolicyDocument Load(YamlMap file, string folderName, Terms words)
    {
        var header = file.RequireMap("document");
        var id = header.RequireString("id");
        if (!DocumentId().IsMatch(id))
            throw header.Error(header.Require("id"), $"文件 id \"{id}\" 应为小写英文、数字和连字符");
        if (id != folderName)
            throw header.Error(header.Require("id"), $"文件 id \"{id}\" 应与所在文件夹名 \"{folderName}\" 相同");

        var areaMap = header.RequireMap("area");
        var area = new Area(areaMap.RequireString("province"), areaMap.String("city"), areaMap.String("district"));
        areaMap.RejectUnknownKeys();
        var level = header.Enum("level", GovernmentLevel.City, Enum.GetValues<GovernmentLevel>().Select(v => (Codes.Of(v), v)).ToArray());
        if (level == GovernmentLevel.District && area.District is null)
            throw areaMap.Error(areaMap.Node, "区级文件的 area 需要 district");

        var validityMap = header.RequireMap("validity");
        var validity = new Validity(validityMap.Date("from"), validityMap.RequireString("from_basis"),
            validityMap.Date("to"), validityMap.RequireString("to_basis"));
        validityMap.RejectUnknownKeys();
        if (validity is { From: { } f, To: { } t } && t < f)
            throw validityMap.Error(validityMap.Node, string.Create(CultureInfo.InvariantCulture, $"有效期的结束日 {t:yyyy-MM-dd} 早于开始日 {f:yyyy-MM-dd}"));

        var terms = new Dictionary<string, IReadOnlyList<CertificateRequirement>>(StringComparer.Ordinal);
        if (header.Map("terms") is { } termMap)
        {
            foreach (var (term, keyNode, value) in termMap.Entries())
            {
                if (value is not YamlSequenceNode seq || seq.Children.Count == 0)
                    throw termMap.Error(keyNode, $"术语 \"{term}\" 应为证书种类的列表，如 [little-giant, srdi-sme]");
                terms[term] = seq.Children.Select(c => ParseRequirement(termMap, c)).ToList();
            }
        }

        var parameters = VocabularyLoader.LoadParameters(header.Map("parameters"));
        var status = header.Enum("status", DocumentStatus.InForce, Enum.GetValues<DocumentStatus>().Select(v => (Codes.Of(v), v)).ToArray());
        if (!header.Has("status")) throw header.Error(header.Node, "缺少必填字段 \"status\"（in-force | draft）");

        var document = new PolicyDocument(id, header.RequireString("title"), header.RequireString("issuer"), header.String("number"),
            level, area, status, header.RequireString("source"), validity, terms, header.String("interpretation"),
            parameters, [], file.Location);
        header.RejectUnknownKeys();

        var measures = new List<Measure>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in file.Maps("measures", required: true))
        {
            var measure = LoadMeasure(m, id, words);
            if (!ids.Add(measure.Id)) throw m.Error(m.Require("id"), $"措施 id \"{measure.Id}\" 重复");
            measures.Add(measure);
        }
        file.RejectUnknownKeys();
        return document with { Measures = measures };
    }

    private static CertificateRequirement ParseRequirement(YamlMap map, YamlNode node)
    {
        var written = (node as YamlScalarNode)?.Value ?? throw map.Error(node, "证书种类应为文字");
        var parts = written.Split('@');
        CertificateLevel? level = parts.Length == 2
            ? Codes.TryParse<CertificateLevel>(parts[1], out var parsed)
                ? parsed
                : throw map.Error(node, $"\"{written}\" 的级别应为 {string.Join(" | ", Codes.All<CertificateLevel>())}")
            : parts.Length == 1 ? null : throw map.Error(node, $"\"{written}\" 格式应为 种类 或 种类@级别");
        return new CertificateRequirement(parts[0], level);
    }

    private static Measure LoadMeasure(YamlMap m, string documentId, Terms words)
    {
        var id = m.RequireString("id");
        if (!id.StartsWith(documentId + ".", StringComparison.Ordinal) || !id[(documentId.Length + 1)..].All(char.IsAsciiDigit) || id.Length == documentId.Length + 1)
            throw m.Error(m.Require("id"), $"措施 id \"{id}\" 应为 \"{documentId}.<条款序号>\"，如 {documentId}.4");
        var text = m.RequireString("text").Trim();
        var conditions = m.Maps("conditions").Select(c =>
        {
            var rule = c.Expression("rule") ?? throw c.Error(c.Node, "条件缺少 rule");
            var governs = c.String("governs");
            if (governs is not null and not "all")
                throw c.Error(c.Require("governs"), $"governs 只能为 all（本条件约束本条所有资金部分和非资金支持），实际为 \"{governs}\"");
            var condition = new Condition(c.String("label"), rule) { GovernsAll = governs == "all", Basis = c.String("basis"), ScalarReason = c.String("scalar_reason") };
            c.RejectUnknownKeys();
            return condition;
        }).ToList();

        var benefitMap = m.RequireMap("benefit");
        var inKind = InKindItems(benefitMap);
        var parts = benefitMap.Maps("parts").Select(p => LoadPart(p, words)).ToList();
        if (inKind.Count == 0 && parts.Count == 0)
            throw benefitMap.Error(benefitMap.Node, "benefit 至少需要 in_kind 或 parts 之一");
        benefitMap.RejectUnknownKeys();

        var measure = new Measure(
            id, documentId,
            m.RequireString("section"),
            m.RequireString("clause"),
            m.RequireString("title"),
            text,
            m.StringList("departments"),
            m.Choice("category", null, words.Categories.Codes),
            m.Choice("beneficiary", null, words.Beneficiaries.Codes),
            m.Enum("application", ApplicationMode.Apply, ApplicationModes),
            m.StringList("targets"),
            conditions,
            m.String("exclusion_group"),
            new Benefit(inKind, parts),
            m.String("interpretation"),
            m.Location) { AwaitsRevision = Revision(m.Map("awaits_revision")) };
        if (!m.Has("application")) throw m.Error(m.Node, $"措施 {id} 缺少必填字段 \"application\"（apply | automatic | none）");
        m.RejectUnknownKeys();
        return measure;
    }

    /// <summary>in_kind: each item a sentence, or a map with the condition the clause attaches to that item alone.</summary>
    private static List<InKindItem> InKindItems(YamlMap benefit)
    {
        var items = new List<InKindItem>();
        var node = benefit.Get("in_kind");
        if (node is null || node is YamlScalarNode { Value: null or "" or "null" }) return items;
        if (node is not YamlSequenceNode seq) throw benefit.Error(node, "字段 \"in_kind\" 应为列表");
        foreach (var child in seq.Children)
        {
            switch (child)
            {
                case YamlScalarNode { Value: { Length: > 0 } text }:
                    items.Add(new InKindItem(text, null, null, benefit.At(child)));
                    break;
                case YamlMappingNode map:
                    var item = new YamlMap(map, benefit.File);
                    items.Add(new InKindItem(item.RequireString("text"), item.Expression("when"), item.String("basis"), item.Location));
                    item.RejectUnknownKeys();
                    break;
                default:
                    throw benefit.Error(child, "in_kind 的每一项应为一句文字，或 { text: …, when: …, basis: … }");
            }
        }
        return items;
    }

    private static PolicyRevision? Revision(YamlMap? map)
    {
        if (map is null) return null;
        var revision = new PolicyRevision(map.RequireString("policy"), map.Date("revised_on"), map.RequireString("basis"));
        map.RejectUnknownKeys();
        return revision;
    }

    private static BenefitPart LoadPart(YamlMap p, Terms words)
    {
        var amount = p.Expression("amount");
        var schedule = p.Has("schedule")
            ? p.Maps("schedule").Select(s =>
            {
                var step = new ScheduleStep(s.Int("years"), s.Expression("amount") ?? throw s.Error(s.Node, "分年度计划的每一段需要 amount"),
                    s.Expression("cap"), s.String("cap_label"));
                s.RejectUnknownKeys();
                return step;
            }).ToList()
            : null;
        ExternalAmount? external = null;
        if (p.Map("external") is { } e)
        {
            external = new ExternalAmount(e.RequireString("document"), e.String("note"));
            e.RejectUnknownKeys();
        }
        var given = (amount is null ? 0 : 1) + (schedule is null ? 0 : 1) + (external is null ? 0 : 1);
        if (given != 1)
            throw p.Error(p.Node, "每个 part 须且只须有 amount、schedule、external 之一");
        var part = new BenefitPart(
            p.RequireString("label"),
            p.Expression("when"),
            p.Bool("up_to", false),
            amount,
            schedule,
            external,
            p.Expression("cap"),
            p.String("cap_label"),
            p.Has("per") ? p.Choice("per", null, words.Periods.Codes) : null,
            p.String("payer"),
            p.Has("application") ? p.Enum("application", ApplicationMode.Apply, ApplicationModes) : null,
            p.Has("beneficiary") ? p.Choice("beneficiary", null, words.Beneficiaries.Codes) : null,
            p.Location) { Basis = p.String("basis"), ScalarReason = p.String("scalar_reason") };
        p.RejectUnknownKeys();
        return part;
    }
}
