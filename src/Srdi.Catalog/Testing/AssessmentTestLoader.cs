using System.Text.Json.Nodes;
using Srdi.Catalog.Loading;
using Srdi.Catalog.Yaml;
using Srdi.Model.Policies;
using Srdi.Model.Tiers;
using YamlDotNet.RepresentationModel;

namespace Srdi.Catalog.Testing;

/// <summary>Reads the tests.yaml beside each tier ruleset.</summary>
public static class AssessmentTestLoader
{
    private static readonly string[] Verdicts = ["qualifies", "does-not-qualify", "needs-info"];
    /// <summary>A condition's outcome, or not-applicable: the condition is not applied to this
    /// enterprise (another region's, or a new applicant's while the enterprise holds the tier).</summary>
    private static readonly string[] Outcomes = ["true", "false", "unknown", "not-applicable"];

    public static IReadOnlyList<AssessmentTestCase> LoadAll(string root, PolicyCatalog catalog)
    {
        var cases = new List<AssessmentTestCase>();
        foreach (var ruleset in catalog.Rulesets)
        {
            var path = Path.Combine(root, "criteria", ruleset.Id, CatalogLoader.TestsFile);
            if (File.Exists(path)) cases.AddRange(Load(CatalogLoader.Open(root, path), ruleset));
        }
        return cases;
    }

    private static List<AssessmentTestCase> Load(YamlMap file, TierRuleset ruleset)
    {
        var profiles = new TestProfiles(file);
        var tiers = ruleset.Tiers.Select(t => t.Certificate).ToHashSet();
        var indicators = ruleset.Tiers.SelectMany(t => t.Score?.Indicators ?? []).Select(i => i.Id).ToHashSet();
        var criteria = ruleset.Tiers.SelectMany(t => t.Conditions.Concat(t.Direct)).SelectMany(Flatten).Select(c => c.Id).ToHashSet();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<AssessmentTestCase>();
        foreach (var c in file.Maps("cases", required: true))
        {
            var name = c.RequireString("name");
            if (!names.Add(name)) throw c.Error(c.Require("name"), $"用例名称重复：\"{name}\"");
            var at = c.Date("at") ?? throw c.Error(c.Node, $"用例 \"{name}\" 缺少评估日期 at");
            var profile = profiles.For(c, name);

            var expect = c.RequireMap("expect");
            var sizeChecked = expect.Has("size_class");
            var sizeClass = expect.String("size_class");
            var tierExpectations = new List<TierExpectation>();
            if (expect.Map("tiers") is { } tierMap)
            {
                foreach (var (certificate, keyNode, value) in tierMap.Entries())
                {
                    if (!tiers.Contains(certificate)) throw tierMap.Error(keyNode, $"规则集中没有梯度 \"{certificate}\"（可用：{string.Join("、", tiers)}）");
                    var t = new YamlMap(value as YamlMappingNode ?? throw tierMap.Error(keyNode, "应为映射"), file.File);
                    tierExpectations.Add(new TierExpectation(certificate,
                        t.Has("verdict") ? t.Choice("verdict", null, Verdicts) : null,
                        t.Has("points") ? t.Quantity("points") : null,
                        t.Has("pass_mark") ? t.Quantity("pass_mark") : null,
                        t.String("direct"),
                        t.Has("missing") ? t.StringList("missing") : null,
                        t.Location));
                    t.RejectUnknownKeys();
                }
            }
            var indicatorPoints = new Dictionary<string, decimal?>(StringComparer.Ordinal);
            if (expect.Map("indicators") is { } indicatorMap)
            {
                foreach (var (id, keyNode, value) in indicatorMap.Entries())
                {
                    if (!indicators.Contains(id)) throw indicatorMap.Error(keyNode, $"规则集中没有指标 \"{id}\"");
                    var written = (value as YamlScalarNode)?.Value;
                    indicatorPoints[id] = written is null or "null" or "unknown" ? null
                        : Model.Sources.Quantity.TryParse(written, out var points) ? points
                        : throw indicatorMap.Error(value, $"指标得分应为数值或 unknown，实际为 \"{written}\"");
                }
            }
            var conditionOutcomes = new Dictionary<string, string>(StringComparer.Ordinal);
            if (expect.Map("conditions") is { } conditionMap)
            {
                foreach (var (id, keyNode, value) in conditionMap.Entries())
                {
                    if (!criteria.Contains(id)) throw conditionMap.Error(keyNode, $"规则集中没有条件 \"{id}\"");
                    var written = (value as YamlScalarNode)?.Value ?? "";
                    conditionOutcomes[id] = Outcomes.Contains(written) ? written : throw conditionMap.Error(value, "条件结果应为 true、false、unknown 或 not-applicable");
                }
            }
            expect.RejectUnknownKeys();
            result.Add(new AssessmentTestCase(ruleset.Id, name, at, profile, sizeClass, sizeChecked, tierExpectations, indicatorPoints, conditionOutcomes, c.Location));
            c.RejectUnknownKeys();
        }
        file.RejectUnknownKeys();
        return result;
    }

    private static IEnumerable<Criterion> Flatten(Criterion c) => c.All.Concat(c.Any).SelectMany(Flatten).Prepend(c);
}
