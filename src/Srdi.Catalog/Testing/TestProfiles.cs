using System.Text.Json.Nodes;
using Srdi.Catalog.Yaml;
using YamlDotNet.RepresentationModel;

namespace Srdi.Catalog.Testing;

/// <summary>The profiles of a tests.yaml: named base profiles, and each case's profile, named or
/// inline, with its <c>with</c> overrides deep-merged.</summary>
internal sealed class TestProfiles
{
    private readonly Dictionary<string, JsonObject> _named = new(StringComparer.Ordinal);

    public TestProfiles(YamlMap file)
    {
        if (file.Map("profiles") is not { } profileMap) return;
        foreach (var (name, keyNode, value) in profileMap.Entries())
            _named[name] = RulesTestLoader.ToJson(value) as JsonObject ?? throw profileMap.Error(keyNode, $"档案 \"{name}\" 应为映射");
    }

    public JsonObject For(YamlMap testCase, string name)
    {
        var node = testCase.Require("profile");
        JsonObject profile = node switch
        {
            YamlScalarNode { Value: { } named } => _named.TryGetValue(named, out var p)
                ? (JsonObject)p.DeepClone()
                : throw testCase.Error(node, $"未定义的档案 \"{named}\"（可用：{string.Join("、", _named.Keys)}）"),
            YamlMappingNode => (JsonObject)RulesTestLoader.ToJson(node)!,
            _ => throw testCase.Error(node, "profile 应为档案名称或档案内容"),
        };
        if (testCase.Get("with") is { } with)
            RulesTestLoader.Merge(profile, RulesTestLoader.ToJson(with) as JsonObject ?? throw testCase.Error(with, "with 应为映射"));
        profile["id"] ??= name;
        return profile;
    }
}
