using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Srdi.Catalog.Loading;
using Srdi.Catalog.Yaml;
using Srdi.Model.Policies;
using Srdi.Model.Sources;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Srdi.Catalog.Testing;

/// <summary>Discovers and reads every document's tests.yaml.</summary>
public static partial class RulesTestLoader
{
    private static readonly string[] Statuses = ["eligible", "ineligible", "needs-info", "not-in-force"];
    private static readonly string[] Kinds = ["exact", "up-to", "schedule", "in-kind", "external"];

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex PlainNumber();

    /// <summary>All cases of all documents of the catalog under <paramref name="root"/>.</summary>
    public static IReadOnlyList<RulesTestCase> LoadAll(string root, PolicyCatalog catalog)
    {
        var cases = new List<RulesTestCase>();
        foreach (var document in catalog.Documents)
        {
            var path = Path.Combine(root, "documents", document.Id, CatalogLoader.TestsFile);
            if (File.Exists(path)) cases.AddRange(Load(CatalogLoader.Open(root, path), document));
        }
        return cases;
    }

    internal static IEnumerable<RulesTestCase> Load(YamlMap file, PolicyDocument document)
    {
        var profiles = new TestProfiles(file);
        var measureIds = document.Measures.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var result = new List<RulesTestCase>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in file.Maps("cases", required: true))
        {
            var name = c.RequireString("name");
            if (!names.Add(name)) throw c.Error(c.Require("name"), $"用例名称重复：\"{name}\"");
            var at = c.Date("at") ?? throw c.Error(c.Node, $"用例 \"{name}\" 缺少评估日期 at");
            var profile = profiles.For(c, name);

            var expectations = new List<MeasureExpectation>();
            if (c.Map("expect") is { } expect)
            {
                foreach (var (key, keyNode, value) in expect.Entries())
                {
                    var id = key.Contains('.', StringComparison.Ordinal) ? key : $"{document.Id}.{key}";
                    if (!measureIds.Contains(id)) throw expect.Error(keyNode, $"本文件没有措施 \"{id}\"");
                    if (value is not YamlMappingNode vm) throw expect.Error(keyNode, "期望应为映射，如 { status: eligible, exact: 100万 }");
                    expectations.Add(ReadExpectation(new YamlMap(vm, file.File), id, document.Measures.First(m => m.Id == id)));
                }
            }
            TotalsExpectation? totals = null;
            if (c.Map("expect_totals") is { } t)
            {
                totals = new TotalsExpectation(Optional(t, "exact"), Optional(t, "up_to"), Optional(t, "scheduled"));
                t.RejectUnknownKeys();
            }
            if (expectations.Count == 0 && totals is null)
                throw c.Error(c.Node, $"用例 \"{name}\" 没有任何期望（expect 或 expect_totals）");
            result.Add(new RulesTestCase(document.Id, name, at, c.Bool("include_drafts", false), profile, expectations, totals, c.Location));
            c.RejectUnknownKeys();
        }
        file.RejectUnknownKeys();
        return result;
    }

    private static MeasureExpectation ReadExpectation(YamlMap e, string id, Measure measure)
    {
        var parts = Pieces(e.Map("parts"), measure.Benefit.Parts.Select(p => p.Label).ToList(), "资金部分", withAmount: true);
        var inKind = Pieces(e.Map("in_kind"), measure.Benefit.InKind.Select(k => k.Text).ToList(), "非资金支持", withAmount: false);
        var status = e.Has("status") ? e.Choice("status", null, Statuses) : null;
        var kind = e.Has("kind") ? e.Choice("kind", null, Kinds) : null;
        IReadOnlyList<decimal>? schedule = null;
        if (e.Has("schedule"))
        {
            schedule = e.StringList("schedule").Select(s => Model.Sources.Quantity.TryParse(s, out var v)
                ? v
                : throw e.Error(e.Require("schedule"), $"分年度金额 \"{s}\" 不是数值")).ToList();
        }
        var expectation = new MeasureExpectation(id, status, kind, Optional(e, "exact"), Optional(e, "up_to"), schedule,
            Optional(e, "total"), e.Has("missing") ? e.StringList("missing") : null,
            e.Has("capped") ? e.Bool("capped", false) : null,
            e.Has("excluded") ? e.Bool("excluded", false) : null,
            e.Has("draft") ? e.Bool("draft", false) : null,
            e.Location) { Parts = parts, InKind = inKind };
        e.RejectUnknownKeys();
        return expectation;
    }

    /// <summary>parts: / in_kind: keyed by "#n" (1-based), the part's label, or words found in
    /// exactly one item; each value true | false | unknown, or for a part { applies, amount }.</summary>
    private static List<PieceExpectation> Pieces(YamlMap? map, List<string> names, string what, bool withAmount)
    {
        var pieces = new List<PieceExpectation>();
        if (map is null) return pieces;
        foreach (var (key, keyNode, value) in map.Entries())
        {
            var index = PieceIndex(key, names);
            if (index < 0)
                throw map.Error(keyNode, $"没有唯一对应 \"{key}\" 的{what}（用 #序号、完整标签或只出现在一项中的文字；本条共 {names.Count} 项）");
            string? applies;
            decimal? amount = null;
            var location = map.At(keyNode);
            if (value is YamlMappingNode detail && withAmount)
            {
                var d = new YamlMap(detail, map.File);
                applies = d.String("applies");
                amount = d.Has("amount") ? d.Quantity("amount") : null;
                d.RejectUnknownKeys();
            }
            else
            {
                applies = (value as YamlScalarNode)?.Value;
            }
            if (applies is not (null or "true" or "false" or "unknown"))
                throw map.Error(keyNode, $"{what} \"{key}\" 的期望应为 true、false 或 unknown" + (withAmount ? "，或 { applies: …, amount: … }" : ""));
            pieces.Add(new PieceExpectation(index, names[index], applies switch { "true" => true, "false" => false, _ => null }, applies == "unknown", amount, location));
        }
        return pieces;
    }

    private static int PieceIndex(string key, List<string> names)
    {
        if (key.StartsWith('#') && int.TryParse(key[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return n >= 1 && n <= names.Count ? n - 1 : -1;
        var exact = names.FindIndex(x => x == key);
        if (exact >= 0) return exact;
        var found = names.Select((x, i) => (x, i)).Where(p => p.x.Contains(key, StringComparison.Ordinal)).ToList();
        return found.Count == 1 ? found[0].i : -1;
    }

    private static decimal? Optional(YamlMap map, string key) => map.Has(key) ? map.Quantity(key) : null;

    /// <summary>YAML to JSON: unquoted numbers, booleans and null become JSON ones; everything
    /// else (dates, money such as 500万) stays text for the profile reader to interpret.</summary>
    internal static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", ToJson(kv.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } p => p.Value switch
        {
            null or "" or "null" or "~" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            var v when PlainNumber().IsMatch(v) => JsonValue.Create(decimal.Parse(v, CultureInfo.InvariantCulture)),
            var v => JsonValue.Create(v),
        },
        YamlScalarNode q => JsonValue.Create(q.Value ?? ""),
        _ => null,
    };

    /// <summary>Deep merge: objects merge key by key, anything else is replaced.</summary>
    internal static void Merge(JsonObject target, JsonObject overrides)
    {
        foreach (var (key, value) in overrides.ToList())
        {
            if (value is JsonObject o && target[key] is JsonObject existing) Merge(existing, o);
            else target[key] = value?.DeepClone();
        }
    }
}
