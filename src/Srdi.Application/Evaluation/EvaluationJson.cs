using Srdi.Application.Contracts;
using Srdi.Application.Tiers;
using Srdi.Engine.Evaluation;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Evaluation;

/// <summary>Maps an evaluation onto its contract (<see cref="EvaluationResult"/>, schema
/// srdi.evaluation/1) and writes it as JSON.</summary>
public static class EvaluationJson
{
    public const string Schema = EvaluationResult.SchemaName;

    public static string Write(EvaluationReport report, CatalogVocabulary vocabulary, UpgradeValue? upgrade = null) =>
        SrdiJson.Serialize(Result(report, vocabulary, upgrade));

    public static EvaluationResult Result(EvaluationReport report, CatalogVocabulary vocabulary, UpgradeValue? upgrade = null) => new(
        Schema,
        new EnterpriseRef(report.Profile.Id, report.Profile.Name),
        report.At,
        report.IncludeDrafts,
        report.Measures.Select(m => Measure(m, vocabulary)).ToList(),
        new EvaluationTotals(MoneyTotals.From(report.InForce), MoneyTotals.From(report.Drafts), MoneyTotals.From(report.Counted)),
        Questions.For(report, vocabulary).Select(q => new QuestionResult(q.Fact, q.Label, q.Unit, q.Yearly, q.Measures)).ToList(),
        upgrade is null ? null : AssessmentJson.Upgrade(upgrade));

    private static MeasureEntitlement Measure(MeasureResult r, CatalogVocabulary vocabulary)
    {
        var m = r.Measure;
        var years = r.ScheduleAmounts;
        return new MeasureEntitlement(
            m.Id, m.DocumentId, m.Clause, m.Title,
            Words.Status(r.Status), r.WouldBe is { } wb ? Words.Status(wb) : null, r.Draft,
            m.Category, m.Beneficiary, Words.Application(m.Application), m.Departments, r.ExcludedBy,
            new BenefitResult(Words.Kind(r.Kind), r.Exact, r.UpTo,
                years.Count > 0 ? new ScheduleResult(years, r.ScheduleTotal) : null,
                r.Capped, m.Benefit.InKind.Select(k => k.Text).ToList(),
                r.Parts.Select(p => new PartEntitlement(
                    p.Part.Label, Words.Kind(p.Kind), Words.Outcome(p.Applies), p.Amount, p.Computation, p.Cap, p.CapApplied,
                    p.Part.CapLabel, p.Part.Per, p.Part.Payer, Words.Application(p.Application), p.Beneficiary,
                    p.Part.External is { } e ? new ExternalResult(e.Document, e.Note) : null)).ToList())
            {
                InKindItems = r.InKind.Select(k => new InKindEntitlement(k.Item.Text, Words.Outcome(k.Given), k.Item.When?.Text, k.Seen)).ToList(),
            },
            r.Conditions.Select(c => new ConditionResult(c.Label, c.Rule, Words.Outcome(c.Outcome), c.Seen)).ToList(),
            r.Missing.Select(f => new MissingFact(f, vocabulary.Facts.GetValueOrDefault(f)?.Label ?? f)).ToList(),
            m.Text, m.Interpretation)
        {
            PendingRevision = r.PendingRevision is { } p
                ? new PendingRevisionResult(p.Policy, p.RevisedOn, p.Basis, ChineseText.PendingRevision(p, m.HasMoney))
                : null,
        };
    }
}
