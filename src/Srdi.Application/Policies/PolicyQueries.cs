using Srdi.Engine.Expressions;
using Srdi.Model.Policies;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Policies;

/// <summary>Questions asked of the catalog itself: which measures, which rules, which facts.</summary>
public sealed class PolicyQueries(PolicyNavigator navigator)
{
    /// <summary>Measures filtered by city (城市名，如 深圳、厦门) and document status (in-force | draft).</summary>
    public IEnumerable<(PolicyDocument Document, Measure Measure)> List(string? city, string? status)
    {
        DocumentStatus? wanted = status switch
        {
            null => null,
            "in-force" or "现行有效" => DocumentStatus.InForce,
            "draft" or "征求意见稿" => DocumentStatus.Draft,
            _ => throw new ArgumentException($"--status 应为 in-force 或 draft，实际为 \"{status}\""),
        };
        foreach (var d in navigator.Catalog.Documents)
        {
            if (wanted is not null && d.Status != wanted) continue;
            if (city is not null && !CityMatches(d.Area, city)) continue;
            foreach (var m in d.Measures) yield return (d, m);
        }
    }

    /// <summary>Substring search over id, title, clause text, departments and interpretation:
    /// Chinese words such as 租金 or 小巨人 need no segmenter.</summary>
    public IEnumerable<(PolicyDocument Document, Measure Measure)> Search(string text) =>
        navigator.Catalog.Documents.SelectMany(d => d.Measures.Select(m => (d, m)))
            .Where(x => Haystack(x.m).Contains(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>Each fact of the vocabulary with the measures whose rules use it.</summary>
    public IEnumerable<(FactDefinition Fact, IReadOnlyList<string> Measures)> Facts()
    {
        var usage = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var m in navigator.Catalog.Measures)
            foreach (var name in Expressions(m).SelectMany(e => RuleText.Names(e.Text)).Distinct())
            {
                if (!usage.TryGetValue(name, out var list)) usage[name] = list = [];
                list.Add(m.Id);
            }
        return navigator.Catalog.Vocabulary.Facts.Values.OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => (f, (IReadOnlyList<string>)(usage.GetValueOrDefault(f.Name) ?? [])));
    }

    public static IEnumerable<SourceText> Expressions(Measure measure)
    {
        foreach (var c in measure.Conditions) yield return c.Rule;
        foreach (var p in measure.Benefit.Parts)
        {
            if (p.When is not null) yield return p.When;
            if (p.Amount is not null) yield return p.Amount;
            if (p.Cap is not null) yield return p.Cap;
            foreach (var s in p.Schedule ?? [])
            {
                yield return s.Amount;
                if (s.Cap is not null) yield return s.Cap;
            }
        }
    }

    private static string Haystack(Measure m) =>
        string.Join("\n", [m.Id, m.Title, m.Text, m.Section, string.Join(" ", m.Departments), m.Interpretation ?? "", string.Join(" ", m.Benefit.InKind)]);

    private static bool CityMatches(Area area, string city)
    {
        var c = Engine.Evaluation.AreaNames.Normalize(city);
        return Engine.Evaluation.AreaNames.Normalize(area.City ?? "") == c
            || Engine.Evaluation.AreaNames.Normalize(area.District ?? "") == c
            || Engine.Evaluation.AreaNames.Normalize(area.Province) == c;
    }
}
