using System.Globalization;
using System.Text.RegularExpressions;
using Srdi.Catalog.Testing;
using Srdi.Engine.Expressions;
using Srdi.Model.Policies;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Checking;

/// <summary>srdi check's guards for reading rules 20–22 and for the words a rule cites: patterns a
/// second reading of the catalog found, caught before a user meets them. Each finding names the
/// file and line of the rule and says what to do.</summary>
public static partial class ReadingRuleChecks
{
    /// <summary>The words that print a period (reading rules 14 and 21). "上年" and "去年" are
    /// written out in some clauses without 度 and mean the same.</summary>
    private static readonly string[] YearWords = ["上年度", "上一年度", "年度", "本年度", "当年", "上年", "去年"];

    /// <summary>The words that put a window, ratio or cap on each item (reading rule 22).</summary>
    private static readonly string[] ItemWords = ["每个项目", "每项", "每台", "每批", "单笔", "项目"];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"@(last_year|this_year)\b|first_obtained_in\([^)]*,\s*(this_year|last_year)\s*\)")]
    private static partial Regex PeriodReference();

    [GeneratedRegex("[“\"「]([^”\"」]+)[”\"」]")]
    private static partial Regex Quoted();

    /// <summary>Every finding for one document; <paramref name="source"/> is its seed text, where the
    /// basis of a document-wide sentence (南山's closing paragraph) is found.</summary>
    public static IEnumerable<string> Check(PolicyDocument document, CatalogVocabulary vocabulary, string? source)
    {
        var sourceText = source is null ? "" : Flat(source);
        foreach (var measure in document.Measures)
        {
            foreach (var finding in Governs(measure)) yield return finding;
            foreach (var finding in Periods(measure)) yield return finding;
            foreach (var finding in PerItem(measure, vocabulary)) yield return finding;
            foreach (var finding in Bases(measure, sourceText)) yield return finding;
        }
    }

    /// <summary>Rule 20: a measure-level condition on a clause that gives several things must be
    /// declared to govern all of them, citing the words that say so.</summary>
    public static IEnumerable<string> Governs(Measure measure)
    {
        if (measure.Benefit.Pieces < 2) yield break;
        foreach (var c in measure.Conditions)
        {
            if (!c.GovernsAll)
                yield return $"{c.Rule.Location}: 措施 {measure.Id} 的条件“{c.Label ?? c.Rule.Text}”写在措施一级，但本条有 {measure.Benefit.Parts.Count} 项资金、{measure.Benefit.InKind.Count} 项非资金支持："
                    + "把它移到它所约束的那一项（when），或写 governs: all 并用 basis 引用原文中约束全部支持的文字（阅读规则 20）";
            else if (string.IsNullOrWhiteSpace(c.Basis))
                yield return $"{c.Rule.Location}: 措施 {measure.Id} 的条件“{c.Label ?? c.Rule.Text}”声明 governs: all，但没有 basis 引用原文（阅读规则 20）";
        }
    }

    /// <summary>Rule 21: @last_year, @this_year and first_obtained_in(…, this_year) only where the
    /// clause, or a document sentence the interpretation quotes, prints a year word.</summary>
    public static IEnumerable<string> Periods(Measure measure)
    {
        var words = Flat(measure.Text) + string.Concat(Quoted().Matches(measure.Interpretation ?? "").Select(m => m.Groups[1].Value));
        if (YearWords.Any(w => words.Contains(w, StringComparison.Ordinal))) yield break;
        foreach (var expression in Policies.PolicyLibrary.Expressions(measure))
        {
            var period = PeriodReference().Match(expression.Text);
            if (period.Success)
                yield return $"{expression.Location}: 措施 {measure.Id} 的规则写了 {period.Value}，但条款原文（及 interpretation 所引原文）没有“上年度”“本年度”“年度”“当年”等字样："
                    + "条款未设期间的，按阅读规则 21 以文件有效期内、评估日之前的成果计（within_validity），或询问“此前是否已获本项奖励”";
        }
    }

    /// <summary>Rule 22: words that put a window, ratio or cap on each item, with only a scalar
    /// money, number or rate fact behind the rule, and no reason given why the total decides.</summary>
    public static IEnumerable<string> PerItem(Measure measure, CatalogVocabulary vocabulary)
    {
        foreach (var part in measure.Benefit.Parts)
        {
            if (part.ScalarReason is not null) continue;
            var words = Flat(part.Basis ?? measure.Text);
            var word = ItemWords.FirstOrDefault(w => words.Contains(w, StringComparison.Ordinal));
            if (word is null) continue;
            var expressions = Policies.PolicyLibrary.PartExpressions(part).ToList();
            if (ScalarOnly(expressions, vocabulary) is { } fact)
                yield return $"{part.Location}: 措施 {measure.Id} 的资金部分“{part.Label}”依据的文字有“{word}”，却只由标量事实 {fact} 计算："
                    + "逐项适用的区间、比例和上限需要逐项的列表事实（阅读规则 22）；若原文按企业合计，用 basis 引用那句话，或写 scalar_reason 说明";
        }
        foreach (var c in measure.Conditions)
        {
            if (c.Basis is null || c.ScalarReason is not null) continue;
            var words = Flat(c.Basis);
            var word = ItemWords.FirstOrDefault(w => words.Contains(w, StringComparison.Ordinal));
            if (word is not null && ScalarOnly([c.Rule], vocabulary) is { } fact)
                yield return $"{c.Rule.Location}: 措施 {measure.Id} 的条件“{c.Label ?? c.Rule.Text}”依据的文字有“{word}”，却由标量事实 {fact} 判断：逐项的区间需要逐项的列表事实（阅读规则 22），或写 scalar_reason 说明";
        }
    }

    /// <summary>Each basis must be the clause's own words (or, for a document-wide sentence, the
    /// document's), whitespace aside.</summary>
    public static IEnumerable<string> Bases(Measure measure, string sourceText)
    {
        var text = Flat(measure.Text);
        IEnumerable<(string? Basis, SourceLocation Location, string What)> bases =
        [
            .. measure.Conditions.Select(c => (c.Basis, c.Rule.Location, $"条件“{c.Label ?? c.Rule.Text}”")),
            .. measure.Benefit.Parts.Select(p => (p.Basis, p.Location, $"资金部分“{p.Label}”")),
            .. measure.Benefit.InKind.Select(k => (k.Basis, k.Location, $"非资金支持“{k.Text}”")),
        ];
        foreach (var (basis, location, what) in bases)
        {
            if (basis is null) continue;
            if (!text.Contains(Flat(basis), StringComparison.Ordinal))
                yield return $"{location}: 措施 {measure.Id} 的{what}的 basis“{basis}”不是条款原文（须逐字引用，空白除外）";
        }
        if (measure.AwaitsRevision is { } revision && !text.Contains(Flat(revision.Basis), StringComparison.Ordinal)
            && !sourceText.Contains(Flat(revision.Basis), StringComparison.Ordinal))
            yield return $"{measure.Location}: 措施 {measure.Id} 的 awaits_revision.basis“{revision.Basis}”在条款原文和文件原文中都找不到";
    }

    /// <summary>Rule 20's tests: a measure whose parts or items have conditions of their own needs
    /// a test where one of them fails while another holds.</summary>
    public static IEnumerable<string> PartTests(PolicyDocument document, IReadOnlyList<RulesTestCase> tests)
    {
        foreach (var measure in document.Measures)
        {
            var conditional = measure.Benefit.Parts.Count(p => p.When is not null) + measure.Benefit.InKind.Count(k => k.When is not null);
            if (measure.Benefit.Pieces < 2 || conditional == 0) continue;
            var split = tests.SelectMany(t => t.Expectations).Where(e => e.MeasureId == measure.Id)
                .Any(e => e.Parts.Concat(e.InKind).Any(p => p.Applies == false) && e.Parts.Concat(e.InKind).Any(p => p.Applies == true));
            if (!split)
                yield return string.Create(CultureInfo.InvariantCulture, $"{measure.Location}: 措施 {measure.Id} 有 {measure.Benefit.Pieces} 项支持，其中 {conditional} 项有自己的条件，")
                    + "但 tests.yaml 没有一个用例写出某一项不适用而另一项适用（expect 的 parts / in_kind）";
        }
    }

    private static string? ScalarOnly(IReadOnlyCollection<SourceText> expressions, CatalogVocabulary vocabulary)
    {
        var facts = expressions.SelectMany(e => RuleText.Names(e.Text)).Distinct()
            .Select(n => vocabulary.Facts.GetValueOrDefault(n)).OfType<FactDefinition>().ToList();
        if (facts.Any(f => f.Type == FactType.List)) return null;
        var scalar = facts.FirstOrDefault(f => f.Type is FactType.Money or FactType.Number or FactType.Rate);
        return scalar is null ? null : $"{scalar.Name}（{scalar.Label}）";
    }

    private static string Flat(string text) => Whitespace().Replace(text, "");
}
