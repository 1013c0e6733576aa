using Srdi.Catalog.Yaml;
using Srdi.Model.Policies;
using Srdi.Model.Sources;
using Srdi.Model.Tiers;
using Srdi.Model.Vocabulary;
using YamlDotNet.RepresentationModel;

namespace Srdi.Catalog.Loading;

/// <summary>Loads a tier ruleset's criteria.yaml: the national criteria as rules data.</summary>
internal static class RulesetLoader
{
    private static readonly (string, CertificateLevel)[] Levels = Enum.GetValues<CertificateLevel>().Select(l => (Codes.Of(l), l)).ToArray();

    public static TierRuleset Load(YamlMap file, string folderName)
    {
        var header = file.RequireMap("ruleset");
        var id = header.RequireString("id");
        if (id != folderName) throw header.Error(header.Require("id"), $"规则集 id \"{id}\" 应与所在文件夹名 \"{folderName}\" 相同");
        var validityMap = header.RequireMap("validity");
        var validity = new Validity(validityMap.Date("from"), validityMap.RequireString("from_basis"), validityMap.Date("to"), validityMap.RequireString("to_basis"));
        validityMap.RejectUnknownKeys();
        var ruleset = new TierRuleset(id, header.RequireString("title"), header.RequireString("issuer"), validity,
            header.Date("superseded_on"), header.String("superseded_note"), header.String("interpretation"),
            LoadParameters(file.Map("parameters")),
            file.Maps("size_classes", required: true).Select(LoadSizeClass).ToList(),
            file.Maps("tiers", required: true).Select(LoadTier).ToList(),
            file.Location);
        if (file.Map("size_facts") is { } sizeFacts)
        {
            ruleset = ruleset with
            {
                SizeFacts = new SizeFacts(sizeFacts.RequireString("industry"), sizeFacts.RequireString("declared_class"), sizeFacts.RequireString("fallback_industry")),
            };
            sizeFacts.RejectUnknownKeys();
        }
        header.RejectUnknownKeys();
        file.RejectUnknownKeys();
        var fallback = ruleset.SizeFacts.FallbackIndustry;
        if (ruleset.SizeClasses.All(s => s.Industry != fallback))
            throw file.Error(file.Node, $"size_classes 需要包含 \"{fallback}\"，作为未列明行业的划型依据");
        return ruleset;
    }

    private static Dictionary<string, RegionalParameter> LoadParameters(YamlMap? root)
    {
        var result = new Dictionary<string, RegionalParameter>(StringComparer.Ordinal);
        if (root is null) return result;
        foreach (var (name, keyNode, value) in root.Entries())
        {
            if (!VocabularyLoader.IsSnakeCase(name)) throw root.Error(keyNode, $"参数名称 \"{name}\" 应为 lower_snake_case");
            if (value is not YamlMappingNode m) throw root.Error(keyNode, $"参数 \"{name}\" 应为映射");
            var map = new YamlMap(m, root.File);
            var label = map.RequireString("label");
            var byRegion = new Dictionary<string, DatedParameter>(StringComparer.Ordinal);
            if (map.Map("regions") is { } regions)
                foreach (var (region, regionKey, regionValues) in regions.Entries())
                    byRegion[region] = new DatedParameter(name, label, null, null, Values(regions, regionKey, regionValues));
            var defaultNode = map.Require("default");
            result[name] = new RegionalParameter(name, label, new DatedParameter(name, label, null, null, Values(map, defaultNode, defaultNode)), byRegion, map.String("note"));
            map.RejectUnknownKeys();
        }
        return result;
    }

    private static List<DatedValue> Values(YamlMap owner, YamlNode where, YamlNode node)
    {
        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
            throw owner.Error(where, "应为按日期排列的取值列表，如 [ { from: 2022-06-01, value: 60 } ]");
        var values = seq.Children.Select(c =>
        {
            var v = new YamlMap(c as YamlMappingNode ?? throw owner.Error(c, "取值应为映射"), owner.File);
            var dated = new DatedValue(v.Date("from") ?? throw v.Error(v.Node, "缺少 from 日期"), v.Quantity("value"), v.String("source"));
            v.RejectUnknownKeys();
            return dated;
        }).ToList();
        for (var i = 1; i < values.Count; i++)
            if (values[i].From <= values[i - 1].From) throw owner.Error(where, "取值应按 from 日期递增排列");
        return values;
    }

    private static SizeClassRule LoadSizeClass(YamlMap m)
    {
        var rule = new SizeClassRule(m.RequireString("industry"), m.String("basis"),
            m.Expression("sme") ?? throw m.Error(m.Node, "缺少 sme"),
            m.Expression("medium") ?? throw m.Error(m.Node, "缺少 medium"),
            m.Expression("small") ?? throw m.Error(m.Node, "缺少 small"));
        m.RejectUnknownKeys();
        return rule;
    }

    private static TierCriteria LoadTier(YamlMap m)
    {
        var upgradeMap = m.Map("upgrade");
        var upgrade = new CertificateUpgrade(CertificateLevel.National, new Dictionary<string, CertificateLevel>(), null);
        if (upgradeMap is not null)
        {
            var byRegion = new Dictionary<string, CertificateLevel>(StringComparer.Ordinal);
            if (upgradeMap.Map("regions") is { } regions)
                foreach (var (region, keyNode, value) in regions.Entries())
                    byRegion[region] = Level(regions, value);
            upgrade = new CertificateUpgrade(upgradeMap.Enum("level", CertificateLevel.National, Levels), byRegion, upgradeMap.String("issuer"));
            upgradeMap.RejectUnknownKeys();
        }
        Scorecard? score = null;
        if (m.Map("score") is { } s)
        {
            score = new Scorecard(
                s.Expression("pass_mark") ?? throw s.Error(s.Node, "缺少 pass_mark"),
                s.Maps("groups", required: true).Select(g =>
                {
                    var group = new ScoreGroup(g.RequireString("id"), g.Quantity("max"), g.Has("minimum") ? g.Quantity("minimum") : 0);
                    g.RejectUnknownKeys();
                    return group;
                }).ToList(),
                s.Maps("indicators", required: true).Select(LoadIndicator).ToList());
            s.RejectUnknownKeys();
            var groups = score.Groups.Select(g => g.Id).ToHashSet();
            foreach (var indicator in score.Indicators.Where(i => !groups.Contains(i.Group)))
                throw s.Error(s.Node, $"指标 {indicator.Id} 的 group \"{indicator.Group}\" 不在 groups 中");
        }
        var tier = new TierCriteria(m.RequireString("certificate"), m.RequireString("name"), m.Bool("requires_sme", true),
            m.Maps("conditions").Select(LoadCriterion).ToList(), m.Maps("direct").Select(LoadCriterion).ToList(),
            score, upgrade, m.String("interpretation"));
        m.RejectUnknownKeys();
        return tier;
    }

    private static CertificateLevel Level(YamlMap owner, YamlNode node)
    {
        var word = (node as YamlScalarNode)?.Value;
        foreach (var (w, level) in Levels)
            if (w == word) return level;
        throw owner.Error(node, $"级别 \"{word}\" 无效：应为 national | province | city");
    }

    private static Criterion LoadCriterion(YamlMap m)
    {
        Gap? gap = null;
        if (m.Map("gap") is { } g)
        {
            gap = new Gap(g.Expression("value") ?? throw g.Error(g.Node, "gap 缺少 value"), g.Expression("target") ?? throw g.Error(g.Node, "gap 缺少 target"),
                g.Expression("shortfall"), g.String("shortfall_label"));
            g.RejectUnknownKeys();
        }
        var criterion = new Criterion(m.RequireString("id"), m.String("group"), m.RequireString("label"), m.Expression("rule"),
            m.Maps("all").Select(LoadCriterion).ToList(), m.Maps("any").Select(LoadCriterion).ToList(),
            gap, m.StringList("regions"), m.String("note"), m.Bool("new_applicants_only", false));
        var forms = (criterion.Rule is null ? 0 : 1) + (criterion.All.Count > 0 ? 1 : 0) + (criterion.Any.Count > 0 ? 1 : 0);
        if (forms != 1) throw m.Error(m.Node, $"条件 {criterion.Id} 须且只须有 rule、all、any 之一");
        m.RejectUnknownKeys();
        return criterion;
    }

    private static Indicator LoadIndicator(YamlMap m)
    {
        var bands = m.Maps("bands").Select(b =>
        {
            BandRange? range = null;
            if (b.String("range") is { } written) range = ParseRange(b, written);
            var band = new Band(b.Quantity("points"), b.String("label") ?? range?.ToString() ?? b.String("when") ?? "", b.Expression("when"), range);
            if ((band.When is null) == (band.Range is null)) throw b.Error(b.Node, "每一档须且只须有 when 或 range 之一");
            b.RejectUnknownKeys();
            return band;
        }).ToList();
        var value = m.Expression("value");
        var points = m.Expression("points");
        if (bands.Any(b => b.Range is not null) && value is null)
            throw m.Error(m.Node, $"指标 {m.RequireString("id")} 的分档使用 range，需要 value");
        if ((bands.Count == 0) == (points is null))
            throw m.Error(m.Node, $"指标 {m.RequireString("id")} 须且只须有 bands 或 points 之一");
        var indicator = new Indicator(m.RequireString("id"), m.RequireString("group"), m.RequireString("label"), m.Quantity("max"),
            value, bands, points, m.Expression("shortfall"), m.String("shortfall_label"), m.StringList("regions"), m.Bool("regional_default", false), m.String("note"));
        m.RejectUnknownKeys();
        return indicator;
    }

    /// <summary>"[3%, 5%)", "[5%, +∞)", "(75%, +∞)": a bracket says whether the end is closed.</summary>
    internal static BandRange ParseRange(YamlMap owner, string written)
    {
        var s = written.Trim();
        var comma = s.IndexOf(',', StringComparison.Ordinal);
        if (s.Length < 5 || s[0] is not ('[' or '(') || s[^1] is not (']' or ')') || comma < 0)
            throw owner.Error(owner.Require("range"), $"区间 \"{written}\" 应写作 [下限, 上限)，方括号表示含端点，圆括号表示不含，无界写 -∞ 或 +∞");
        decimal? Bound(string text)
        {
            var t = text.Trim();
            if (t is "-∞" or "+∞" or "∞" or "") return null;
            return Quantity.TryParse(t, out var v) ? v : throw owner.Error(owner.Require("range"), $"区间端点 \"{t}\" 不是数值");
        }
        return new BandRange(Bound(s[1..comma]), s[0] == '[', Bound(s[(comma + 1)..^1]), s[^1] == ']');
    }
}
