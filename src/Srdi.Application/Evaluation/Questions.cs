using Srdi.Engine.Evaluation;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Evaluation;

/// <summary>A fact the profile lacks, with the measures it would decide: one line of the short
/// questionnaire that follows an evaluation (reading rule 19).</summary>
public sealed record Question(string Fact, string Label, string? Unit, bool Yearly, IReadOnlyList<string> Measures);

public static class Questions
{
    public static IReadOnlyList<Question> For(EvaluationReport report, CatalogVocabulary vocabulary) =>
        report.Measures
            .Where(m => m.Status == MeasureStatus.NeedsInfo || (m.Status == MeasureStatus.Eligible && m.Missing.Count > 0))
            .SelectMany(m => m.Missing.Select(f => (Fact: f, m.Measure.Id)))
            .GroupBy(x => x.Fact)
            .Select(g =>
            {
                var definition = vocabulary.Facts.GetValueOrDefault(g.Key);
                return new Question(g.Key, ChineseText.FactLabel(vocabulary, g.Key),
                    definition?.Unit, definition?.Yearly ?? false,
                    g.Select(x => x.Id).Distinct().ToList());
            })
            .OrderByDescending(q => q.Measures.Count)
            .ToList();
}
