using Srdi.Application;
using Srdi.Application.Evaluation;
using Srdi.Application.Tiers;

namespace Srdi.Reports;

/// <summary>Builds the <see cref="PolicyReport"/> once from what the services already decided:
/// the <see cref="EvaluationView"/> (documents, statuses, amounts, reasons, questions, totals) and
/// the <see cref="Assessment"/> (verdicts, upgrade value). Nothing is re-worded here: the Chinese is
/// the view's, <see cref="ChineseText"/>'s and the catalog's <see cref="Application.Vocabulary.Wording"/>.
/// Thread-safe.</summary>
public sealed class PolicyReportBuilder(PolicyNavigator navigator)
{
    /// <param name="view">The evaluation arranged for a person (<see cref="EvaluationService.View"/>).</param>
    /// <param name="assessment">The tier assessment on the same date, or null to leave the tiers out.</param>
    /// <param name="generatedAt">When the report is written (printed in the header).</param>
    public PolicyReport Build(EvaluationView view, Assessment? assessment, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(view);
        var p = view.Enterprise;
        var documents = view.Documents.Select(d => new ReportDocument(
            d.Document.Title, d.Document.Number, d.State, d.Document.Validity.ToString(),
            d.Measures.Select(Measure).ToList())).ToList();
        return new PolicyReport(
            string.IsNullOrWhiteSpace(p.Name) ? p.Id : p.Name, p.Id, view.At, generatedAt,
            view.AreaText, view.Certificates, view.IncludeDrafts,
            ReportTotals.From(view.Counted), view.ShowDraftsApart ? ReportTotals.From(view.Drafts) : null,
            documents, view.NotHere.Select(d => d.Title).ToList(),
            view.Questions.Select(q => new ReportQuestion(q.Label, q.Unit, q.Yearly, q.Measures.Select(MeasureTitle).ToList())).ToList(),
            view.ReachingOthers.Select(x => new ReportOtherBeneficiary(x.Result.Measure.Title, x.Part.Part.Label, x.Beneficiary, x.Amount)).ToList(),
            assessment is null ? null : Tiers(assessment));
    }

    private static ReportMeasure Measure(MeasureView m)
    {
        var measure = m.Result.Measure;
        var computations = m.Computations.Select(c =>
            c.Part + (c.Payer is { } payer ? $"（{payer}）" : "") + "：" + c.Computation
            + (c.CapApplied ? " 触及上限" + (c.CapLabel is { } cap ? "：" + cap : "") : "")).ToList();
        return new ReportMeasure(measure.Clause, measure.Title, m.Status, m.Amount, m.Reason, m.Application,
            computations, measure.Text, measure.Interpretation) { Caveat = m.Caveat };
    }

    private ReportTiers Tiers(Assessment assessment)
    {
        var report = assessment.Report;
        var wording = navigator.Wording;
        var vocabulary = navigator.Catalog.Vocabulary;
        var tiers = report.Tiers.Select(t => new ReportTier(t.Tier.Name, ChineseText.TierVerdict(wording, t), t.Holds, t.Gaps,
            t.Missing.Select(f => ChineseText.Label(vocabulary, f)).ToList())).ToList();
        ReportUpgrade? upgrade = null;
        if (assessment.Upgrade is { } u)
        {
            upgrade = new ReportUpgrade(u.NextTier.Name, wording.Level(u.Added.Level),
                u.Documents.Select(d => new ReportUpgradeDocument(d.Document.Title, d.Document.IsDraft, ReportTotals.From(d.Difference),
                    d.Opened.Select(m => (m.Measure.Title, ChineseText.Amount(m))).ToList(),
                    d.InKindOpened.Select(InKindLine).ToList())).ToList(),
                ReportTotals.From(u.InForceDifference),
                u.DraftDifference == Engine.Evaluation.Totals.Zero ? null : ReportTotals.From(u.DraftDifference));
        }
        return new ReportTiers(report.Ruleset.Title + (report.Superseded ? "（" + report.Ruleset.SupersededNote + "）" : ""), tiers, upgrade);
    }

    /// <summary>A measure's title for a person (its id only if the catalog lacks it).</summary>
    private string MeasureTitle(string id) => navigator.FindMeasure(id)?.Title ?? id;

    /// <summary>An opened benefit in kind reads "measure id：benefit"; a person reads the
    /// measure's title instead of its id.</summary>
    private string InKindLine(string line)
    {
        var colon = line.IndexOf('：', StringComparison.Ordinal);
        return "非资金：" + (colon > 0 ? MeasureTitle(line[..colon]) + line[colon..] : line);
    }
}
