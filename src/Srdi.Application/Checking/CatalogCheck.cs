using System.Globalization;
using System.Text.RegularExpressions;
using Srdi.Engine.Expressions;
using Srdi.Model.Policies;

namespace Srdi.Application.Checking;

/// <summary>Coverage of one document: how many measures, how many carry money and how each is handled.</summary>
public sealed record DocumentCoverage(string DocumentId, string Title, bool Draft, int Measures, int WithMoney, int Computed, int External, int InKindOnly, int MoneyTested, int Tested, int Cases);

public sealed record CatalogCheckReport(
    IReadOnlyList<RulesTestResult> Results,
    IReadOnlyList<AssessmentTestResult> Assessments,
    IReadOnlyList<string> Conventions,
    IReadOnlyList<DocumentCoverage> Coverage)
{
    public bool Passed => Results.All(r => r.Passed) && Assessments.All(r => r.Passed) && Conventions.Count == 0;
}

/// <summary>srdi check: the catalog has loaded and compiled already; this runs the rules tests,
/// checks the catalog's conventions and measures coverage.</summary>
public static partial class CatalogCheck
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static CatalogCheckReport Run(PolicyNavigator navigator, string? documentId = null)
    {
        var tests = navigator.LoadTests().Where(t => documentId is null || t.DocumentId == documentId).ToList();
        var runner = new RulesTestRunner(navigator);
        var results = tests.Select(runner.Run).ToList();
        var documents = navigator.Catalog.Documents.Where(d => documentId is null || d.Id == documentId).ToList();
        var tested = tests.SelectMany(t => t.Expectations.Select(e => e.MeasureId)).ToHashSet(StringComparer.Ordinal);
        var conventions = new List<string>();
        foreach (var measure in documents.SelectMany(d => d.Measures))
        {
            conventions.AddRange(UntraceableNumbers(measure));
            if (measure.HasMoney && !tested.Contains(measure.Id))
                conventions.Add($"{measure.Location}: 措施 {measure.Id} 涉及资金，但 tests.yaml 中没有它的测试");
        }
        foreach (var document in documents)
        {
            var source = Path.Combine(navigator.Root, "sources", document.Source);
            conventions.AddRange(ReadingRuleChecks.Check(document, navigator.Catalog.Vocabulary, File.Exists(source) ? File.ReadAllText(source) : null));
            conventions.AddRange(ReadingRuleChecks.PartTests(document, tests));
        }
        var coverage = documents.Select(d => new DocumentCoverage(
            d.Id, d.Title, d.IsDraft, d.Measures.Count,
            d.Measures.Count(m => m.HasMoney),
            d.Measures.Count(m => m.Benefit.Parts.Any(p => p.External is null)),
            d.Measures.Count(m => m.HasMoney && m.Benefit.Parts.All(p => p.External is not null)),
            d.Measures.Count(m => !m.HasMoney),
            d.Measures.Count(m => m.HasMoney && tested.Contains(m.Id)),
            d.Measures.Count(m => tested.Contains(m.Id)),
            tests.Count(t => t.DocumentId == d.Id))).ToList();
        var assessments = documentId is null
            ? navigator.LoadAssessmentTests().Select(new AssessmentTestRunner(navigator).Run).ToList()
            : [];
        return new CatalogCheckReport(results, assessments, conventions, coverage);
    }

    /// <summary>Every number a rule writes must be found in its clause text or interpretation note,
    /// so that each figure stays traceable to the law. Small bare numbers (counts, months) are exempt.</summary>
    public static IEnumerable<string> UntraceableNumbers(Measure measure)
    {
        var text = Whitespace().Replace(measure.Text + " " + measure.Interpretation, "");
        foreach (var expression in Policies.PolicyLibrary.Expressions(measure))
        {
            foreach (var (written, digits, hasUnit) in RuleText.Numbers(expression.Text))
            {
                if (!hasUnit && decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var plain) && plain <= 12) continue;
                if (!Regex.IsMatch(text, $@"(?<![\d.]){Regex.Escape(digits)}(?![\d])"))
                    yield return $"{expression.Location}: 措施 {measure.Id} 的规则写了 {written}，但条款原文与 interpretation 中找不到 {digits}";
            }
        }
    }
}
