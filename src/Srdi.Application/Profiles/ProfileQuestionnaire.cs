using Srdi.Application.Evaluation;
using Srdi.Engine;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Expressions;
using Srdi.Model.Policies;
using Srdi.Model.Profiles;
using Srdi.Model.Sources;
using Srdi.Model.Tiers;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Profiles;

/// <summary>A field of each item of a list fact, as a form asks it.</summary>
public sealed record ItemQuestion(string Field, string Label, FactType Type, string? Unit, IReadOnlyList<string> Choices);

/// <summary>One fact a form asks, in the words a person reads: its label, the unit the answer is
/// typed in (money in 万元, a rate in %), the choices, the years asked (none for a fact that is
/// not yearly), the fields of a list's items, and what reads it (measure titles, the tier
/// criteria).</summary>
public sealed record FactQuestion(
    string Fact,
    string Label,
    FactType Type,
    string? Unit,
    IReadOnlyList<string> Choices,
    IReadOnlyList<int> Years,
    IReadOnlyList<ItemQuestion> Fields,
    IReadOnlyList<string> UsedBy)
{
    public bool Yearly => Years.Count > 0;

    public bool IsList => Type == FactType.List;
}

/// <summary>Questions shown together under one heading: the facts several policies share, one
/// document's own, the tier criteria's own, or the follow-up after a report.</summary>
public sealed record QuestionGroup(string Title, IReadOnlyList<FactQuestion> Questions);

/// <summary>What a form asks on an evaluation date, grouped and ordered.</summary>
public sealed record Questionnaire(DateOnly At, IReadOnlyList<QuestionGroup> Groups)
{
    public IEnumerable<FactQuestion> Questions => Groups.SelectMany(g => g.Questions);

    public static Questionnaire None(DateOnly at) => new(at, []);
}

/// <summary>Works out which facts to ask an enterprise: only those read by the rules of the
/// measures that can apply to it (documents of its area, in force on the date or drafts for
/// comment, open to every enterprise or to a certificate it holds) and by the tier criteria in
/// force, each yearly fact for the years those rules read relative to the date (上一年度 →
/// the year before). After a report, <see cref="FollowUp"/> turns the facts it lacks into the
/// same kind of questions. Pure: no web, no storage. Thread-safe.</summary>
public sealed class ProfileQuestionnaire(PolicyNavigator navigator)
{
    /// <summary>The heading of the facts read by more than one document or by a document and the
    /// tier criteria.</summary>
    public const string SharedTitle = "多项政策共用的信息";

    public const string FollowUpTitle = "补充信息";

    private CatalogVocabulary Vocabulary => navigator.Catalog.Vocabulary;

    /// <summary>The questions for an enterprise described by its basics (name, id, area,
    /// certificates; its facts are ignored) on <paramref name="at"/>.</summary>
    public Questionnaire For(EnterpriseProfile basics, DateOnly at)
    {
        var sources = new List<Source>();
        foreach (var document in navigator.Catalog.Documents)
        {
            if (!document.IsDraft && !document.Validity.Contains(at)) continue;
            if (AreaMatch.Check(document.Area, basics.Area, at) == Truth.False) continue;
            var measures = document.Measures.Where(m => CanApply(document, m, basics, at)).ToList();
            if (measures.Count == 0) continue;
            var source = new Source(document.Title);
            foreach (var measure in measures)
                source.Read(Policies.PolicyLibrary.Expressions(measure), measure.Title, Vocabulary, at);
            sources.Add(source);
        }
        if (Ruleset(at) is { } ruleset)
        {
            var source = new Source(ruleset.Title);
            source.Read(CriteriaExpressions(ruleset, basics.Area), "梯度培育认定标准", Vocabulary, at);
            foreach (var fact in new[] { ruleset.SizeFacts.Industry, ruleset.SizeFacts.DeclaredClass })
                source.Note(fact, null, "中小企业划型", Vocabulary, at);
            sources.Add(source);
        }

        var owners = new Dictionary<string, List<Source>>(StringComparer.Ordinal);
        foreach (var source in sources)
            foreach (var fact in source.Order)
            {
                if (!owners.TryGetValue(fact, out var list)) owners[fact] = list = [];
                list.Add(source);
            }
        var shared = owners.Where(kv => kv.Value.Count > 1).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        var groups = new List<QuestionGroup>();
        var sharedOrder = sources.SelectMany(s => s.Order).Where(shared.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (sharedOrder.Count > 0)
            groups.Add(new QuestionGroup(SharedTitle, sharedOrder.Select(f => Question(f, owners[f].SelectMany(s => s.Years(f)), owners[f].SelectMany(s => s.UsedBy(f)), at)).ToList()));
        foreach (var source in sources)
        {
            var own = source.Order.Where(f => !shared.Contains(f)).Select(f => Question(f, source.Years(f), source.UsedBy(f), at)).ToList();
            if (own.Count > 0) groups.Add(new QuestionGroup(source.Title, own));
        }
        return new Questionnaire(at, groups);
    }

    /// <summary>The facts a report found missing (<see cref="EvaluationView.Questions"/>) as form
    /// questions, each yearly one for the years the measures that lack it read. The registered
    /// area, which the basics ask, is left out.</summary>
    public Questionnaire FollowUp(IEnumerable<Question> missing, DateOnly at)
    {
        var questions = new List<FactQuestion>();
        foreach (var q in missing)
        {
            if (!Vocabulary.Facts.ContainsKey(q.Fact)) continue;
            var source = new Source("");
            foreach (var id in q.Measures)
                if (navigator.FindMeasure(id) is { } measure)
                    source.Read(Policies.PolicyLibrary.Expressions(measure), measure.Title, Vocabulary, at);
            questions.Add(Question(q.Fact, source.Years(q.Fact), q.Measures.Select(id => navigator.FindMeasure(id)?.Title ?? id), at));
        }
        return new Questionnaire(at, questions.Count == 0 ? [] : [new QuestionGroup(FollowUpTitle, questions)]);
    }

    /// <summary>One fact as a question, asked for <paramref name="years"/> when it is yearly
    /// (the year before the date when no rule names one).</summary>
    public FactQuestion Question(string fact, IEnumerable<int> years, IEnumerable<string> usedBy, DateOnly at)
    {
        var d = Vocabulary.Facts[fact];
        var asked = d.Yearly ? years.Distinct().OrderDescending().ToList() : [];
        if (d.Yearly && asked.Count == 0) asked.Add(at.Year - 1);
        return new FactQuestion(d.Name, d.Label, d.Type, ProfileAnswers.UnitShown(d.Type, d.Unit), d.Choices, asked,
            d.Fields.Select(f => new ItemQuestion(f.Name, f.Label, f.Type, ProfileAnswers.UnitShown(f.Type, null), f.Choices)).ToList(),
            usedBy.Distinct(StringComparer.Ordinal).ToList());
    }

    private TierRuleset? Ruleset(DateOnly at)
    {
        var rulesets = navigator.Catalog.Rulesets.OrderBy(r => r.Validity.From ?? DateOnly.MinValue).ToList();
        return rulesets.LastOrDefault(r => r.Validity.From is not { } from || from <= at) ?? rulesets.FirstOrDefault();
    }

    /// <summary>Whether a measure's targets let the enterprise in: none, or a certificate it holds
    /// valid on the date (a term of the document stands for its kinds).</summary>
    private static bool CanApply(PolicyDocument document, Measure measure, EnterpriseProfile basics, DateOnly at)
    {
        if (measure.Targets.Count == 0) return true;
        foreach (var target in measure.Targets)
        {
            var requirements = document.Terms.TryGetValue(target, out var r) ? r : [Requirement(target)];
            if (requirements.Any(q => basics.Certificates.Any(c => c.IsValidOn(at) && c.Kind == q.Kind && (q.Level is null || q.Level == c.Level))))
                return true;
        }
        return false;
    }

    private static CertificateRequirement Requirement(string target)
    {
        var at = target.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? new CertificateRequirement(target, null)
            : new CertificateRequirement(target[..at], Codes.TryParse<CertificateLevel>(target[(at + 1)..], out var level) ? level : null);
    }

    private static IEnumerable<SourceText> CriteriaExpressions(TierRuleset ruleset, EnterpriseArea? area)
    {
        bool Here(IReadOnlyList<string> regions) =>
            regions.Count == 0 || regions.Any(r => (area?.Province is { } p && AreaNames.Same(r, p)) || (area?.City is { } c && AreaNames.Same(r, c)));
        IEnumerable<SourceText> Criterion(Criterion c)
        {
            if (!Here(c.Regions)) yield break;
            if (c.Rule is not null) yield return c.Rule;
            if (c.Gap is { } gap)
            {
                yield return gap.Value;
                yield return gap.Target;
                if (gap.Shortfall is not null) yield return gap.Shortfall;
            }
            foreach (var child in c.All.Concat(c.Any).SelectMany(Criterion)) yield return child;
        }
        foreach (var size in ruleset.SizeClasses)
        {
            yield return size.Sme;
            yield return size.Medium;
            yield return size.Small;
        }
        foreach (var tier in ruleset.Tiers)
        {
            foreach (var text in tier.Conditions.Concat(tier.Direct).SelectMany(Criterion)) yield return text;
            if (tier.Score is not { } score) continue;
            foreach (var indicator in score.Indicators.Where(i => Here(i.Regions)))
            {
                if (indicator.Value is not null) yield return indicator.Value;
                if (indicator.Points is not null) yield return indicator.Points;
                foreach (var band in indicator.Bands)
                    if (band.When is not null) yield return band.When;
            }
        }
    }

    /// <summary>The facts one document (or the criteria) reads, in the order its rules first
    /// name them, with the years and the readers of each.</summary>
    private sealed class Source(string title)
    {
        private readonly Dictionary<string, (HashSet<int> Years, List<string> UsedBy)> _facts = new(StringComparer.Ordinal);

        public string Title { get; } = title;

        public List<string> Order { get; } = [];

        public HashSet<int> Years(string fact) => _facts.TryGetValue(fact, out var f) ? f.Years : [];

        public List<string> UsedBy(string fact) => _facts.TryGetValue(fact, out var f) ? f.UsedBy : [];

        public void Read(IEnumerable<SourceText> expressions, string reader, CatalogVocabulary vocabulary, DateOnly at)
        {
            foreach (var expression in expressions)
                foreach (var (name, year) in RuleText.Mentions(expression.Text))
                    Note(name, year, reader, vocabulary, at);
        }

        public void Note(string fact, string? year, string reader, CatalogVocabulary vocabulary, DateOnly at)
        {
            if (!vocabulary.Facts.TryGetValue(fact, out var definition)) return;
            if (!_facts.TryGetValue(fact, out var entry))
            {
                _facts[fact] = entry = ([], []);
                Order.Add(fact);
            }
            if (definition.Yearly && year is not null && RuleText.Year(year, at) is { } y) entry.Years.Add(y);
            if (!entry.UsedBy.Contains(reader)) entry.UsedBy.Add(reader);
        }
    }
}
