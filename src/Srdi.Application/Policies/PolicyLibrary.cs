using Srdi.Application.Contracts;
using Srdi.Engine.Expressions;
using Srdi.Model.Policies;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Policies;

/// <summary>What a list of measures is narrowed to; every field is optional. <see cref="City"/>
/// matches a document's province, city or district (深圳, 南山区, 厦门市); <see cref="Tier"/> is a
/// certificate kind (little-giant) and keeps the measures an enterprise holding it can get,
/// including those open to every enterprise.</summary>
public sealed record PolicyFilter(
    string? City = null,
    GovernmentLevel? Level = null,
    string? Category = null,
    DocumentStatus? Status = null,
    string? Tier = null);

/// <summary>The policy library: list, filter, search and show the catalog's measures, and the
/// facts their rules read. Thread-safe.</summary>
public sealed class PolicyLibrary(PolicyNavigator navigator)
{
    public IEnumerable<(PolicyDocument Document, Measure Measure)> List(PolicyFilter filter)
    {
        foreach (var d in navigator.Catalog.Documents)
        {
            if (filter.Status is { } status && d.Status != status) continue;
            if (filter.Level is { } level && d.Level != level) continue;
            if (filter.City is { } city && !CityMatches(d.Area, city)) continue;
            foreach (var m in d.Measures)
            {
                if (filter.Category is { } category && m.Category != category) continue;
                if (filter.Tier is { } tier && m.Targets.Count > 0 && !Targets(d, m).Any(r => r.Kind == tier)) continue;
                yield return (d, m);
            }
        }
    }

    /// <summary>A document status from its code or its Chinese name (in-force / 现行有效).</summary>
    public bool TryStatus(string text, out DocumentStatus status)
    {
        foreach (var candidate in Enum.GetValues<DocumentStatus>())
        {
            if (text != Codes.Of(candidate) && text != navigator.Wording.DocumentStatus(candidate)) continue;
            status = candidate;
            return true;
        }
        status = default;
        return false;
    }

    /// <summary>One measure whole, with its tests; null when the catalog has no such id.</summary>
    public MeasureDetail? Show(string id)
    {
        if (navigator.FindMeasure(id) is not { } m) return null;
        var d = navigator.DocumentOf(m);
        var tests = navigator.LoadTests().Where(t => t.Expectations.Any(x => x.MeasureId == m.Id))
            .Select(t => new MeasureTestResult(t.Name, t.At, t.Location.ToString())).ToList();
        return new MeasureDetail(Summary(d, m), Document(d), m.Section, m.Text, m.Interpretation, m.ExclusionGroup,
            m.Conditions.Select(c => new RuleCondition(c.Label, c.Rule.Text)).ToList(),
            m.Benefit.Parts.Select(p => new RulePart(p.Label, p.UpTo, p.Amount?.Text,
                (p.Schedule ?? []).Select(x => new RuleStep(x.Years, x.Amount.Text, x.Cap?.Text)).ToList(),
                p.External is { } e ? new ExternalResult(e.Document, e.Note) : null,
                p.Cap?.Text, p.CapLabel, p.When?.Text, p.Per, p.Payer, p.Beneficiary)).ToList(),
            m.Benefit.InKind.Select(k => k.Text).ToList(), tests, m.Location.ToString());
    }

    public static MeasureSummary Summary(PolicyDocument d, Measure m) => new(
        m.Id, d.Id, d.Title, d.IsDraft, m.Clause, m.Title, m.Category, m.Beneficiary, Codes.Of(m.Application), m.Departments, m.Targets,
        !m.HasMoney ? "none" : m.Benefit.Parts.All(p => p.External is not null) ? "external" : "computed");

    public IReadOnlyList<PolicyDocumentResult> Documents() => navigator.Catalog.Documents.Select(Document).ToList();

    private static PolicyDocumentResult Document(PolicyDocument d) => new(
        d.Id, d.Title, d.Number, d.Issuer, Codes.Of(d.Status), Codes.Of(d.Level),
        new AreaResult(d.Area.Province, d.Area.City, d.Area.District), d.Validity.From, d.Validity.To, d.Validity.ToString());

    private static IEnumerable<CertificateRequirement> Targets(PolicyDocument d, Measure m) =>
        m.Targets.SelectMany(t => d.Terms.TryGetValue(t, out var requirements) ? requirements : [new CertificateRequirement(t, null)]);

    /// <summary>Substring search over id, title, clause text, departments and interpretation:
    /// Chinese words such as 租金 or 小巨人 need no segmenter.</summary>
    public IEnumerable<(PolicyDocument Document, Measure Measure)> Search(string text) =>
        navigator.Catalog.Documents.SelectMany(d => d.Measures.Select(m => (d, m)))
            .Where(x => Haystack(x.m).Contains(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>The measures a filter keeps that also mention a text (no text: all it keeps),
    /// in catalog order, searched in memory. (The web host searches the database instead:
    /// Srdi.Storage's PolicySearch.FindAsync, best first.)</summary>
    public IEnumerable<(PolicyDocument Document, Measure Measure)> Find(PolicyFilter filter, string? text)
    {
        var rows = List(filter);
        if (string.IsNullOrEmpty(text)) return rows;
        var found = Search(text).Select(x => x.Measure.Id).ToHashSet(StringComparer.Ordinal);
        return rows.Where(x => found.Contains(x.Measure.Id));
    }

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
        foreach (var k in measure.Benefit.InKind)
            if (k.When is not null) yield return k.When;
        foreach (var e in measure.Benefit.Parts.SelectMany(PartExpressions)) yield return e;
    }

    /// <summary>Every expression of one money part: its condition, amount, cap and schedule.</summary>
    public static IEnumerable<SourceText> PartExpressions(BenefitPart p)
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

    private static string Haystack(Measure m) =>
        string.Join("\n", [m.Id, m.Title, m.Text, m.Section, string.Join(" ", m.Departments), m.Interpretation ?? "", string.Join(" ", m.Benefit.InKind.Select(k => k.Text))]);

    private static bool CityMatches(Area area, string city)
    {
        var c = Engine.Evaluation.AreaNames.Normalize(city);
        return Engine.Evaluation.AreaNames.Normalize(area.City ?? "") == c
            || Engine.Evaluation.AreaNames.Normalize(area.District ?? "") == c
            || Engine.Evaluation.AreaNames.Normalize(area.Province) == c;
    }
}
