using System.Globalization;
using Srdi.Model.Sources;
using YamlDotNet.RepresentationModel;

namespace Srdi.Catalog.Yaml;

/// <summary>A YAML mapping read field by field. Every read marks the key as known, so that
/// <see cref="RejectUnknownKeys"/> can refuse a misspelt key with its line.</summary>
internal sealed class YamlMap(YamlMappingNode node, string file)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    // Keys by their text, built on first use: looking a key up through YamlDotNet's node
    // dictionary allocates a node and compares nodes, and a national catalog reads a million keys.
    private Dictionary<string, YamlNode>? _byKey;

    private Dictionary<string, YamlNode> ByKey
    {
        get
        {
            if (_byKey is not null) return _byKey;
            var byKey = new Dictionary<string, YamlNode>(node.Children.Count, StringComparer.Ordinal);
            foreach (var (k, v) in node.Children)
                if (k is YamlScalarNode { Value: { } key }) byKey.TryAdd(key, v);
            return _byKey = byKey;
        }
    }

    public string File => file;
    public YamlMappingNode Node => node;
    public SourceLocation Location => At(node);

    public SourceLocation At(YamlNode n) => new(file, (int)n.Start.Line, (int)n.Start.Column);

    public CatalogException Error(YamlNode n, string message) => new(At(n), message);

    public IEnumerable<string> Keys => node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    public YamlNode? Get(string key)
    {
        _read.Add(key);
        return ByKey.GetValueOrDefault(key);
    }

    public YamlNode Require(string key) =>
        Get(key) ?? throw new CatalogException(Location, $"缺少必填字段 \"{key}\"");

    public bool Has(string key) => ByKey.ContainsKey(key);

    public string RequireString(string key) => Scalar(Require(key), key) ?? throw Error(Require(key), $"字段 \"{key}\" 不能为空");

    public string? String(string key) => Get(key) is { } n ? Scalar(n, key) : null;

    public SourceText? Expression(string key) => Get(key) is { } n && Scalar(n, key) is { } s ? new SourceText(s, At(n)) : null;

    public bool Bool(string key, bool fallback)
    {
        var n = Get(key);
        if (n is null) return fallback;
        return Scalar(n, key) switch
        {
            "true" => true,
            "false" => false,
            null => fallback,
            var other => throw Error(n, $"字段 \"{key}\" 应为 true 或 false，实际为 \"{other}\""),
        };
    }

    public int Int(string key)
    {
        var n = Require(key);
        return int.TryParse(Scalar(n, key), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : throw Error(n, $"字段 \"{key}\" 应为正整数，实际为 \"{Scalar(n, key)}\"");
    }

    public DateOnly? Date(string key)
    {
        var n = Get(key);
        if (n is null) return null;
        var s = Scalar(n, key);
        if (s is null) return null;
        return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw Error(n, $"字段 \"{key}\" 应为日期 YYYY-MM-DD，实际为 \"{s}\"");
    }

    public decimal Quantity(string key)
    {
        var n = Require(key);
        var s = Scalar(n, key);
        return s is not null && Model.Sources.Quantity.TryParse(s, out var v)
            ? v
            : throw Error(n, $"字段 \"{key}\" 应为数值（如 100万、30%、0.035），实际为 \"{s}\"");
    }

    public T Enum<T>(string key, T fallback, params (string Word, T Value)[] words)
    {
        var n = Get(key);
        if (n is null) return fallback;
        var s = Scalar(n, key);
        foreach (var (word, value) in words)
            if (s == word) return value;
        throw Error(n, $"字段 \"{key}\" 应为 {string.Join(" | ", words.Select(w => w.Word))} 之一，实际为 \"{s}\"");
    }

    public string Choice(string key, string? fallback, IReadOnlyCollection<string> allowed)
    {
        var n = Get(key);
        if (n is null)
            return fallback ?? throw new CatalogException(Location, $"缺少必填字段 \"{key}\"");
        var s = Scalar(n, key);
        return s is not null && allowed.Contains(s)
            ? s
            : throw Error(n, $"字段 \"{key}\" 应为 {string.Join(" | ", allowed)} 之一，实际为 \"{s}\"");
    }

    public IReadOnlyList<string> StringList(string key)
    {
        var n = Get(key);
        if (n is null) return [];
        if (n is YamlScalarNode { Value: null or "" or "null" }) return [];
        if (n is not YamlSequenceNode seq) throw Error(n, $"字段 \"{key}\" 应为列表");
        return seq.Children.Select(c => Scalar(c, key) ?? throw Error(c, $"\"{key}\" 的列表项不能为空")).ToList();
    }

    public IEnumerable<YamlMap> Maps(string key, bool required = false)
    {
        var n = required ? Require(key) : Get(key);
        if (n is null || n is YamlScalarNode { Value: null or "" or "null" }) yield break;
        if (n is not YamlSequenceNode seq) throw Error(n, $"字段 \"{key}\" 应为列表");
        foreach (var child in seq.Children)
            yield return child as YamlMappingNode is { } m ? new YamlMap(m, file) : throw Error(child, $"\"{key}\" 的每一项应为映射（键: 值）");
    }

    public YamlMap? Map(string key)
    {
        var n = Get(key);
        if (n is null || n is YamlScalarNode { Value: null or "" or "null" }) return null;
        return n is YamlMappingNode m ? new YamlMap(m, file) : throw Error(n, $"字段 \"{key}\" 应为映射（键: 值）");
    }

    public YamlMap RequireMap(string key) => Map(key) ?? throw new CatalogException(Location, $"缺少必填字段 \"{key}\"");

    /// <summary>Entries of a mapping whose keys are names (facts, terms, parameters).</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries()
    {
        foreach (var (k, v) in node.Children)
            yield return (((YamlScalarNode)k).Value ?? "", k, v);
    }

    public void RejectUnknownKeys()
    {
        foreach (var (k, _) in node.Children)
        {
            var key = ((YamlScalarNode)k).Value ?? "";
            if (!_read.Contains(key))
                throw Error(k, $"未知的字段 \"{key}\"（此处可用：{string.Join("、", _read.Order(StringComparer.Ordinal))}）");
        }
    }

    private string? Scalar(YamlNode n, string key)
    {
        if (n is not YamlScalarNode s) throw Error(n, $"字段 \"{key}\" 应为单个值");
        if (s.Style == YamlDotNet.Core.ScalarStyle.Plain && s.Value is "null" or "~" or "") return null;
        return s.Value;
    }
}
